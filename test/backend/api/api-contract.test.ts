// Every method of the table (electron/common/api.ts), over both transports: through the real
// preload and main wiring (in-memory IPC) and through the real browser client and preview
// server (HTTP), each on its own real library. Valid arguments must answer a result that parses
// with the table's schema (results are checked in these tests, not in production); invalid ones
// must be refused naming the argument. `VALID` is keyed by the table, so a method added to the
// table does not compile here until it has a case.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendEvents, backendHandlers } from '../../../electron/backend/api-handlers';
import { API, API_EVENTS, type ApiTable } from '../../../electron/common/api';
import { argName } from '../../../electron/common/api-types';
import { bindHandlers, checkEvent } from '../../../electron/common/api-validate';
import type { RunEvent } from '../../../electron/common/contract';
import { closeServer, overHttp, overIpc, type AnyApi } from './api-transports';
import { closeTempBackend, openTempBackend, quickExample, type TempBackend } from '../temp-backend';

interface Context {
  t: TempBackend;
  /** A saved scenario, with two versions. */
  scenarioId: string;
  versionId: string;
  /** A finished run of it. */
  runId: string;
  backupName: string;
  /** What the calls so far answered, by method. */
  results: Map<string, unknown>;
}

/** Valid arguments of each method, in table order (earlier answers may be used). */
const VALID: Record<keyof ApiTable, (c: Context) => unknown[] | Promise<unknown[]>> = {
  info: () => [],
  licences: () => [],
  listScenarios: () => [],
  getScenario: (c) => [c.scenarioId],
  createScenario: () => [quickExample({ name: 'Created' })],
  updateScenario: (c) => [c.scenarioId, quickExample({ name: 'Updated' })],
  deleteScenario: (c) => [(c.results.get('createScenario') as { scenario: { id: string } }).scenario.id],
  listExamples: () => [],
  startRun: (c) => [c.scenarioId, { replications: 1, seed: 3 }],
  cancelRun: (c) => [(c.results.get('startRun') as { id: string }).id],
  listRuns: (c) => [c.scenarioId],
  getRunResult: (c) => [c.runId],
  setRunLabel: (c) => [c.runId, '  baseline  '],
  // The bundled trace example, saved with its trace file (the contract's `ok: true` branch).
  traceRate: async (c) => {
    const example = fs.readFileSync(path.resolve(__dirname, '../../../assets/examples/azure-llm-code-trace.json'), 'utf8');
    const saved = (await c.t.backend.createScenario(example)) as { ok: true; scenario: { id: string } };
    return [saved.scenario.id, 0];
  },
  listVersions: (c) => [c.scenarioId],
  getVersion: (c) => [c.versionId],
  restoreVersion: (c) => [c.scenarioId, c.versionId],
  renameScenario: (c) => [c.scenarioId, 'Renamed'],
  duplicateScenario: (c) => [c.scenarioId],
  setTags: (c) => [c.scenarioId, ['gpu', 'q3']],
  searchScenarios: () => ['renamed'],
  listTrash: () => [],
  restoreFromTrash: (c) => [(c.results.get('createScenario') as { scenario: { id: string } }).scenario.id],
  purgeScenario: async (c) => {
    await idle(c); // it refuses while a run is in progress
    const doomed = (await c.t.backend.createScenario(quickExample({ name: 'Doomed' }))) as { ok: true; scenario: { id: string } };
    await c.t.backend.deleteScenario(doomed.scenario.id);
    return [doomed.scenario.id];
  },
  exportScenarios: (c) => [[c.scenarioId, c.scenarioId], { history: true }],
  // A scenario, and the context's run's result as the CLI would write it (kept as an imported run: `results`).
  importScenarios: async (c) => [[{ name: 'imported.json', text: quickExample({ name: 'Imported' }) }, { name: 'run.json', text: JSON.stringify(await c.t.backend.getRunResult(c.runId)) }]],
  libraryStatus: () => [],
  backupLibrary: () => [],
  restoreLibraryBackup: async (c) => {
    await idle(c);
    return [c.backupName];
  },
  calibrateStragglers: () => [{ name: 'steps.csv', text: 'worker,step,step_time\n0,1,1\n1,1,1.2\n' }, { slowThreshold: 1.1 }],
  checkpointSweep: (c) => [c.scenarioId, { factors: [1], replications: 1, requestId: 'sweep-1' }],
  cancelCheckpointSweep: () => ['sweep-1'],
  compareRuns: (c) => [c.runId, c.runId],
  runAnalysis: (c) => [c.scenarioId, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 10 }], replications: 1, requestId: 'analysis-1' }],
  cancelAnalysis: () => ['analysis-1'],
  listAnalyses: (c) => [c.scenarioId],
  getAnalysis: (c) => [(c.results.get('runAnalysis') as { analysis: { summary: { id: string } } }).analysis.summary.id],
  renderAnalysisReport: (c) => [(c.results.get('runAnalysis') as { analysis: { summary: { id: string } } }).analysis.summary.id, 'html', 'de-DE'],
  deleteAnalysis: (c) => [(c.results.get('runAnalysis') as { analysis: { summary: { id: string } } }).analysis.summary.id],
  previewRun: (c) => [c.scenarioId, { json: quickExample(), sets: [{ path: 'serving.services[0].replicas', value: 10 }], requestId: 'preview-1' }],
  renderRunReport: (c) => [c.runId, 'md', 'de-DE'],
  saveExport: (c) => [[c.scenarioId], { history: false }],
  openImport: () => [],
  saveLibraryBackup: () => [],
  openLibraryBackup: () => [],
  saveRunReport: (c) => [c.runId, 'pdf', 'de-DE'],
};

/** Waits until no run of the library is queued or running (a restore refuses to start then). */
async function idle(c: Context): Promise<void> {
  for (;;) {
    const runs = await c.t.backend.listRuns(c.scenarioId);
    if (runs.every((r) => !['queued', 'running'].includes(r.status))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The dialog methods as a shell without dialogs would answer them: "cancelled". */
const noDialogs = { saveExport: async () => null, openImport: async () => null, saveLibraryBackup: async () => null, openLibraryBackup: async () => null, saveRunReport: async () => null };

async function openContext(prefix: string): Promise<Context> {
  const t = openTempBackend(prefix);
  const saved = (await t.backend.createScenario(quickExample())) as { ok: true; scenario: { id: string; versionId: string } };
  const scenarioId = saved.scenario.id;
  await t.backend.updateScenario(scenarioId, quickExample({ seed: 9 }));
  const run = await t.backend.startRun(scenarioId, { replications: 1 });
  const c: Context = { t, scenarioId, versionId: saved.scenario.versionId, runId: run.id, backupName: '', results: new Map() };
  await idle(c);
  c.backupName = (await t.backend.backupLibrary()).name;
  return c;
}

/** A context shared by the tests of the calling `describe`: opened before the first, closed after the last. */
function contextForAll(prefix: string): Context {
  const c = {} as Context;
  beforeAll(async () => {
    Object.assign(c, await openContext(prefix));
  });
  afterAll(() => closeTempBackend(c.t));
  return c;
}

/** Calls every method with valid, then invalid arguments; collects the events seen meanwhile. */
async function exercise(api: AnyApi, c: Context, methods: string[]): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  const off = (api.onRunEvent as unknown as (l: (e: RunEvent) => void) => () => void)((e) => {
    checkEvent('onRunEvent', API_EVENTS.onRunEvent, e);
    events.push(e);
  });
  for (const method of methods) {
    const args = await VALID[method as keyof ApiTable](c);
    const value = await api[method]!(...args).catch((e: Error) => {
      throw new Error(`${method}(${JSON.stringify(args).slice(0, 200)}) failed: ${e.message}`);
    });
    // (Over HTTP a method that answers nothing answers null.)
    const result = API[method as keyof ApiTable].result;
    expect(result.safeParse(value).success || (value === null && result.safeParse(undefined).success), method).toBe(true);
    c.results.set(method, value);
    await expect(api[method]!(...invalidArgs(method)), method).rejects.toThrow(invalidMessage(method));
  }
  await idle(c);
  off();
  return events;
}

/** The first argument replaced by something no schema here accepts; an extra one where there are none. */
function invalidArgs(method: string): unknown[] {
  const arity = API[method as keyof ApiTable].args.def.items.length;
  return arity === 0 ? ['surplus'] : [{ $ne: 1 }];
}

function invalidMessage(method: string): RegExp {
  const items = API[method as keyof ApiTable].args.def.items;
  if (items.length === 0) return /^args: takes at most 0 arguments \(got 1\)$/;
  return new RegExp(`^${argName(items[0], 0)}[.:\\[]`);
}

/** The report methods' optional `locale`: absent, null or a tag; anything else is refused by name. */
async function expectLocaleChecked(api: AnyApi, c: Context): Promise<void> {
  const md = (await api.renderRunReport!(c.runId, 'md', 'de-DE')) as { text: string };
  expect(md.text).toBe(((await api.renderRunReport!(c.runId, 'md', 'de')) as { text: string }).text);
  expect(md.text).not.toBe(((await api.renderRunReport!(c.runId, 'md')) as { text: string }).text);
  for (const locale of [undefined, null, 'en-US', 'xx-YY']) {
    expect(((await api.renderRunReport!(c.runId, 'csv', locale)) as { text: string }).text, String(locale)).toBe(((await api.renderRunReport!(c.runId, 'csv')) as { text: string }).text);
  }
  for (const locale of ['de_DE', '', 'de-DE; drop table', `en-${'x'.repeat(40)}`, 42, { tag: 'de' }]) {
    for (const method of ['renderRunReport', 'saveRunReport'].filter((m) => api[m])) {
      await expect(api[method]!(c.runId, 'md', locale), `${method} ${JSON.stringify(locale)}`).rejects.toThrow(/^locale: must be a BCP 47 language tag/);
    }
  }
}

describe('the method table over IPC (real preload factory and main wiring, in-memory ipc)', () => {
  const c = contextForAll('headroom-contract-ipc-');

  it('answers every method with a result that parses, refuses bad arguments naming them, and streams events', async () => {
    const handlers = { ...backendHandlers(c.t.backend), ...bindHandlers(API, 'dialog', noDialogs) };
    const api = overIpc({ table: API, handlers, events: backendEvents(c.t.backend) });
    const events = await exercise(api, c, Object.keys(API));
    expect(events.map((e) => e.type)).toContain('status');
    await expect(api.saveRunReport!('0123', 'docx')).rejects.toThrow("kind: must be one of 'html', 'pdf', 'md', 'csv', 'json'");
    await expectLocaleChecked(api, c);
  });
});

describe('the method table over HTTP (real browser client and preview server)', () => {
  const c = contextForAll('headroom-contract-http-');

  it('answers every backend method with a result that parses, refuses bad arguments naming them, and streams events', async () => {
    const http = await overHttp(c.t.backend, c.t.dir, { table: API, handlers: backendHandlers(c.t.backend), events: backendEvents(c.t.backend) });
    try {
      const methods = Object.keys(API).filter((m) => API[m as keyof ApiTable].kind === 'backend');
      const events = await exercise(http.api, c, methods);
      expect(events.map((e) => e.type)).toContain('status');
      await expectLocaleChecked(http.api, c);
      // The dialog methods are the browser client's own: the server does not answer them.
      for (const method of Object.keys(API).filter((m) => !methods.includes(m))) {
        const res = await fetch(`${http.origin}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': http.token }, body: '{"args":[]}' });
        expect(res.status, method).toBe(404);
      }
    } finally {
      await closeServer(http.server);
    }
  });
});

describe('the test above covers the whole table', () => {
  it('has a case for every method and nothing else', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(API).sort());
  });
});
