// The runs list through the real backend on a real library: each run says what changed since
// the run before it, its verdict's headline is stored when it finishes (and worked out for runs
// finished before headlines were stored), and runs can be labelled.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../../db';
import type { Backend } from '../../../electron/backend/backend';
import { loadScenarioText } from '../../../electron/backend/traces/scenario-source';
import type { ResultDocument } from '../../../simulation';
import { runHeadline } from '../../../simulation/present';
import { checked, quickExample, tempBackendForEach, waitForFinal } from '../temp-backend';

let lib: Library;
let backend: Backend;

tempBackendForEach('headroom-run-summaries-', (t) => ({ lib, backend } = t));

/** The quick example with the serving service's replicas set. */
function withReplicas(replicas: number): string {
  const s = JSON.parse(quickExample()) as { serving: { services: { replicas: number }[] } };
  s.serving.services[0]!.replicas = replicas;
  return JSON.stringify(s, null, 2);
}

async function run(scenarioId: string, options: { seed?: number } = {}) {
  const started = await backend.startRun(scenarioId, { replications: 1, ...options });
  return waitForFinal(backend, started.id);
}

/** The headline worked out directly from the run's stored result and the version it ran. */
function expectedHeadline(runId: string) {
  const record = lib.runs.getRun(runId)!;
  const loaded = loadScenarioText(lib.scenarios.getVersion(record.scenarioVersionId)!.json);
  if (!loaded.ok) throw new Error('the version does not load');
  return runHeadline(JSON.parse(lib.runs.getRunResult(runId)!) as ResultDocument, loaded.scenario);
}

describe('what changed since the run before', () => {
  it('compares each run with the scenario’s previous one: first run, a field, the seed, nothing', async () => {
    const saved = await backend.createScenario(withReplicas(8));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const id = saved.scenario.id;

    const first = await run(id);
    expect(first.changes).toEqual(['first run']);
    await backend.updateScenario(id, withReplicas(10));
    const second = await run(id);
    expect(second.changes).toEqual(['replicas 8 → 10']);
    const third = await run(id, { seed: 2 });
    expect(third.changes).toEqual(['seed 1 → 2']);
    const fourth = await run(id, { seed: 2 });
    expect(fourth.changes).toEqual(['same inputs']);

    const listed = await checked(backend).listRuns(id);
    expect(listed.map((r: { changes: string[] }) => r.changes)).toEqual([['same inputs'], ['seed 1 → 2'], ['replicas 8 → 10'], ['first run']]);
    // The status event and the list agree.
    expect(listed[2]).toEqual(second);
  });

  it('counts what it does not list', async () => {
    const saved = await backend.createScenario(quickExample());
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    await run(saved.scenario.id);
    await backend.updateScenario(saved.scenario.id, quickExample({ horizon_s: 30, warmup_s: 1, description: 'shorter', name: 'Quick' }));
    const next = await run(saved.scenario.id);
    expect(next.changes).toHaveLength(4);
    expect(next.changes[3]).toBe('+1 more');
    expect(next.changes).toContain('horizon_s 20 → 30');
  });
});

describe('headlines', () => {
  it('stores the verdict’s headline when a run finishes', async () => {
    const saved = await backend.createScenario(withReplicas(8));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const done = await run(saved.scenario.id);
    expect(done.status).toBe('done');
    const expected = expectedHeadline(done.id);
    expect(expected).not.toBeNull(); // 8 replicas at 1200 rps: the serving verdict has something to say
    expect(done.headline).toEqual(expected);
    expect(lib.runs.getRun(done.id)).toMatchObject({ headline: expected, headlinePending: false });
  });

  it('works out, and stores, the headline of a run finished before headlines were kept', async () => {
    const saved = await backend.createScenario(withReplicas(8));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const done = await run(saved.scenario.id);
    const expected = expectedHeadline(done.id);

    // As 0004-run-labels leaves a run finished before it.
    const db = new Database(lib.path);
    db.prepare('UPDATE runs SET headline = NULL WHERE id = ?').run(done.id);
    db.close();
    expect(lib.runs.getRun(done.id)).toMatchObject({ headline: null, headlinePending: true });

    const [listed] = await backend.listRuns(saved.scenario.id);
    expect(listed!.headline).toEqual(expected);
    expect(lib.runs.getRun(done.id)).toMatchObject({ headline: expected, headlinePending: false });
  });

  it('has none for a run without a result', async () => {
    const saved = await backend.createScenario(quickExample());
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const started = await backend.startRun(saved.scenario.id, { replications: 3 });
    const final = waitForFinal(backend, started.id);
    await backend.cancelRun(started.id);
    const cancelled = await final;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.headline).toBeNull();
  });
});

describe('labels', () => {
  it('labels a run through the table’s gate, clears it, and refuses bad labels naming the field', async () => {
    const saved = await backend.createScenario(quickExample());
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const done = await run(saved.scenario.id);
    const api = checked(backend);

    const labelled = await api.setRunLabel(done.id, '  baseline   at peak ');
    expect(labelled).toMatchObject({ id: done.id, label: 'baseline at peak', changes: ['first run'] });
    expect((await backend.listRuns(saved.scenario.id))[0]!.label).toBe('baseline at peak');

    await expect(api.setRunLabel(done.id, 'x'.repeat(81))).rejects.toThrow(/^label: must be a string of at most 80 characters/);
    await expect(api.setRunLabel(done.id, 7)).rejects.toThrow(/^label: /);
    await expect(api.setRunLabel(done.id, 'bell\u0007')).rejects.toThrow('label: cannot hold control characters');
    await expect(api.setRunLabel('no-such-run', 'x')).rejects.toThrow(/^runId: no run/);
    expect(lib.runs.getRun(done.id)!.label).toBe('baseline at peak');

    expect((await api.setRunLabel(done.id, '   ')).label).toBeNull();
    await api.setRunLabel(done.id, 'again');
    expect((await api.setRunLabel(done.id, null)).label).toBeNull();
  });
});
