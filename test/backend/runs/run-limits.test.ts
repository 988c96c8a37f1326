// App runs have a wall-clock cap (RunOptions.maxWallS, default DEFAULT_APP_MAX_WALL_S): with the
// real backend, library and worker threads, a run that outlasts it is recorded as truncated with
// what it simulated, and bad values are refused before a run is created.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { DEFAULT_APP_MAX_WALL_S, MAX_APP_WALL_S } from '../../../electron/backend/runs/run-manager';
import { checked, quickExample, tempBackendForEach, waitForFinal } from '../temp-backend';

let backend: Backend;

tempBackendForEach('headroom-run-limits-', (t) => ({ backend } = t));

describe('app run wall-clock cap', () => {
  it('defaults to 300 s and may be set up to a day', () => {
    expect(DEFAULT_APP_MAX_WALL_S).toBe(300);
    expect(MAX_APP_WALL_S).toBe(86_400);
  });

  it('stops a long run at options.maxWallS and records it as truncated (max_wall_s)', async () => {
    const created = await backend.createScenario(quickExample({ horizon_s: 100_000, replications: 2 }));
    if (!created.ok) throw new Error('create failed');
    const t0 = Date.now();
    const run = await backend.startRun(created.scenario.id, { maxWallS: 0.5 });
    const final = await waitForFinal(backend, run.id);
    expect(final.status).toBe('truncated');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect((await backend.getRunResult(run.id))?.truncated).toEqual({ reason: 'max_wall_s' });
  }, 30_000);

  it.each([[0], [-1], [86_401], ['10'], [Number.NaN]])('refuses maxWallS %s and creates no run', async (maxWallS) => {
    const created = await backend.createScenario(quickExample());
    if (!created.ok) throw new Error('create failed');
    await expect(checked(backend).startRun(created.scenario.id, { maxWallS })).rejects.toThrow(/options\.maxWallS: must be a number of seconds > 0 and ≤ 86400/);
    expect(await backend.listRuns(created.scenario.id)).toEqual([]);
  });
});
