// LLM-serving benchmark (issue 20), run by bench/run.ts. Prints medians; CI does not gate on them.
// One simulated hour of 5 requests/s with 1,000-token prompts and exponential outputs (mean 200
// tokens) on one replica of an 8B model (H100-like: 989 TFLOP/s, 3.35 TB/s, 40 GB of KV cache):
// 18,000 requests, 3.6 M output tokens, one event per iteration. Wall time of one replication
// on one core. Target < 2 s.
import { runReplication, validateScenario, type Scenario } from '../simulation';
import { median, REPEATS } from './util';

function scenario(): Scenario {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 'bench llm', replications: 1, horizon_s: 3600,
    serving: { services: [{
      id: 'svc',
      arrivals: { process: 'poisson', rate_rps: 5 },
      replicas: 1,
      latency_budget_ms: 30_000,
      llm: {
        hardware: { compute_flops: 989e12, memory_bandwidth: 3.35e12, kv_cache_bytes: 40e9, bytes_per_param: 2 },
        model: { num_parameters: 8.03e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
        prompt_tokens: 1000,
        output_tokens: { dist: 'exponential', mean: 200 },
        slo: { ttft_ms: 500, tpot_ms: 50 },
      },
    }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

export function benchLlmServing(): void {
  console.log('== llm');
  const s = scenario();
  const time = () => {
    const t0 = performance.now();
    const out = runReplication(s, 0, { now: () => performance.now() });
    return { ms: performance.now() - t0, requests: out.serving.svc?.requests ?? 0, tokens: out.serving.svc?.llm?.output_tokens ?? 0, events: out.events };
  };
  const cold = time(); // the first run pays for the JIT: reported too, since a CLI run is a cold one
  const runs = Array.from({ length: REPEATS }, time);
  const first = runs[0]!;
  console.log(`1 simulated hour, 5 rps, 1k-token prompts: ${first.requests.toLocaleString('en-US')} requests, ` +
    `${first.tokens.toLocaleString('en-US')} output tokens, ${first.events.toLocaleString('en-US')} events, ` +
    `cold ${(cold.ms / 1000).toFixed(2)} s, median ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s wall (${REPEATS} runs; target < 2 s)`);
}
