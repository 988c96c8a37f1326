// The run pool's guards, with real worker threads (out/node/worker.cjs): a worker that outgrows
// its heap limit fails that run with "worker ran out of memory" and the next run works; the
// wall-clock cap stops further replications from starting, so set-up cannot run on past it.
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../simulation';
import { runInWorkers } from '../../../electron/backend/runs/run-pool';
import { WORKER_HEAP_LIMIT_MB, WorkerOutOfMemoryError } from '../../../electron/backend/runs/worker-group';
import { simulate } from '../../../electron/backend/runs/simulate';

function scenario(raw: Record<string, unknown>): Scenario {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'limits', ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

// 300,000 generated jobs: a valid scenario (its estimate is far below the engine's limit) whose
// job objects need a few hundred MiB of JavaScript heap, far above the 24 MiB this test allows.
const manyJobs = scenario({
  replications: 1,
  horizon_s: 10,
  cluster: {
    pools: [{ id: 'gpu', units: 8 }],
    job_generator: { count: 300_000, pool: 'gpu', interarrival_s: 0.001, units: 1, steps: 1, step_time_s: 1 },
  },
});

const quick = scenario({
  replications: 2,
  horizon_s: 5,
  serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 50 }, replicas: 2, service_time_ms: 20, latency_budget_ms: 100 }] },
});

describe('worker heap limit', () => {
  it('is a named default well above what validation lets through per worker', () => {
    expect(WORKER_HEAP_LIMIT_MB).toBeGreaterThanOrEqual(1024);
  });

  it('fails the run that outgrows it, and the next run still works', async () => {
    await expect(runInWorkers(manyJobs, {}, { threads: 1, heapLimitMb: 24 })).rejects.toThrow(WorkerOutOfMemoryError);
    await expect(runInWorkers(manyJobs, {}, { threads: 1, heapLimitMb: 24 })).rejects.toThrow(/worker ran out of memory \(its heap limit is 24 MiB\)/);
    const ok = await runInWorkers(quick, {}, { threads: 2 });
    expect(ok.outcomes.map((o) => o.index)).toEqual([0, 1]);
  }, 60_000);
});

describe('wall-clock cap', () => {
  it('starts no replication once the cap has passed, and flags the result max_wall_s', async () => {
    const many = scenario({ ...quick, replications: 200 });
    const { result } = await simulate(many, 'sha', { threads: 1, maxWallMs: 1 });
    expect(result?.truncated?.reason).toBe('max_wall_s');
    expect(result?.replications).toBeLessThan(200);
  }, 60_000);
});
