// Cluster benchmark (issue 5), run by bench/run.ts. Prints medians; CI does not gate on them.
// A 1,024-GPU cluster (128 nodes × 8), 5,000 jobs of 1–64 GPUs over 30 simulated days, with
// persistent stragglers, the ring all-reduce, node failures and checkpoints: one replication,
// one core. Target: < 10 s wall. Every step of every job is drawn (≈ 13 million steps of up to
// 64 workers, exactly: one draw per group of workers per step), but a job costs one event per
// checkpoint, not one per step or per worker.
import { runReplication, validateScenario, type Scenario } from '../simulation';
import { median, REPEATS } from './util';

const DAY = 86_400;

export function clusterBenchScenario(policy: 'fifo' | 'backfill' = 'backfill'): Scenario {
  const r = validateScenario({
    format: 'headroom.scenario/v1',
    name: 'bench: 1,024 GPUs, 5,000 jobs, 30 days',
    replications: 1,
    horizon_s: 30 * DAY,
    cluster: {
      pools: [{ id: 'gpu', units: 1024, units_per_node: 8, utilization_target: 0.85 }],
      scheduler: { policy },
      job_generator: {
        count: 5000,
        pool: 'gpu',
        interarrival_s: { dist: 'exponential', mean: (30 * DAY) / 5000 },
        units: { dist: 'uniform', min: 0.5, max: 64.5 },
        steps: { dist: 'lognormal', mean: 2700, cv: 1 },
        step_time_s: { dist: 'lognormal', mean: 3, cv: 0.2 },
      },
      stragglers: { slow_node_probability: 0.02, slowdown: 2 },
      communication: { gradient_mb: 500, bandwidth_gbps: 100, latency_ms: 0.05 },
      failures: {
        node_mtbf_s: 30 * DAY,
        repair_s: { dist: 'exponential', mean: 4 * 3600 },
        checkpoint_interval_s: 1800,
        checkpoint_cost_s: 30,
        restart_overhead_s: 120,
      },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

export function benchCluster(): void {
  for (const policy of ['backfill', 'fifo'] as const) {
    const s = clusterBenchScenario(policy);
    const runs = Array.from({ length: REPEATS }, (_, i) => {
      const t0 = performance.now();
      const out = runReplication(s, i, { now: () => performance.now() });
      return { ms: performance.now() - t0, out };
    });
    const c = runs[0]!.out.cluster!;
    console.log(
      `cluster (${policy}): 1,024 GPUs, ${c.submitted} jobs, 30 days: median ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s wall ` +
      `(${REPEATS} runs; target < 10 s), ${runs[0]!.out.events} events; utilization ${c.pools.gpu!.utilization!.toFixed(3)}, ` +
      `busy ${c.pools.gpu!.busy_utilization!.toFixed(3)}, mean queue delay ${(c.queue_delay_s.mean ?? 0).toFixed(0)} s, ` +
      `${c.node_failures} node failures, goodput ${c.goodput!.toFixed(3)}`,
    );
  }
}
