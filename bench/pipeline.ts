// Pipeline benchmarks (issue 6), run by bench/run.ts. Prints medians; CI does not gate on them.
//   1. 100,000 runs of a 50-task DAG with retries (exponential backoff), gates and mixed trigger
//      rules, over 5 replications on one core, merged into the result document (target < 3 s).
//   2. The same DAG with its GPU tasks holding units of a cluster pool shared with training jobs
//      (the event-driven model in the cluster's simulation): 2,000 runs.
//   3. Analytic view (CPM, structural blast radius) of a 2,000-task layered DAG.
import { analyzeScenario, mergeReplications, runReplication, validateScenario, type Scenario } from '../simulation';
import type { ScenarioInput } from '../simulation';
import { median, REPEATS } from './util';

type PipelineInput = NonNullable<ScenarioInput['pipeline']>;

/** A layered 50-task DAG from a fixed linear congruential sequence (the same DAG every time). */
export function benchDag(tasks = 50, gpuPool?: string): PipelineInput {
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rules = ['all_success', 'all_success', 'all_success', 'all_done', 'one_success', 'none_failed'] as const;
  const list: PipelineInput['tasks'] = [];
  const edges = new Map<string, [string, string]>();
  for (let i = 0; i < tasks; i++) {
    const gpu = gpuPool !== undefined && i % 10 === 5;
    list.push({
      id: `t${i}`,
      duration_s: { dist: 'lognormal', mean: 300 + 900 * rnd(), cv: 0.3 },
      failure_probability: 0.02 + 0.06 * rnd(),
      retries: 2,
      retry_delay_s: 60,
      retry_exponential_backoff: true,
      max_retry_delay_s: 600,
      trigger_rule: i > 0 ? rules[Math.floor(rnd() * rules.length)] : 'all_success',
      gate: i % 17 === 3 ? { approval_delay_s: { dist: 'exponential', mean: 900 }, rejection_probability: 0.01 } : false,
      ...(gpu ? { pool: gpuPool, units: 8 } : {}),
    });
    if (i > 0) {
      const k = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < k; j++) {
        const a = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 8)));
        edges.set(`${a}-${i}`, [`t${a}`, `t${i}`]);
      }
    }
  }
  return { runs: 100_000, tasks: list, edges: [...edges.values()] };
}

function scenario(raw: Record<string, unknown>): Scenario {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'bench', ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function timeAll(s: Scenario): { ms: number; events: number; success: number | undefined } {
  const t0 = performance.now();
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  const doc = mergeReplications(s, outcomes, { sha256: 'bench', wallMs: 0 });
  return { ms: performance.now() - t0, events: doc.engine.events, success: doc.pipeline?.success_rate?.mean };
}

export function benchPipeline(): void {
  const direct = scenario({ replications: 5, pipeline: benchDag() });
  timeAll(direct); // warm-up (JIT)
  const runs = Array.from({ length: REPEATS }, () => timeAll(direct));
  const ms = median(runs.map((r) => r.ms));
  console.log(`1. pipeline, 100,000 runs of a 50-task DAG with retries, 5 replications on one core: median ${(ms / 1000).toFixed(2)} s wall ` +
    `(${((100_000 / ms) * 1000 / 1000).toFixed(0)}k runs/s, ${runs[0]?.events} events, success rate ${runs[0]?.success?.toFixed(4)}; target < 3 s)`);

  const pooled = scenario({
    replications: 1,
    horizon_s: 2000 * 3600,
    cluster: {
      pools: [{ id: 'gpu', units: 32 }],
      job_generator: { count: 4000, pool: 'gpu', interarrival_s: { dist: 'exponential', mean: 1800 }, units: { dist: 'empirical', values: [8, 16] }, steps: 100, step_time_s: { dist: 'lognormal', mean: 30, cv: 0.1 } },
    },
    pipeline: { ...benchDag(50, 'gpu'), runs: 2000, run_interval_s: 3600 },
  });
  const pooledRuns = Array.from({ length: REPEATS }, () => timeAll(pooled));
  console.log(`2. pipeline on a shared GPU pool with 4,000 training jobs, 2,000 runs (event-driven): median ${(median(pooledRuns.map((r) => r.ms)) / 1000).toFixed(2)} s wall, ${pooledRuns[0]?.events} events`);

  const wide = scenario({ pipeline: { ...benchDag(2000), runs: 1000 } });
  const analyticMs = median(Array.from({ length: REPEATS }, () => {
    const t0 = performance.now();
    analyzeScenario(wide, { sha256: 'bench' });
    return performance.now() - t0;
  }));
  console.log(`3. pipeline analytic view (CPM, blast radius) of a 2,000-task DAG: median ${analyticMs.toFixed(0)} ms`);
}
