// The roofline of one iteration (simulation/serving/llm/roofline.ts), against numbers worked out
// by hand for a 1e9-parameter model of 16 layers × 2048 (16 heads) in fp16 on a 1e14 FLOP/s,
// 1e12 B/s GPU: weights 2 GB, KV 2 × 16 × 16 × 128 × 2 = 131,072 bytes per token.
import { describe, expect, it } from 'vitest';
import type { LlmSpec } from '../../../simulation/scenario/llm-schema';
import { attentionPairs, decodeMs, iterationMs, llmCost, prefillMs, soloServiceMs } from '../../../simulation/serving/llm/roofline';

function spec(over: { gpus?: number; kvHeads?: number; kvBytes?: number; block?: number } = {}): LlmSpec {
  return {
    hardware: { compute_flops: 1e14, memory_bandwidth: 1e12, kv_cache_bytes: over.kvBytes ?? 4e9, bytes_per_param: 2, gpus_per_replica: over.gpus ?? 1 },
    model: { num_parameters: 1e9, num_layers: 16, hidden_dim: 2048, num_heads: 16, num_kv_heads: over.kvHeads ?? 16, max_seq_len: 4096 },
    scheduler: { max_num_batched_tokens: 4096, max_num_seqs: 8, enable_chunked_prefill: true, block_size: over.block ?? 16, policy: 'fcfs' },
    prompt_tokens: { dist: 'fixed', value: 100 },
    output_tokens: { dist: 'fixed', value: 10 },
    slo: { ttft_ms: 100, ttft_percentile: 99, tpot_ms: 10, tpot_percentile: 99 },
  };
}

describe('llm roofline', () => {
  it('derives the replica cost from the spec', () => {
    const c = llmCost(spec());
    expect(c).toEqual({
      computeFlops: 1e14, bandwidth: 1e12, weightBytes: 2e9, flopsPerToken: 2e9, flopsPerPair: 4 * 16 * 2048,
      kvBytesPerToken: 131_072, blocks: Math.floor(4e9 / (16 * 131_072)), blockSize: 16,
    });
    expect(c.blocks).toBe(1907);
  });

  it('splits KV heads over GPUs as vLLM does: replicated when there are fewer heads than GPUs', () => {
    // Tensor parallel 2: twice the compute and bandwidth. MHA: 8 heads per GPU, the same bytes per token in all.
    const mha = llmCost(spec({ gpus: 2 }));
    expect([mha.computeFlops, mha.bandwidth, mha.kvBytesPerToken]).toEqual([2e14, 2e12, 131_072]);
    expect(mha.blocks).toBe(Math.floor(4e9 / (16 * 65_536))); // kv_cache_bytes is per GPU
    // MQA (1 KV head) on 2 GPUs: each GPU keeps the head, 8,192 bytes per token per GPU, 16,384 per replica.
    const mqa = llmCost(spec({ gpus: 2, kvHeads: 1 }));
    expect(mqa.kvBytesPerToken).toBe(16_384);
    expect(mqa.blocks).toBe(Math.floor(4e9 / (16 * 8192)));
  });

  it('counts causal attention pairs', () => {
    expect(attentionPairs(0, 1)).toBe(1);
    expect(attentionPairs(0, 4)).toBe(10); // 1 + 2 + 3 + 4
    expect(attentionPairs(10, 1)).toBe(11);
    expect(attentionPairs(10, 3)).toBe(36); // 11 + 12 + 13
    // Chunking a prefill does not change its pairs.
    expect(attentionPairs(0, 600) + attentionPairs(600, 400)).toBe(attentionPairs(0, 1000));
  });

  it('a 1,000-token prefill is compute-bound, a decode at batch 1 memory-bound', () => {
    const c = llmCost(spec());
    // FLOPs 2e9 × 1000 + 131,072 × 500,500 = 2.06560e12 → 20.656 ms; bytes 2.131e9 → 2.131 ms.
    expect(prefillMs(c, 1000)).toBeCloseTo(20.656_015_36, 9);
    // Decode with 999 cached: FLOPs 2e9 + 131,072 × 1000 → 0.0213 ms; bytes 2e9 + 131,072 × 1000 → 2.131072 ms.
    expect(decodeMs(c, 1, 999)).toBeCloseTo(2.131_072, 12);
    // 64 decodes at once: memory 2e9 + 64 × 131,072 × 1000 = 1.0389e10 B → 10.389 ms; compute 1.36 ms.
    expect(decodeMs(c, 64, 999)).toBeCloseTo(10.388_608, 9);
    expect(iterationMs(c, 0, 0, 0)).toBe(2); // the weights alone
  });

  it('a request alone takes one prefill and o − 1 decodes', () => {
    const c = llmCost(spec());
    const expected = prefillMs(c, 100) + decodeMs(c, 1, 100) + decodeMs(c, 1, 101) + decodeMs(c, 1, 102);
    expect(soloServiceMs(c, 100, 4)).toBe(expected);
    expect(soloServiceMs(c, 100, 1)).toBe(prefillMs(c, 100));
  });
});
