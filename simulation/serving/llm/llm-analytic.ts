// The roofline's figures beside the simulated ones (docs/llm-serving.md, "Analytic figures"),
// from the mean prompt and output lengths and their second moments (./token-lengths.ts).
//
// Throughput ceiling of a replica at saturation (an endless waiting line), the lower of two
// estimates:
// - batch-bound: B sequences run every iteration (max_num_seqs, or fewer when the KV cache
//   cannot hold them). A running sequence finishes after E[o] iterations on average, so each
//   slot starts a prefill in an iteration with probability 1/E[o]; k ~ Binomial(B, 1/E[o])
//   prefills and B − k decodes make an iteration of time T_k = max(FLOPs_k ÷ compute,
//   bytes_k ÷ bandwidth), and the ceiling is (B ÷ E[o]) ÷ E[T_k]. Exact with one sequence per
//   replica (the iterations are then a prefill and o − 1 decodes) and whenever every iteration
//   hits the same roof; otherwise slots are not independent and it is an estimate.
// - budget-bound: every iteration is full, max_num_batched_tokens tokens of E[p + o − 1] per
//   request, so r = budget ÷ E[p + o − 1] requests finish per iteration and a request costs
//   max(F ÷ compute, (W ÷ r + K) ÷ bandwidth): F FLOPs and K KV bytes over its prefill and
//   decodes, W the weights read once per iteration. Exact when the budget binds every iteration.
import { logGamma } from '../../random/special';
import type { LlmAnalytic } from '../../result/llm';
import type { LlmSpec } from '../../scenario/llm-schema';
import { decodeMs, llmCost, prefillMs, type LlmCost } from './roofline';
import type { TokenMoments } from './token-lengths';

/** Attention pairs (= KV tokens read) of a mean request's decodes: Σ_{k=1}^{o−1} (p + k). */
function decodePairs(m: TokenMoments): number {
  return m.po - m.p1 + (m.o2 - m.o1) / 2;
}

/** F (FLOPs) and K (KV bytes) of a mean request: a prefill of p tokens, then o − 1 decodes. */
export function requestWork(cost: LlmCost, m: TokenMoments): { flops: number; kvBytes: number } {
  // Prefill: p tokens, p(p+1)/2 pairs, p KV tokens read. Decode k: 1 token, p + k pairs and KV tokens.
  const pairs = (m.p2 + m.p1) / 2 + decodePairs(m);
  return {
    flops: cost.flopsPerToken * (m.p1 + m.o1 - 1) + cost.flopsPerPair * pairs,
    kvBytes: cost.kvBytesPerToken * (m.p1 + decodePairs(m)),
  };
}

/**
 * Mean tokens cached at a decode step, weighted by decode steps (long outputs have more of
 * them): Σ(p + k − 1) ÷ E[o − 1]; E[p] when outputs are single tokens.
 */
export function decodeContext(m: TokenMoments): number {
  return m.o1 > 1 ? decodePairs(m) / (m.o1 - 1) - 1 : m.p1;
}

/** Sequences a replica runs at saturation: max_num_seqs, or what its KV blocks hold at the mean footprint. */
export function saturationBatch(llm: LlmSpec, cost: LlmCost, m: TokenMoments): number {
  // Over its iterations a sequence holds p … p + o − 1 tokens, p + (o − 1)/2 on average, plus
  // half a block of rounding.
  const blocksEach = (m.p1 + (m.o1 - 1) / 2) / cost.blockSize + 0.5;
  return Math.min(llm.scheduler.max_num_seqs, cost.blocks / blocksEach);
}

/** Requests per second of B full slots with Binomial(B, 1/E[o]) prefills per iteration. */
function batchBoundRps(cost: LlmCost, m: TokenMoments, batch: number): number {
  const q = Math.min(1, 1 / m.o1);
  const ctx = decodeContext(m);
  const decFlops = cost.flopsPerToken + cost.flopsPerPair * (ctx + 1), decKv = ctx + 1;
  const preFlops = cost.flopsPerToken * m.p1 + cost.flopsPerPair * (m.p2 + m.p1) / 2, preKv = m.p1;
  const time = (k: number) => Math.max(
    ((batch - k) * decFlops + k * preFlops) / cost.computeFlops,
    (cost.weightBytes + cost.kvBytesPerToken * ((batch - k) * decKv + k * preKv)) / cost.bandwidth,
  );
  let expected = 0;
  if (q >= 1) expected = time(batch);
  else {
    // The pmf beyond 12 standard deviations of the mean is below 1e-30: left out.
    const mean = batch * q, sd = Math.sqrt(batch * q * (1 - q));
    const lo = Math.max(0, Math.floor(mean - 12 * sd - 2)), hi = Math.min(batch, Math.ceil(mean + 12 * sd + 2));
    const base = logGamma(batch + 1), lq = Math.log(q), lr = Math.log1p(-q);
    let mass = 0;
    for (let k = lo; k <= hi; k++) {
      const p = Math.exp(base - logGamma(k + 1) - logGamma(batch - k + 1) + k * lq + (batch - k) * lr);
      mass += p;
      expected += p * time(k);
    }
    expected /= mass;
  }
  return (batch * q) / expected;
}

export interface LlmCeiling {
  rps: number;
  /** The roof the average iteration hits. */
  bound: 'compute' | 'memory';
  batch: number;
}

/** The throughput ceiling of one replica (requests/s). */
export function llmCeiling(llm: LlmSpec, m: TokenMoments): LlmCeiling {
  const cost = llmCost(llm);
  const batch = saturationBatch(llm, cost, m);
  const seqs = Math.max(1, Math.floor(batch));
  const perRequest = m.p1 + m.o1 - 1;
  const budget = (llm.scheduler.max_num_batched_tokens as number) / perRequest;
  const work = requestWork(cost, m);
  const compute = work.flops / cost.computeFlops;
  const memory = (r: number) => (cost.weightBytes / r + work.kvBytes) / cost.bandwidth;
  const budgetRps = 1 / Math.max(compute, memory(budget));
  const rps = Math.min(batchBoundRps(cost, m, seqs), budgetRps);
  return { rps, bound: compute >= memory(Math.min(seqs / m.o1, budget)) ? 'compute' : 'memory', batch };
}

/** The engine time of a mean request alone on a replica (ms): its prefill, then o − 1 decodes at batch 1. */
export function llmUnloadedMs(llm: LlmSpec, m: TokenMoments): number {
  const cost = llmCost(llm);
  return prefillMs(cost, m.p1) + Math.max(0, m.o1 - 1) * decodeMs(cost, 1, decodeContext(m));
}

export function llmAnalytic(llm: LlmSpec, replicas: number, m: TokenMoments): LlmAnalytic {
  const cost = llmCost(llm);
  const ctx = decodeContext(m);
  const ceiling = llmCeiling(llm, m);
  const decode1 = decodeMs(cost, 1, ctx);
  return {
    weight_bytes: cost.weightBytes,
    kv_bytes_per_token: cost.kvBytesPerToken,
    kv_cache_blocks: cost.blocks,
    kv_cache_tokens: cost.blocks * cost.blockSize,
    prefill_ms_per_1k_tokens: prefillMs(cost, 1000),
    decode_context_tokens: ctx,
    decode_ms_per_token_batch_1: decode1,
    decode_ms_per_token_at_max_num_seqs: decodeMs(cost, llm.scheduler.max_num_seqs, ctx),
    ttft_unloaded_ms: prefillMs(cost, m.p1),
    tpot_unloaded_ms: decode1,
    saturation_batch: ceiling.batch,
    per_replica_max_rps: ceiling.rps,
    max_sustainable_rps: replicas * ceiling.rps,
    max_output_tokens_per_s: replicas * ceiling.rps * m.o1,
    bound: ceiling.bound,
  };
}
