import { describe, expect, it } from 'vitest';
import { INTERRUPTED_RUN_ERROR, RecordNotFoundError, RunStateError, openLibrary } from '../../db';
import type { Library } from '../../db';
import { scenarioInput, tempDataDir, tickingClock } from './helpers';

function withScenario(dataDir = tempDataDir()): { library: Library; scenarioId: string; versionId: string } {
  const library = openLibrary(dataDir, { now: tickingClock() });
  const scenario = library.scenarios.createScenario(scenarioInput('Chat'));
  return { library, scenarioId: scenario.id, versionId: scenario.versionId };
}

const newRun = (scenarioVersionId: string, seed = 1) => ({ scenarioVersionId, seed, replications: 4, engineVersion: '0.1.0' });

describe('runs repository', () => {
  it('takes a run from queued to running to done, storing the result with the status', () => {
    const { library, scenarioId, versionId } = withScenario();
    const { runs } = library;
    const queued = runs.createRun(newRun(versionId, 42));
    expect(queued).toMatchObject({
      scenarioId, scenarioVersionId: versionId, scenarioVersion: 1, scenarioName: 'Chat',
      status: 'queued', seed: 42, replications: 4, engineVersion: '0.1.0',
      startedAt: null, finishedAt: null, wallMs: null, events: null, error: null,
    });
    const running = runs.markRunning(queued.id);
    expect(running.status).toBe('running');
    expect(running.startedAt).not.toBeNull();
    expect(() => runs.markRunning(queued.id)).toThrow(RunStateError);

    const done = runs.finishRun(queued.id, { status: 'done', wallMs: 12.6, events: 1000, resultJson: '{"ok":true}', error: null });
    expect(done).toMatchObject({ status: 'done', wallMs: 13, events: 1000, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(runs.getRunResult(queued.id)).toBe('{"ok":true}');
    expect(runs.getRun(queued.id)).toEqual(done);
    expect(() => runs.finishRun(queued.id, { status: 'failed', wallMs: null, events: null, resultJson: null, error: 'x' }))
      .toThrow(RunStateError);
    library.close();
  });

  it('stores nothing when finishing fails, and reports unknown runs and versions', () => {
    const { library, versionId } = withScenario();
    const { runs } = library;
    expect(() => runs.createRun(newRun('nope'))).toThrow(RecordNotFoundError);
    expect(() => runs.markRunning('nope')).toThrow(RecordNotFoundError);
    expect(runs.getRun('nope')).toBeNull();
    expect(runs.getRunResult('nope')).toBeNull();

    const run = runs.createRun(newRun(versionId));
    // A fractional event count violates the INTEGER column: status and result roll back together.
    expect(() => runs.finishRun(run.id, { status: 'done', wallMs: 5, events: 1.5, resultJson: '{}', error: null })).toThrow();
    expect(runs.getRun(run.id)!.status).toBe('queued');
    expect(runs.getRunResult(run.id)).toBeNull();

    const cancelled = runs.finishRun(run.id, { status: 'cancelled', wallMs: null, events: null, resultJson: null, error: null });
    expect(cancelled.status).toBe('cancelled');
    expect(runs.getRunResult(run.id)).toBeNull();
    library.close();
  });

  it('lists runs of all versions of a scenario, newest first', () => {
    const { library, scenarioId, versionId } = withScenario();
    const { runs, scenarios } = library;
    const r1 = runs.createRun(newRun(versionId, 1));
    const v2 = scenarios.addVersion(scenarioId, scenarioInput('Chat renamed'));
    const r2 = runs.createRun(newRun(v2.versionId, 2));
    const other = scenarios.createScenario(scenarioInput('Other'));
    runs.createRun(newRun(other.versionId, 3));

    const listed = runs.listRuns(scenarioId);
    expect(listed.map((r) => [r.id, r.scenarioVersion, r.scenarioName])).toEqual([
      [r2.id, 2, 'Chat renamed'],
      [r1.id, 1, 'Chat renamed'],
    ]);
    expect(runs.listRuns('nope')).toEqual([]);
    library.close();
  });

  it('marks runs a crashed process left unfinished as failed when the library is reopened', () => {
    const dataDir = tempDataDir();
    const { library, versionId } = withScenario(dataDir);
    const queued = library.runs.createRun(newRun(versionId));
    const running = library.runs.createRun(newRun(versionId));
    library.runs.markRunning(running.id);
    const done = library.runs.createRun(newRun(versionId));
    library.runs.finishRun(done.id, { status: 'done', wallMs: 1, events: 1, resultJson: '{}', error: null });
    expect(library.interruptedRuns).toBe(0);
    library.close();

    const reopened = openLibrary(dataDir);
    expect(reopened.interruptedRuns).toBe(2);
    for (const id of [queued.id, running.id]) {
      expect(reopened.runs.getRun(id)).toMatchObject({ status: 'failed', error: INTERRUPTED_RUN_ERROR });
      expect(reopened.runs.getRun(id)!.finishedAt).not.toBeNull();
    }
    expect(reopened.runs.getRun(done.id)!.status).toBe('done');
    reopened.close();
  });
});
