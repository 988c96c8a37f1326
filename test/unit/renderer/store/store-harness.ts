// What every store test needs: the app store over a fake backend, wired to its run events as
// App.tsx wires the real one, the few browser globals the slices read (the tests run in node),
// and a way to wait until the store's promise chains have finished.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ExampleScenario } from '../../../../electron/common/contract';
import { createAppStore } from '../../../../renderer/store/app-store';
import { FakeBackend } from './fake-backend';

/** A small valid scenario (parsing it on every edit keeps the model-based test fast). */
export const SMALL = `${JSON.stringify({
  format: 'headroom.scenario/v1',
  name: 'Small API',
  seed: 1,
  replications: 2,
  horizon_s: 60,
  serving: {
    services: [{
      id: 'api', arrivals: { process: 'poisson', rate_rps: 100 }, replicas: 2, concurrency: 4,
      service_time_ms: { dist: 'exponential', mean: 20 }, latency_budget_ms: 200, slo_percentile: 99,
    }],
  },
}, null, 2)}\n`;

export const RISK_MODEL = readFileSync(new URL('../../../../assets/examples/risk-model-api.json', import.meta.url), 'utf8');

export const EXAMPLES: ExampleScenario[] = [
  { id: 'small-api', name: 'Small API', description: 'One serving service', json: SMALL },
  { id: 'risk-model-api', name: 'Risk model API', description: "The article's worked example", json: RISK_MODEL },
  { id: 'broken', name: 'Broken', description: 'Does not validate', json: '{"format": "headroom.scenario/v1"}' },
];

/** Web storage kept in a Map, as a browser's would be. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, String(value)); }
}

/**
 * The browser globals the slices touch: `window.matchMedia` (the default theme), localStorage
 * (the theme) and sessionStorage (the last open scenario). Undo with `vi.unstubAllGlobals()`.
 */
export function stubBrowser(options: { prefersDark?: boolean } = {}): { local: Storage; session: Storage } {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  vi.stubGlobal('window', { matchMedia: (query: string) => ({ matches: query.includes('dark') && options.prefersDark === true }) });
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
  return { local, session };
}

/**
 * Gives every test of the calling file a fresh stubbed browser and fake timers (these fake
 * performance.now too, which decides whether edits coalesce), undone after each test. The
 * returned storages are the current test's.
 */
export function stubBrowserForEachTest(): { local: Storage; session: Storage } {
  const current: { local: Storage; session: Storage } = { local: new MemoryStorage(), session: new MemoryStorage() };
  beforeEach(() => {
    Object.assign(current, stubBrowser());
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return current;
}

/** The path of the first service's replicas, the field the tests edit. */
export const REPLICAS = ['serving', 'services', 0, 'replicas'] as const;

export type AppStore = ReturnType<typeof createAppStore>;

/** A store over a fresh fake backend, receiving its run events. */
export function makeStore(fake = new FakeBackend(EXAMPLES)): { store: AppStore; fake: FakeBackend; unsubscribe: () => void } {
  const store = createAppStore(fake.api);
  const unsubscribe = fake.api.onRunEvent((event) => store.getState().handleRunEvent(event));
  return { store, fake, unsubscribe };
}

// Taken before any test fakes the timers: a macrotask runs only once every pending promise
// callback has, so awaiting one lets the store's chains of backend calls finish.
const realSetImmediate = globalThis.setImmediate;

/** Waits until the store has nothing left to do but timers. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => realSetImmediate(() => resolve()));
}

/** Creates a scenario from an example through the store, opens it, and returns its id. */
export async function openExample(store: AppStore, exampleId = 'small-api'): Promise<string> {
  if (store.getState().examples.length === 0) await store.getState().initLibrary();
  await store.getState().createFromExample(exampleId);
  await settle();
  const id = store.getState().editorScenarioId;
  if (id === null) throw new Error(`the example ${exampleId} did not open: ${store.getState().libraryError}`);
  return id;
}
