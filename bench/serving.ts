// Serving-model benchmarks (issue 4), run by bench/run.ts. Prints medians; CI does not gate on them.
//   1. The seed service (1200 rps, 12 slots per replica, 45 + 35 + 20 ms outside the slot) for
//      one simulated hour with dynamic batching and autoscaling on (cold starts, cooldown):
//      wall time of one replication, one core. Target < 4 s.
//   2. Replay of the Azure LLM conversation trace at scale 100: the import, the trace as it is
//      (19,366 requests squeezed into 35 s), and the trace tiled 100× so that at scale 100 it
//      fills the simulated hour (1,936,600 requests, the "~1.9M"). Target < 3 s.
import path from 'node:path';
import { runReplication, validateScenario, type HostInputs, type Scenario } from '../simulation';
import { readTraceFile } from '../electron/backend/traces/trace-loader';
import { median, REPEATS } from './util';

const CONV = path.resolve(__dirname, '..', 'test', 'fixtures', 'data', 'azure_llm_2023', 'AzureLLMInferenceTrace_conv.csv');

function scenario(raw: Record<string, unknown>): Scenario {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'bench', replications: 1, ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function time(s: Scenario, inputs: HostInputs = {}): { ms: number; requests: number; events: number } {
  const t0 = performance.now();
  const out = runReplication(s, 0, { now: () => performance.now() }, inputs);
  const ms = performance.now() - t0;
  return { ms, requests: out.serving.svc?.requests ?? 0, events: out.events };
}

function report(label: string, runs: { ms: number; requests: number; events: number }[], target: string): void {
  const ms = median(runs.map((r) => r.ms));
  const first = runs[0]!;
  console.log(`${label}: ${first.requests.toLocaleString('en-US')} requests, ${first.events.toLocaleString('en-US')} events, median ${(ms / 1000).toFixed(2)} s wall (${REPEATS} runs; target ${target})`);
}

function benchSeedHour(): void {
  const s = scenario({
    horizon_s: 3600,
    serving: { services: [{
      id: 'svc',
      arrivals: { process: 'poisson', rate_rps: 1200 },
      replicas: 4,
      concurrency: 12,
      batching: { max_batch: 8, max_wait_ms: 5, batch_time_ms: { base: 60, per_item: 20 } },
      latency_ms: { feature: 45, network: 35, postprocess: 20 },
      latency_budget_ms: 300,
      autoscaling: { min_replicas: 2, max_replicas: 20, target_utilization: 0.6, interval_s: 15, cold_start_s: { dist: 'lognormal', mean: 30, cv: 0.3 }, cooldown_s: 120 },
    }] },
  });
  time(s); // warm-up (JIT)
  report('1. seed service, 1 simulated hour, batching + autoscaling', Array.from({ length: REPEATS }, () => time(s)), '< 4 s');
}

function benchTraceReplay(): void {
  const t0 = performance.now();
  const trace = readTraceFile(CONV, 'TIMESTAMP');
  console.log(`2. Azure conversation trace: imported ${trace.length.toLocaleString('en-US')} timestamps in ${(performance.now() - t0).toFixed(0)} ms`);
  const service = {
    id: 'svc',
    arrivals: { process: 'trace', path: 'conv.csv', time_column: 'TIMESTAMP', scale: 100 },
    replicas: 4,
    concurrency: 8,
    service_time_ms: { dist: 'lognormal', mean: 40, cv: 0.5 },
    latency_ms: { network: 20 },
    latency_budget_ms: 500,
  };
  const s = scenario({ horizon_s: 3600, serving: { services: [service] } });
  const once = { traces: { svc: trace } };
  time(s, once);
  report('   as is, scale 100 (35 simulated s)', Array.from({ length: REPEATS }, () => time(s, once)), '—');
  // The trace tiled 100×, each copy one mean gap after the previous one.
  const span = trace[trace.length - 1]!;
  const gap = span / (trace.length - 1);
  const tiled = new Float64Array(trace.length * 100);
  for (let k = 0; k < 100; k++) for (let i = 0; i < trace.length; i++) tiled[k * trace.length + i] = k * (span + gap) + trace[i]!;
  const hour = { traces: { svc: tiled } };
  time(s, hour);
  report('   tiled 100×, scale 100 (1 simulated hour)', Array.from({ length: REPEATS }, () => time(s, hour)), '< 3 s');
}

export function benchServing(): void {
  console.log('== serving');
  benchSeedHour();
  benchTraceReplay();
}
