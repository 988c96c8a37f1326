// LLM serving bookkeeping under pressure (KV cache too small for the load, so sequences are
// preempted and recomputed; chunked prefill; two replicas; random lengths; feature and network
// latency): every generated token counted once, every token run through the model accounted
// for, and Little's law on the sequences in the batch.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../simulation/engine/simulator';
import { LlmServiceModel } from '../../simulation/serving/llm/llm-service-model';
import { recordFidelity } from './fidelity-record';
import { simulate } from './helpers';
import { llmBlock, llmScenario } from './llm-helpers';

const pressure = () => llmScenario(
  llmBlock({
    hardware: { kv_cache_bytes: 3e8 }, // 2,288 tokens per replica
    model: { max_seq_len: 2048 },
    scheduler: { max_num_seqs: 32, max_num_batched_tokens: 512 },
    prompt_tokens: { dist: 'lognormal', mean: 300, cv: 1 },
    output_tokens: { dist: 'exponential', mean: 80 },
  }),
  { arrivals: { process: 'poisson', rate_rps: 30 }, replicas: 2, latency_ms: { feature: { dist: 'exponential', mean: 4 }, network: 2 } },
  { replications: 4, horizon_s: 600, warmup_s: 60, seed: 21 },
);

/** The pressure run, simulated once for the tests that read it. */
let pressured: ReturnType<typeof simulate> | undefined;
const pressureRun = () => (pressured ??= simulate(pressure()));

describe('LLM serving: token conservation and Little\'s law', () => {
  it('counts every generated token once and every processed token exactly, preemptions included', () => {
    const s = pressure();
    const { svc } = pressureRun();
    const l = svc.llm!;
    expect(l.preemptions).toBeGreaterThan(100);
    expect(svc.rejected).toBeGreaterThan(0); // lognormal prompts past 2,048 tokens
    expect(svc.requests).toBe(svc.completed + svc.rejected);
    // A completed request ran its prompt and o − 1 tokens (the last one is sampled, never run),
    // plus whatever a preemption threw away.
    const accounted = l.prompt_tokens + l.output_tokens - svc.completed + l.recomputed_tokens;
    recordFidelity({
      model: 'serving', truth: 'LLM token conservation: processed = Σ(p + o − 1) + recomputed', source: 'conservation (exact)',
      case: 'KV-limited, chunked prefill, 2 replicas, lognormal prompts, exponential outputs', measured: l.processed_tokens, expected: accounted, tolerance: { kind: 'exact' }, replications: 4,
    });
    expect(l.processed_tokens).toBe(accounted);

    // Sampled tokens (counted as iterations end) equal the outputs of the finished requests.
    const sim = new Simulator();
    const model = new LlmServiceModel(sim, s.serving!.services[0]!, { seed: s.seed, replication: 0, warmupMs: 60_000, horizonMs: 600_000 });
    model.start();
    sim.run(Infinity);
    const one = model.figures().llm!;
    expect(model.live).toBe(0);
    recordFidelity({
      model: 'serving', truth: 'LLM token conservation: tokens sampled = Σ output tokens of finished requests', source: 'conservation (exact)',
      case: 'KV-limited, chunked prefill, 2 replicas (replication 0)', measured: model.llmTally.sampledTokens, expected: one.output_tokens, tolerance: { kind: 'exact' }, replications: 1,
    });
    expect(model.llmTally.sampledTokens).toBe(one.output_tokens);
  });

  it('fixed lengths: p and o tokens per completed request, exactly', () => {
    const s = llmScenario(llmBlock({ hardware: { kv_cache_bytes: 3e8 }, model: { max_seq_len: 2048 }, prompt_tokens: 700, output_tokens: 90 }),
      { arrivals: { process: 'poisson', rate_rps: 20 } }, { replications: 2, horizon_s: 300, seed: 4 });
    const { svc } = simulate(s);
    expect(svc.llm!.preemptions).toBeGreaterThan(0);
    expect(svc.llm!.prompt_tokens).toBe(700 * svc.completed);
    expect(svc.llm!.output_tokens).toBe(90 * svc.completed);
    expect(svc.llm!.processed_tokens).toBe(789 * svc.completed + svc.llm!.recomputed_tokens);
  });

  it('Little\'s law on the sequences in the batch: mean running = throughput × time in the batch', () => {
    const { svc } = pressureRun();
    const l = svc.llm!;
    const x = svc.throughput_rps!.mean, w = l.time_in_batch_ms!.mean / 1000;
    const residual = Math.abs(l.mean_running_seqs!.mean / (x * w) - 1);
    recordFidelity({
      model: 'serving', truth: "LLM Little's law on running sequences, |L / (X·W) − 1|", source: 'Little (1961)',
      case: 'KV-limited, chunked prefill, 2 replicas, 30 rps', measured: residual, expected: 0, tolerance: { abs: 0.02 }, replications: 4,
    });
    expect(residual).toBeLessThan(0.02);
    // The batch never holds more than max_num_seqs per replica.
    expect(l.mean_batch_seqs!.mean).toBeLessThanOrEqual(32);
    expect(l.kv_cache_utilization!.mean).toBeGreaterThan(0.5);
    expect(svc.stable).toBe(true);
  });
});
