// Model-based test of the whole store over the fake backend: random sequences of user actions
// (create, edit, undo, redo, save, pause, rename, duplicate, delete and its Undo, restore from
// the trash, select), each
// applied to the store and to a plain model (scenario-store-model.ts), and after each one the
// store, the backend and the model must agree: the list and its order, the open scenario, its
// text, the versions, the drafts, both undo stacks and the toast.
// HEADROOM_FUZZ_RUNS raises the number of sequences (100 by default).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MS } from '../../../../renderer/store/editor-slice';
import { FakeBackend } from './fake-backend';
import * as M from './scenario-store-model';
import { EXAMPLES, makeStore, settle, SMALL, stubBrowserForEachTest, type AppStore } from './store-harness';

const RUNS = Math.max(100, Number(process.env.HEADROOM_FUZZ_RUNS ?? 100));

interface Real {
  store: AppStore;
  fake: FakeBackend;
}
type Cmd = fc.AsyncCommand<M.Model, Real>;

/** Runs one store action, then waits for everything it set off. */
async function act(r: Real, action: (s: ReturnType<AppStore['getState']>) => unknown): Promise<void> {
  await action(r.store.getState());
  await settle();
}

/** The id of the scenario the store just opened, new to the model. */
function newId(m: M.Model, r: Real): string {
  const id = r.store.getState().editorScenarioId;
  expect(id).not.toBeNull();
  expect(m.scenarios.has(id!)).toBe(false);
  return id!;
}

function agree(m: M.Model, r: Real): void {
  const s = r.store.getState();
  const live = M.live(m);
  expect(s.scenarios.map((x) => x.id), 'the list, newest first').toEqual(live.map((x) => x.id));
  expect(r.fake.liveIds(), "the backend's list").toEqual(live.map((x) => x.id));
  expect(s.scenarios.map((x) => x.version), 'versions in the list').toEqual(live.map((x) => x.versions));
  for (const x of m.scenarios.values()) expect(r.fake.versionCount(x.id), `versions of ${x.id}`).toBe(x.versions);
  expect(r.fake.scenarios.size, 'scenarios the backend holds').toBe(m.scenarios.size);
  expect(r.fake.calls.filter((c) => c === 'listTrash')).toEqual([]); // the trash panel stays closed
  expect([...r.fake.scenarios.values()].filter((x) => x.deletedAt !== null).map((x) => x.id).sort(), 'the trash')
    .toEqual(M.trash(m).map((x) => x.id).sort());

  expect(s.selectedScenarioId, 'selected').toBe(m.open);
  expect(s.editorScenarioId, 'in the editor').toBe(m.open);
  expect(s.text, 'the text').toBe(m.editor.text);
  expect(s.savedText, 'the saved text').toBe(m.open === null ? '' : M.current(m).saved);
  expect(s.editorVersion).toBe(m.open === null ? null : M.current(m).versions);
  expect(s.parse?.ok ?? null, 'valid').toBe(m.open === null ? null : M.isValid(m.editor.text));
  expect(s.history.past, 'undo steps').toEqual(m.editor.past);
  expect(s.history.future, 'redo steps').toEqual(m.editor.future);
  expect(s.drafts, 'drafts').toEqual(Object.fromEntries(m.drafts));
  expect(s.toast === null, 'no toast').toBe(m.toast === null);
  expect(s.toast?.action?.label ?? null, "the toast's action").toBe(m.toast?.undo ? 'Undo' : null);
}

const ifOpen = (m: Readonly<M.Model>) => m.open !== null;

const createFromExample = (): Cmd => ({
  check: () => true,
  async run(m, r) {
    await act(r, (s) => s.createFromExample('small-api'));
    M.create(m, newId(m, r), SMALL);
    agree(m, r);
  },
  toString: () => 'CreateFromExample',
});

const edit = (field: M.Field, value: number): Cmd => ({
  check: ifOpen,
  async run(m, r) {
    await act(r, (s) => s.setField(M.FIELDS[field], value));
    M.edit(m, field, value);
    agree(m, r);
  },
  toString: () => `Edit(${field}, ${value})`,
});

const simple = (name: string, storeAction: (s: ReturnType<AppStore['getState']>) => unknown, modelAction: (m: M.Model) => void): Cmd => ({
  check: ifOpen,
  async run(m, r) {
    await act(r, storeAction);
    modelAction(m);
    agree(m, r);
  },
  toString: () => name,
});

const pause = (): Cmd => ({
  check: () => true,
  async run(m, r) {
    await vi.advanceTimersByTimeAsync(M.PAUSE_MS);
    await settle();
    M.pause(m);
    agree(m, r);
  },
  toString: () => 'Pause',
});

const rename = (name: string): Cmd => ({
  check: ifOpen,
  async run(m, r) {
    let renamed: boolean | undefined;
    await act(r, async (s) => (renamed = await s.renameScenario(m.open!, name)));
    expect(renamed).toBe(M.rename(m, name));
    agree(m, r);
  },
  toString: () => `Rename(${JSON.stringify(name)})`,
});

const duplicate = (): Cmd => ({
  check: ifOpen,
  async run(m, r) {
    await act(r, (s) => s.duplicateScenario(m.open!));
    M.duplicate(m, newId(m, r));
    agree(m, r);
  },
  toString: () => 'Duplicate',
});

/** Picks the i-th (modulo) scenario of a list at run time: the generated index stays valid. */
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

const remove = (i: number): Cmd => ({
  check: (m) => M.live(m).length > 0,
  async run(m, r) {
    const id = pick(M.live(m), i).id;
    await act(r, (s) => s.deleteScenario(id));
    M.remove(m, id);
    agree(m, r);
  },
  toString: () => `Delete(#${i})`,
});

const restore = (i: number): Cmd => ({
  check: (m) => M.trash(m).length > 0,
  async run(m, r) {
    const id = pick(M.trash(m), i).id;
    await act(r, (s) => s.restoreFromTrash(id));
    M.restore(m, id);
    agree(m, r);
  },
  toString: () => `RestoreFromTrash(#${i})`,
});

const undoDelete = (): Cmd => ({
  check: (m) => m.toast?.undo != null,
  async run(m, r) {
    await act(r, (s) => s.toast?.action?.run());
    M.undoDelete(m);
    agree(m, r);
  },
  toString: () => 'UndoDelete',
});

const select = (i: number): Cmd => ({
  check: (m) => M.live(m).length > 0,
  async run(m, r) {
    const id = pick(M.live(m), i).id;
    await act(r, (s) => s.openScenario(id));
    M.open(m, id);
    agree(m, r);
  },
  toString: () => `Select(#${i})`,
});

const field = fc.constantFrom<M.Field>('replicas', 'concurrency');
const index = fc.nat({ max: 7 });
const commands = [
  fc.constant(createFromExample()),
  fc.tuple(field, fc.integer({ min: 0, max: 6 })).map(([f, v]) => edit(f, v)),
  fc.constant(simple('Undo', (s) => s.undo(), M.undo)),
  fc.constant(simple('Redo', (s) => s.redo(), M.redo)),
  fc.constant(simple('Save', (s) => s.saveScenario(), (m) => void M.save(m))),
  fc.constant(pause()),
  fc.constantFrom('Alpha', 'Beta', 'Small API', ' Gamma ', '   ').map(rename),
  fc.constant(duplicate()),
  index.map(remove),
  index.map(restore),
  fc.constant(undoDelete()),
  index.map(select),
];

stubBrowserForEachTest();

describe('the store against a model', () => {
  it('agrees with the model after every action', async () => {
    expect(M.PAUSE_MS, 'a pause runs the autosave and ends the coalescing second').toBeGreaterThan(Math.max(AUTOSAVE_MS, 1000));
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 60, size: 'max' }), async (cmds) => {
        vi.clearAllTimers(); // nothing of an earlier sequence's store may fire in this one
        const { store, fake, unsubscribe } = makeStore(new FakeBackend(EXAMPLES));
        await store.getState().initLibrary();
        // Each sequence starts with one scenario open, so that most actions apply from the start.
        const model = M.emptyModel();
        await createFromExample().run(model, { store, fake });
        try {
          await fc.asyncModelRun(() => ({ model, real: { store, fake } }), cmds);
        } finally {
          unsubscribe();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
