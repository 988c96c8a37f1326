// What one replication of an LLM service measures at token level, streamed: TTFT and TPOT
// histograms, SLO counts, token counters, and time integrals over the measured window (KV
// blocks in use, sequences running, FLOPs and bytes). The request-level figures (latency,
// wait, utilization, series) are kept by ../service-tally.ts as for any service.
import type { LlmSpec } from '../../scenario/llm-schema';
import { Histogram } from '../../stats/histogram';
import type { LlmPercentiles, LlmReplication } from './llm-figures';

export interface LlmCapacity {
  /** KV blocks, FLOP/s and bytes/s summed over the replicas. */
  blocks: number;
  computeFlops: number;
  bandwidth: number;
}

export class LlmTally {
  iterations = 0;
  preemptions = 0;
  promptTokens = 0;
  outputTokens = 0;
  /** Output tokens sampled by iterations, finished requests or not (equals outputTokens once all finished). */
  sampledTokens = 0;
  processedTokens = 0;
  recomputedTokens = 0;
  /** KV blocks held and sequences running now, over all replicas (set by the model after `advance`). */
  usedBlocks = 0;
  running = 0;

  private readonly ttft = new Histogram();
  private readonly tpot = new Histogram();
  private measuredCompleted = 0;
  private measuredRejected = 0;
  private ttftOk = 0;
  private tpotOk = 0;
  private bothOk = 0;
  private runTimeSum = 0;
  private goodInWindow = 0;
  private inputInWindow = 0;
  private outputInWindow = 0;
  private last = 0;
  private winBlocks = 0;
  private winRunning = 0;
  private winFlops = 0;
  private winBytes = 0;
  private winIterations = 0;
  private winBatchSeqs = 0;
  private winBatchTokens = 0;

  constructor(
    private readonly slo: LlmSpec['slo'],
    private readonly capacity: LlmCapacity,
    private readonly warmup: number,
    private readonly horizon: number,
  ) {}

  private inWindow(t: number): boolean {
    return t >= this.warmup && t <= this.horizon;
  }

  /** Integrates the current state up to t (call before changing usedBlocks or running). */
  advance(t: number): void {
    const a = Math.max(this.last, this.warmup), b = Math.min(t, this.horizon);
    if (b > a) {
      this.winBlocks += this.usedBlocks * (b - a);
      this.winRunning += this.running * (b - a);
    }
    if (t > this.last) this.last = t;
  }

  /** An iteration over [start, start + ms): its FLOPs and bytes count pro rata to its overlap with the window. */
  iteration(start: number, ms: number, seqs: number, tokens: number, flops: number, bytes: number): void {
    this.iterations++;
    this.processedTokens += tokens;
    if (start >= this.warmup && start < this.horizon) {
      this.winIterations++;
      this.winBatchSeqs += seqs;
      this.winBatchTokens += tokens;
    }
    const end = start + ms;
    const overlap = Math.min(end, this.horizon) - Math.max(start, this.warmup);
    if (overlap > 0 && ms > 0) {
      const share = overlap / ms;
      this.winFlops += flops * share;
      this.winBytes += bytes * share;
    }
  }

  preempted(discardedTokens: number): void {
    this.preemptions++;
    this.recomputedTokens += discardedTokens;
  }

  /** `sampled` output tokens at `now`, the first ones of requests whose prompts total `prompts` tokens. */
  tokens(now: number, sampled: number, prompts: number): void {
    this.sampledTokens += sampled;
    if (!this.inWindow(now)) return;
    this.outputInWindow += sampled;
    this.inputInWindow += prompts;
  }

  rejection(a: number): void {
    if (a >= this.warmup) this.measuredRejected++;
  }

  /** A request that arrived at `a` finished at `now`: its lengths, TTFT, TPOT (null for one output token), time in a batch. */
  finished(a: number, now: number, prompt: number, output: number, ttft: number, tpot: number | null, runTime: number): void {
    this.promptTokens += prompt;
    this.outputTokens += output;
    const ttftOk = ttft <= this.slo.ttft_ms;
    // One output token has no inter-token gap: it counts as meeting the TPOT SLO (vLLM's goodput rule).
    const tpotOk = tpot === null || tpot <= this.slo.tpot_ms;
    if (ttftOk && tpotOk && this.inWindow(now)) this.goodInWindow++;
    if (a < this.warmup) return;
    this.measuredCompleted++;
    this.ttft.record(ttft);
    if (tpot !== null) this.tpot.record(tpot);
    if (ttftOk) this.ttftOk++;
    if (tpotOk) this.tpotOk++;
    if (ttftOk && tpotOk) this.bothOk++;
    this.runTimeSum += runTime;
  }

  /** The replication's figures; `end` is where its window ends (the horizon, or earlier when stopped). */
  figures(end: number): LlmReplication {
    this.advance(end);
    const windowMs = end - this.warmup;
    const windowS = windowMs / 1000;
    const perS = (x: number) => (windowMs > 0 ? x / windowS : null);
    const ended = this.measuredCompleted + this.measuredRejected;
    const share = (x: number) => (ended > 0 ? x / ended : null);
    const cap = this.capacity;
    const timeShare = (area: number, of: number) => (windowMs > 0 && of > 0 ? area / (of * windowMs) : null);
    return {
      ttft_ms: percentiles(this.ttft),
      ttft_at_slo_ms: this.ttft.percentile(this.slo.ttft_percentile),
      tpot_ms: percentiles(this.tpot),
      tpot_at_slo_ms: this.tpot.percentile(this.slo.tpot_percentile),
      ttft_attainment: share(this.ttftOk),
      tpot_attainment: share(this.tpotOk),
      slo_attainment: share(this.bothOk),
      goodput_rps: perS(this.goodInWindow),
      input_tokens_per_s: perS(this.inputInWindow),
      output_tokens_per_s: perS(this.outputInWindow),
      kv_cache_utilization: timeShare(this.winBlocks, cap.blocks),
      flop_utilization: windowS > 0 ? this.winFlops / (cap.computeFlops * windowS) : null,
      bandwidth_utilization: windowS > 0 ? this.winBytes / (cap.bandwidth * windowS) : null,
      mean_running_seqs: windowMs > 0 ? this.winRunning / windowMs : null,
      time_in_batch_ms: this.measuredCompleted > 0 ? this.runTimeSum / this.measuredCompleted : null,
      mean_batch_seqs: this.winIterations > 0 ? this.winBatchSeqs / this.winIterations : null,
      mean_batch_tokens: this.winIterations > 0 ? this.winBatchTokens / this.winIterations : null,
      iterations: this.iterations,
      preemptions: this.preemptions,
      prompt_tokens: this.promptTokens,
      output_tokens: this.outputTokens,
      processed_tokens: this.processedTokens,
      recomputed_tokens: this.recomputedTokens,
    };
  }
}

function percentiles(h: Histogram): LlmPercentiles {
  return {
    mean: h.mean(), p50: h.percentile(50), p90: h.percentile(90), p95: h.percentile(95), p99: h.percentile(99),
    max: h.count > 0 ? h.max : null,
  };
}
