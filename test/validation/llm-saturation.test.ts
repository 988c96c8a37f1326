// LLM serving at saturation (offered 1.2× the ceiling, an ever-growing line): the simulated
// throughput against the roofline's ceiling (serving/llm/llm-analytic.ts). Where every
// iteration hits the same roof the ceiling is exact: decode-heavy batches capped by
// max_num_seqs (memory-bound: weights and KV reads), and prefill-heavy ones filling the token
// budget with chunked prefill (compute-bound). Where iterations mix the roofs the ceiling is an
// estimate, checked with a looser tolerance.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, type Scenario, type ServiceResult } from '../../simulation';
import { recordFidelity } from './fidelity-record';
import { relErr, simulate } from './helpers';
import { llmBlock, llmScenario } from './llm-helpers';

type Llm = ReturnType<typeof llmBlock>;

function saturate(llm: Llm, top: { horizon_s: number; warmup_s: number }): { svc: ServiceResult; ceiling: number; s: Scenario } {
  const probe = llmScenario(llm, { arrivals: { process: 'poisson', rate_rps: 1 } });
  const ceiling = (analyzeScenario(probe, { sha256: '' }).serving!.s as ServiceResult).analytic.llm!.max_sustainable_rps;
  const s = llmScenario(llm, { arrivals: { process: 'poisson', rate_rps: 1.2 * ceiling } }, { replications: 2, seed: 5, ...top });
  return { svc: simulate(s).svc, ceiling, s };
}

const SOURCE = 'roofline (Williams et al. 2009) over vLLM continuous batching';

describe('LLM serving: the throughput ceiling at saturation', () => {
  it('memory-bound decodes, max_num_seqs 32: throughput = (B ÷ o) ÷ iteration time', () => {
    // 16-token prompts, 64-token outputs; 1e15 FLOP/s so even 32 prefills at once stay memory-bound.
    const { svc, ceiling } = saturate(llmBlock({ hardware: { compute_flops: 1e15 }, scheduler: { max_num_seqs: 32 }, prompt_tokens: 16, output_tokens: 64 }), { horizon_s: 300, warmup_s: 30 });
    recordFidelity({
      model: 'serving', truth: 'LLM saturation throughput = roofline ceiling', source: SOURCE, replications: 2,
      case: 'memory-bound: 32 sequences of 16 + 64 tokens', measured: svc.throughput_rps!.mean, expected: ceiling, tolerance: { rel: 0.005 },
    });
    expect(relErr(svc.throughput_rps!.mean, ceiling)).toBeLessThan(0.005);
    expect(svc.analytic.llm!.bound).toBe('memory');
    expect(svc.llm!.mean_batch_seqs!.mean).toBeCloseTo(32, 2);
    expect(svc.llm!.bandwidth_utilization!.mean).toBeGreaterThan(0.99);
    expect(svc.stable).toBe(false);
  });

  it('compute-bound prefills, chunked to a 4,096-token budget: throughput = compute ÷ FLOPs per request', () => {
    const { svc, ceiling } = saturate(llmBlock({ scheduler: { max_num_seqs: 64, max_num_batched_tokens: 4096 }, prompt_tokens: 2000, output_tokens: 2, hardware: { kv_cache_bytes: 8e9 } }), { horizon_s: 600, warmup_s: 60 });
    recordFidelity({
      model: 'serving', truth: 'LLM saturation throughput = roofline ceiling', source: SOURCE, replications: 2,
      case: 'compute-bound: 2,000-token prompts, 2-token outputs, chunked to 4,096 tokens', measured: svc.throughput_rps!.mean, expected: ceiling, tolerance: { rel: 0.005 },
    });
    expect(relErr(svc.throughput_rps!.mean, ceiling)).toBeLessThan(0.005);
    expect(svc.analytic.llm!.bound).toBe('compute');
    expect(svc.llm!.mean_batch_tokens!.mean).toBeCloseTo(4096, 0);
    expect(svc.llm!.flop_utilization!.mean).toBeGreaterThan(0.99);
  });

  it('mixed roofs (compute-bound prefills among memory-bound decodes): the ceiling estimates within 3%', () => {
    // An 8B model (GQA 32/8 heads) on one 312 TFLOP/s, 2 TB/s GPU, 64 sequences of 1,000 + 200 tokens.
    const llm: Llm = {
      hardware: { compute_flops: 312e12, memory_bandwidth: 2e12, kv_cache_bytes: 20e9, bytes_per_param: 2 },
      model: { num_parameters: 8e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
      scheduler: { max_num_seqs: 64 }, prompt_tokens: 1000, output_tokens: 200, slo: { ttft_ms: 500, tpot_ms: 50 },
    };
    const { svc, ceiling } = saturate(llm, { horizon_s: 900, warmup_s: 150 });
    recordFidelity({
      model: 'serving', truth: 'LLM saturation throughput = roofline ceiling', source: SOURCE, replications: 2,
      case: 'mixed roofs: 8B model, 64 sequences of 1,000 + 200 tokens', measured: svc.throughput_rps!.mean, expected: ceiling, tolerance: { rel: 0.03 },
    });
    expect(relErr(svc.throughput_rps!.mean, ceiling)).toBeLessThan(0.03);
    expect(svc.llm!.preemptions).toBe(0);
  });
});
