// Straggler calibration from real per-worker step times (Alibaba PAI 2020, job_{1..4}_norm.csv):
// simulating each job with the fitted settings reproduces its measured sync slowdown (mean of
// per-step max ÷ mean of per-step mean: 1.111, 1.118, 1.106, 2.205) within 5%.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitStragglers, measuredSyncSlowdown, parseWorkerSteps } from '../../simulation';
import type { ClusterResult } from '../../simulation/cluster/merge';
import { clusterScenario, simulateAll } from '../unit/cluster/helpers';
import { fixtureData } from '../fixture-data';
import { recordFidelity } from './fidelity-record';

const MEASURED = { 1: 1.111, 2: 1.118, 3: 1.106, 4: 2.205 } as const;

describe('calibrating stragglers from per-worker step times', () => {
  for (const [job, measured] of Object.entries(MEASURED)) {
    it(`job_${job}: the fitted settings simulate its sync slowdown ${measured} within 5%`, () => {
      const parsed = parseWorkerSteps(readFileSync(fixtureData('alibaba_pai_2020', `job_${job}_norm.csv`), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(measuredSyncSlowdown(parsed.rows)).toBeCloseTo(measured, 3);
      const fit = fitStragglers(parsed.rows);
      expect(fit.workers).toBe(10);
      expect(fit.predicted_sync_slowdown).toBeCloseTo(fit.measured.sync_slowdown, 6);
      // The job as a scenario: one worker per node, so slow nodes strike single workers. Many
      // short replications: each draws which nodes are slow.
      const s = clusterScenario({
        pools: [{ id: 'pool', units: fit.fitted.pool.units, units_per_node: 1 }],
        jobs: [{ id: 'job', pool: 'pool', arrival_s: 0, units: fit.workers, steps: 1000, step_time_s: fit.fitted.step_time_s }],
        stragglers: fit.fitted.stragglers,
      }, { replications: 400, horizon_s: 1e9 });
      const simulatedSlowdown = (simulateAll(s).cluster as ClusterResult).jobs.sync_slowdown!.mean;
      recordFidelity({
        model: 'cluster', truth: 'measured sync slowdown, mean per-step max ÷ mean per-step mean', source: 'Alibaba cluster-trace-gpu-v2020 (Weng et al., MLaaS in the Wild, NSDI 2022)',
        case: `job_${job}_norm.csv, 10 workers, fitted stragglers`, measured: simulatedSlowdown, expected: measured, tolerance: { rel: 0.05 }, replications: 400,
      });
      expect(Math.abs(simulatedSlowdown / measured - 1)).toBeLessThan(0.05);
      // And within the sampling error of the fit's own prediction.
      expect(Math.abs(simulatedSlowdown / fit.predicted_sync_slowdown - 1)).toBeLessThan(0.03);
    });
  }

  it('jobs with visible stragglers get slow nodes; job_4 (5 of 10 workers ~4× slower) a large slowdown', () => {
    const fit = (j: number) => {
      const p = parseWorkerSteps(readFileSync(fixtureData('alibaba_pai_2020', `job_${j}_norm.csv`), 'utf8'));
      if (!p.ok) throw new Error(p.message);
      return fitStragglers(p.rows);
    };
    const f4 = fit(4);
    expect(f4.measured.slow_workers).toHaveLength(5);
    expect(f4.fitted.stragglers.slow_node_probability).toBe(0.5);
    expect(f4.measured.slow_worker_ratio!).toBeGreaterThan(3);
    expect(f4.fitted.stragglers.slowdown).toBeGreaterThan(f4.measured.slow_worker_ratio!);
    // job_2: worker-to-worker noise alone explains its slowdown.
    expect(fit(2).fitted.stragglers.slow_node_probability).toBe(0);
    expect(fit(1).fitted.step_time_s.cv).toBeGreaterThan(0);
  });

  it('names the line of a malformed file', () => {
    expect(parseWorkerSteps('worker,time\n0,1\n')).toMatchObject({ ok: false, line: 1 });
    expect(parseWorkerSteps(',worker,gpu,time,batch_time_norm\n0,0,25,1,x\n')).toMatchObject({ ok: false, line: 2, message: 'batch_time_norm: must be a number ≥ 0 (got "x")' });
  });
});
