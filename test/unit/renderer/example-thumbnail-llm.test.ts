// Gallery thumbnails of an `llm` service (docs/llm-serving.md): it has no service_time_ms, so its
// capacity is the roofline's ceiling (analytic.llm.per_replica_max_rps) and, with trace arrivals,
// its model time is a mean request alone on a replica — never NaN.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, validateScenario } from '../../../simulation';
import { exampleThumbnail, type Thumbnail } from '../../../renderer/library/example-thumbnail';

const LLM = {
  hardware: { compute_flops: 989e12, memory_bandwidth: 3.35e12, kv_cache_bytes: 40e9, bytes_per_param: 2 },
  model: { num_parameters: 8.03e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
  scheduler: { max_num_seqs: 256, enable_chunked_prefill: true },
  prompt_tokens: { dist: 'lognormal', mean: 1000, cv: 0.6 },
  output_tokens: { dist: 'exponential', mean: 200 },
  slo: { ttft_ms: 500, tpot_ms: 50 },
};

function scenario(service: Record<string, unknown>) {
  return {
    format: 'headroom.scenario/v1',
    name: 'llm thumbnail',
    horizon_s: 600,
    serving: { services: [{ id: 'chat', arrivals: { process: 'poisson', rate_rps: 5 }, replicas: 2, latency_budget_ms: 30000, llm: LLM, ...service }] },
  };
}

const numbersIn = (t: Thumbnail) => t.shapes.flatMap((s) => (s.kind === 'path' ? [s.d] : s.kind === 'rect' ? [String(s.x), String(s.width)] : [s.text]));

function expectNoNaN(t: Thumbnail) {
  expect(t.label).not.toMatch(/NaN|Infinity/);
  for (const text of numbersIn(t)) expect(text).not.toMatch(/NaN|Infinity/);
}

describe('llm service thumbnails', () => {
  it('poisson arrivals: the load against the replicas × the roofline ceiling', () => {
    const input = scenario({});
    const parsed = validateScenario(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const ceiling = analyzeScenario(parsed.scenario, { sha256: '' }).serving!.chat!.analytic.llm!.per_replica_max_rps;
    expect(ceiling).toBeGreaterThan(10);
    const t = exampleThumbnail(JSON.stringify(input), 'serving')!;
    expect(t.drawing).toBe('load');
    expectNoNaN(t);
    const capacity = Math.round(2 * ceiling * 10) / 10;
    expect(t.label).toBe(`chat: offered load over the run, poisson, 5 requests/s; capacity 2 replicas, ${capacity} requests/s (the roofline’s ceiling)`);
    // The capacity line sits above the load line (SVG y grows downward).
    const y = (role: string) => {
      const p = t.shapes.find((s) => s.kind === 'path' && s.role === role);
      return p?.kind === 'path' ? Number(/^M[\d.]+,([\d.]+)/.exec(p.d)![1]) : NaN;
    };
    expect(y('capacity')).toBeLessThan(y('load-line'));
  });

  it('trace arrivals with token distributions: the model part is a mean request alone on a replica', () => {
    const input = scenario({ arrivals: { process: 'trace', path: 'trace.csv' }, latency_ms: { network: 30 } });
    const t = exampleThumbnail(JSON.stringify(input), 'serving')!;
    expect(t.drawing).toBe('budget');
    expectNoNaN(t);
    // The roofline's unloaded time: a 1,000-token prefill, then 199 decodes at batch 1 (about 1 s).
    const model = /model ([\d,.]+) ms/.exec(t.label);
    expect(model).not.toBeNull();
    const ms = Number(model![1]!.replace(/,/g, ''));
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThan(3000);
    expect(t.label).toContain('network 30 ms');
    expect(t.label).toContain('against a budget of 30,000 ms');
  });

  it('trace arrivals with token columns: no model time to draw, said in words', () => {
    const llm = { ...LLM, prompt_tokens: { column: 'ContextTokens' }, output_tokens: { column: 'GeneratedTokens' } };
    const input = scenario({ arrivals: { process: 'trace', path: 'trace.csv' }, latency_ms: { network: 30 }, llm });
    const t = exampleThumbnail(JSON.stringify(input), 'serving')!;
    expect(t.drawing).toBe('budget');
    expectNoNaN(t);
    expect(t.label).toBe('chat (trace arrivals): network 30 ms, 30 ms in all (the model’s time follows the trace’s token counts) against a budget of 30,000 ms');
  });
});
