// The roofline cost of one iteration of an LLM replica (docs/llm-serving.md, "The iteration
// model"). An iteration runs every scheduled token of every sequence in its batch through the
// model once; its time is
//
//   max(FLOPs ÷ compute, bytes ÷ bandwidth), with
//   FLOPs = 2 · parameters · tokens + 4 · layers · hidden_dim · Σ attention pairs
//   bytes = parameters · bytes_per_param + kv_bytes_per_token · Σ context tokens read
//
// where a sequence with c tokens already cached that runs n new ones has n·c + n(n+1)/2
// (query, key) pairs (causal attention) and reads c + n tokens of KV cache. Compute and
// bandwidth are the replica's: gpus_per_replica × the GPU's. Ignored: communication between the
// GPUs of a replica, kernel launch and scheduling overheads, activations' memory traffic, the KV
// writes of the new tokens, sampling. The figures are as good as the FLOP/s and bandwidth given:
// give achievable ones (e.g. 60% of peak) for a realistic model.
import type { LlmSpec } from '../../scenario/llm-schema';

export interface LlmCost {
  /** FLOP/s and bytes/s of the replica (all its GPUs). */
  computeFlops: number;
  bandwidth: number;
  /** Weights read once per iteration (the whole model, summed over the GPUs). */
  weightBytes: number;
  /** 2 × parameters: FLOPs of the dense layers per token. */
  flopsPerToken: number;
  /** 4 × layers × hidden_dim: FLOPs per (query, key) pair (QKᵀ and AV). */
  flopsPerPair: number;
  /** KV-cache bytes per token, summed over the replica's GPUs (heads replicated when kv heads < GPUs). */
  kvBytesPerToken: number;
  /** KV-cache blocks of one replica, and tokens per block. */
  blocks: number;
  blockSize: number;
}

/**
 * The replica's cost parameters. KV heads are split over the GPUs as vLLM does: each GPU holds
 * max(1, ⌊num_kv_heads ÷ gpus⌋) heads, so a token takes 2 (K and V) × layers × those heads ×
 * head_dim × bytes_per_param on each GPU; kv_cache_bytes is per GPU, so the blocks per replica
 * are ⌊kv_cache_bytes ÷ (block_size × bytes per token per GPU)⌋.
 */
export function llmCost(llm: LlmSpec): LlmCost {
  const { hardware: hw, model: m } = llm;
  const gpus = hw.gpus_per_replica;
  const headDim = m.hidden_dim / m.num_heads;
  const kvHeadsPerGpu = Math.max(1, Math.floor(m.num_kv_heads / gpus));
  const kvPerTokenPerGpu = 2 * m.num_layers * kvHeadsPerGpu * headDim * hw.bytes_per_param;
  const blockSize = llm.scheduler.block_size;
  return {
    computeFlops: gpus * hw.compute_flops,
    bandwidth: gpus * hw.memory_bandwidth,
    weightBytes: m.num_parameters * hw.bytes_per_param,
    flopsPerToken: 2 * m.num_parameters,
    flopsPerPair: 4 * m.num_layers * m.hidden_dim,
    kvBytesPerToken: gpus * kvPerTokenPerGpu,
    blocks: Math.floor(hw.kv_cache_bytes / (blockSize * kvPerTokenPerGpu)),
    blockSize,
  };
}

/** (query, key) pairs when n new tokens follow c cached ones, each attending to every earlier token and itself. */
export function attentionPairs(c: number, n: number): number {
  return n * c + (n * (n + 1)) / 2;
}

export function iterationFlops(cost: LlmCost, tokens: number, pairs: number): number {
  return cost.flopsPerToken * tokens + cost.flopsPerPair * pairs;
}

export function iterationBytes(cost: LlmCost, kvTokens: number): number {
  return cost.weightBytes + cost.kvBytesPerToken * kvTokens;
}

/** Iteration time in ms for `tokens` new tokens, `pairs` attention pairs and `kvTokens` context tokens read. */
export function iterationMs(cost: LlmCost, tokens: number, pairs: number, kvTokens: number): number {
  const compute = iterationFlops(cost, tokens, pairs) / cost.computeFlops;
  const memory = iterationBytes(cost, kvTokens) / cost.bandwidth;
  return 1000 * (compute > memory ? compute : memory);
}

/** One prefill of p tokens from an empty cache, alone in its iteration (ms). */
export function prefillMs(cost: LlmCost, p: number): number {
  return iterationMs(cost, p, attentionPairs(0, p), p);
}

/** One decode iteration of `batch` sequences, each with `context` tokens cached (ms). */
export function decodeMs(cost: LlmCost, batch: number, context: number): number {
  return iterationMs(cost, batch, batch * attentionPairs(context, 1), batch * (context + 1));
}

/**
 * A request's service time alone on its replica with max_num_seqs 1 and no chunking (ms): one
 * prefill of its p prompt tokens (which yields the first token), then o − 1 decodes, decode k
 * running the (p + k)-th token against p + k − 1 cached ones. TTFT's service part is the prefill.
 */
export function soloServiceMs(cost: LlmCost, p: number, o: number): number {
  let t = prefillMs(cost, p);
  for (let k = 1; k < o; k++) t += decodeMs(cost, 1, p + k - 1);
  return t;
}
