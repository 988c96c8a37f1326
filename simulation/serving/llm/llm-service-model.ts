// One LLM service on the serving simulator (ms clock), at token level (docs/llm-serving.md).
// A request arrives, is given its prompt and output lengths, waits `feature`, and is routed to
// the replica with the fewest outstanding requests (waiting + running; ties to the lowest
// index). Each replica runs iterations back to back while it has work: the scheduler
// (./batch-scheduler.ts) picks the batch, the roofline (./roofline.ts) times it, and when it
// ends every sequence that ran out of uncomputed tokens gets one output token. A request ends
// with its last output token, then `network` and `postprocess` are added to its latency.
// TTFT and TPOT are measured at the engine: TTFT from joining the replica's line to the first
// token, TPOT = (last token − first token) ÷ (output tokens − 1).
// Nothing is allocated per request (./sequences.ts); statistics are streamed.
import type { Simulator } from '../../engine/simulator';
import { deriveStream } from '../../random/rng';
import { compileDist, type Sampler } from '../../random/samplers';
import type { TraceTokenColumns } from '../../run/types';
import type { Dist } from '../../scenario/dist-schema';
import { isTraceColumn, type LlmSpec } from '../../scenario/llm-schema';
import type { ServiceSpec } from '../../scenario/schema';
import type { ServiceReplication } from '../figures';
import type { ServiceWindow } from '../service-model';
import { BucketCounts, bucketWidthS, StateClock } from '../series';
import { ServiceTally } from '../service-tally';
import { ReplicaState, scheduleStep, type SchedulerConfig, type SchedulerHooks } from './batch-scheduler';
import { llmArrivals, type LlmArrivals } from './llm-arrivals';
import { LlmTally } from './llm-tally';
import { attentionPairs, iterationBytes, iterationFlops, iterationMs, llmCost, type LlmCost } from './roofline';
import { SequenceTable } from './sequences';
import { tokenSampler, type TokenDraw } from './token-lengths';

const ZERO: Dist = { dist: 'fixed', value: 0 };

export interface LlmServiceWindow extends ServiceWindow {
  /** The trace's token columns, when a length names one. */
  tokens?: TraceTokenColumns;
}

export class LlmServiceModel {
  readonly llmTally: LlmTally;
  private readonly tally: ServiceTally;
  private readonly clock: StateClock;
  private readonly llm: LlmSpec;
  private readonly cost: LlmCost;
  private readonly cfg: SchedulerConfig;
  private readonly seqs: SequenceTable;
  private readonly reps: ReplicaState[];
  private readonly busy: Uint8Array;
  private readonly arrivals: LlmArrivals;
  private readonly drawPrompt: TokenDraw;
  private readonly drawOutput: TokenDraw;
  private readonly drawFeature: Sampler;
  private readonly drawNetwork: Sampler;
  private readonly drawPost: Sampler;
  /** Fixed feature delay (ms), or NaN when it is random and needs a join event per request. */
  private readonly fixedFeature: number;
  private readonly maxSeqLen: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private pendingArrival = 0;
  private pendingRow = -1;
  private readonly hooks: SchedulerHooks;

  constructor(private readonly sim: Simulator, private readonly spec: ServiceSpec, w: LlmServiceWindow) {
    if (!spec.llm) throw new Error(`service ${spec.id}: the llm block is required`);
    const llm = (this.llm = spec.llm);
    const stream = (name: string) => deriveStream(w.seed, w.replication, `serving/${spec.id}/${name}`);
    this.cost = llmCost(llm);
    this.cfg = {
      maxBatchedTokens: llm.scheduler.max_num_batched_tokens as number,
      maxNumSeqs: llm.scheduler.max_num_seqs,
      chunkedPrefill: llm.scheduler.enable_chunked_prefill,
    };
    this.maxSeqLen = llm.model.max_seq_len;
    this.warmup = w.warmupMs;
    this.horizon = w.horizonMs;
    const rows = isTraceColumn(llm.prompt_tokens) || isTraceColumn(llm.output_tokens);
    const replay = spec.arrivals.process === 'trace' ? { replication: w.replication, rng: stream('replay'), horizonMs: w.horizonMs } : undefined;
    this.arrivals = llmArrivals(spec.arrivals, stream('arrivals'), w.trace, replay, rows);
    this.drawPrompt = tokenSampler(llm.prompt_tokens, stream('prompt_tokens'), w.tokens?.prompt, `service ${spec.id}: llm.prompt_tokens`);
    this.drawOutput = tokenSampler(llm.output_tokens, stream('output_tokens'), w.tokens?.output, `service ${spec.id}: llm.output_tokens`);
    const feature = spec.latency_ms.feature ?? ZERO;
    this.drawFeature = compileDist(feature, stream('feature'));
    this.drawNetwork = compileDist(spec.latency_ms.network ?? ZERO, stream('network'));
    this.drawPost = compileDist(spec.latency_ms.postprocess ?? ZERO, stream('postprocess'));
    this.fixedFeature = feature.dist === 'fixed' ? feature.value : Number.NaN;

    const n = spec.replicas;
    const bucketMs = w.bucketMs ?? bucketWidthS(w.horizonMs / 1000) * 1000;
    this.clock = new StateClock(w.warmupMs, w.horizonMs, bucketMs);
    this.clock.slots = this.clock.ready = this.clock.billed = n;
    this.tally = new ServiceTally(new BucketCounts(w.horizonMs, bucketMs), w.warmupMs, w.horizonMs, spec.latency_budget_ms, bucketMs);
    this.llmTally = new LlmTally(llm.slo, {
      blocks: n * this.cost.blocks, computeFlops: n * this.cost.computeFlops, bandwidth: n * this.cost.bandwidth,
    }, w.warmupMs, w.horizonMs);
    this.seqs = new SequenceTable(w.maxWaiting);
    this.reps = Array.from({ length: n }, () => new ReplicaState(this.cost.blocks, this.cost.blockSize));
    this.busy = new Uint8Array(n);
    this.hooks = {
      admitted: (s) => {
        const now = this.sim.now, seqs = this.seqs;
        if (Number.isNaN(seqs.admitted[s] as number)) seqs.admitted[s] = now;
        seqs.runSince[s] = now;
        this.clock.waiting--;
        this.clock.inService++;
        this.llmTally.running++;
      },
      preempted: (s) => {
        const now = this.sim.now, seqs = this.seqs;
        seqs.runTime[s] = (seqs.runTime[s] as number) + (now - (seqs.runSince[s] as number));
        this.llmTally.preempted(seqs.computed[s] as number);
        this.clock.waiting++;
        this.clock.inService--;
        this.llmTally.running--;
      },
    };
    sim.label(this.onIterationEnd, `serving/${spec.id}/llm-iteration`);
  }

  start(): void {
    this.sim.scheduleAt(this.horizon, this.onHorizon);
    this.scheduleNextArrival();
  }

  private advance(now: number): void {
    this.clock.advance(now);
    this.llmTally.advance(now);
  }

  // ---- arrivals ----

  private scheduleNextArrival(): void {
    const a = this.arrivals.next();
    if (!(a < this.horizon)) return;
    this.pendingArrival = a;
    this.pendingRow = this.arrivals.row[0] as number;
    const f = this.fixedFeature;
    this.sim.scheduleAt(f === f ? a + f : a, this.onArrival);
  }

  private readonly onArrival = (): void => {
    const a = this.pendingArrival, row = this.pendingRow;
    this.scheduleNextArrival();
    this.tally.arrival(a);
    const p = this.drawPrompt(row), o = this.drawOutput(row);
    // vLLM refuses a prompt longer than the model's context; the output stops at max_seq_len.
    if (p > this.maxSeqLen) {
      this.tally.rejection(a, this.sim.now);
      this.llmTally.rejection(a);
      return;
    }
    const s = this.seqs.acquire(a, p, Math.min(o, Math.max(1, this.maxSeqLen - p)));
    if (s < 0) { this.sim.halt('max_queue'); return; }
    const f = this.fixedFeature;
    if (f === f) this.join(s);
    else this.sim.schedule(this.drawFeature(), this.onJoin, s);
  };

  private readonly onJoin = (s: number): void => {
    this.join(s);
  };

  /** Least outstanding requests; ties to the lowest index. */
  private route(): number {
    const reps = this.reps;
    let best = 0, fewest = (reps[0] as ReplicaState).outstanding;
    for (let r = 1; r < reps.length && fewest > 0; r++) {
      const n = (reps[r] as ReplicaState).outstanding;
      if (n < fewest) { best = r; fewest = n; }
    }
    return best;
  }

  private join(s: number): void {
    const now = this.sim.now;
    this.seqs.join[s] = now;
    const r = this.route();
    this.seqs.replica[s] = r;
    this.advance(now);
    (this.reps[r] as ReplicaState).waiting.push(s);
    this.clock.waiting++;
    if (this.busy[r] === 0) this.startIteration(r, now);
  }

  // ---- iterations ----

  /** Schedules replica r's next batch and its end (call after `advance(now)`). */
  private startIteration(r: number, now: number): void {
    const rep = this.reps[r] as ReplicaState, seqs = this.seqs;
    const usedBefore = rep.kv.used;
    scheduleStep(rep, seqs, this.cfg, this.hooks);
    this.llmTally.usedBlocks += rep.kv.used - usedBefore;
    const len = rep.batchLen;
    if (len === 0) {
      // Cannot happen with a validated scenario (the KV cache holds a longest sequence, and the
      // token budget a whole prompt without chunking); refuse to idle with work left.
      if (rep.outstanding > 0) throw new Error(`service ${this.spec.id}: replica ${r} cannot schedule any of its ${rep.outstanding} requests`);
      if (this.busy[r] === 1) { this.busy[r] = 0; this.clock.busy--; }
      return;
    }
    const computed = seqs.computed, ids = rep.batchSeq, ns = rep.batchTokens;
    let tokens = 0, pairs = 0, kvTokens = 0;
    for (let k = 0; k < len; k++) {
      const c = computed[ids[k] as number] as number, n = ns[k] as number;
      tokens += n;
      pairs += attentionPairs(c, n);
      kvTokens += c + n;
    }
    const cost = this.cost;
    const ms = iterationMs(cost, tokens, pairs, kvTokens);
    this.llmTally.iteration(now, ms, len, tokens, iterationFlops(cost, tokens, pairs), iterationBytes(cost, kvTokens));
    if (this.busy[r] === 0) { this.busy[r] = 1; this.clock.busy++; }
    this.sim.schedule(ms, this.onIterationEnd, r);
  }

  private readonly onIterationEnd = (r: number): void => {
    const now = this.sim.now, seqs = this.seqs, rep = this.reps[r] as ReplicaState;
    this.advance(now);
    const usedBefore = rep.kv.used;
    const computed = seqs.computed, generated = seqs.generated, target = seqs.target, prompt = seqs.prompt;
    const ids = rep.batchSeq, ns = rep.batchTokens, firstToken = seqs.firstToken;
    let finished = 0, sampled = 0, prefilled = 0;
    for (let k = 0; k < rep.batchLen; k++) {
      const s = ids[k] as number;
      const c = (computed[s] as number) + (ns[k] as number);
      computed[s] = c;
      if (c < (prompt[s] as number) + (generated[s] as number)) continue; // a prefill chunk
      const g = (generated[s] as number) + 1;
      generated[s] = g;
      sampled++;
      const t = firstToken[s] as number;
      if (t !== t) { // NaN: the request's first token
        firstToken[s] = now;
        prefilled += prompt[s] as number;
      }
      if (g === target[s]) {
        this.finish(s, now);
        rep.kv.release(seqs.blocks[s] as number);
        seqs.blocks[s] = 0;
        finished++;
      }
    }
    this.llmTally.tokens(now, sampled, prefilled);
    if (finished > 0) {
      rep.compactRunning((s) => {
        if (generated[s] !== target[s]) return false;
        seqs.release(s);
        return true;
      });
      this.clock.inService -= finished;
      this.llmTally.running -= finished;
    }
    this.llmTally.usedBlocks += rep.kv.used - usedBefore;
    rep.batchLen = 0;
    if (rep.outstanding > 0) this.startIteration(r, now);
    else { this.busy[r] = 0; this.clock.busy--; }
  };

  /** Records a request whose last output token came at `now`. */
  private finish(s: number, now: number): void {
    const seqs = this.seqs;
    const a = seqs.arrival[s] as number, j = seqs.join[s] as number;
    const admitted = seqs.admitted[s] as number, first = seqs.firstToken[s] as number;
    const runTime = (seqs.runTime[s] as number) + (now - (seqs.runSince[s] as number));
    const o = seqs.target[s] as number;
    const ff = this.fixedFeature;
    this.tally.request(a, ff === ff ? ff : j - a, admitted - j, now - admitted, this.drawNetwork(), this.drawPost());
    this.tally.completion(now, admitted, 1);
    this.llmTally.finished(a, now, seqs.prompt[s] as number, o, first - j, o > 1 ? (now - first) / (o - 1) : null, runTime);
  }

  private readonly onHorizon = (): void => {
    this.advance(this.horizon);
    let waiting = 0;
    for (const rep of this.reps) {
      for (let k = 0; k < rep.waiting.length; k++) if ((this.seqs.arrival[rep.waiting.at(k)] as number) >= this.warmup) waiting++;
    }
    this.tally.waitingAtHorizon = waiting;
  };

  /** Requests in the system (tests: bounded memory). */
  get live(): number {
    return this.seqs.live;
  }

  /** The figures of this replication (call once the run has ended). */
  figures(): ServiceReplication {
    const end = Math.min(this.sim.now, this.horizon);
    this.advance(end);
    // The slot time is computed (like a batch's), not drawn from service_time_ms: report its mean.
    const out = this.tally.figures(this.spec, this.clock, end, true);
    out.llm = this.llmTally.figures(end);
    return out;
  }
}
