// Continuous batching as vLLM's V1 scheduler does it, one step (iteration) at a time
// (docs/llm-serving.md, "The scheduler"):
//
// 1. Running sequences first, in the order they were admitted: each gets its uncomputed tokens
//    (1 for a decode, the rest of its prompt for a chunked prefill), cut to the token budget
//    left. When the KV cache has no room for them, the last-admitted running sequence is
//    preempted (its blocks freed, its tokens to be recomputed; it goes back to the head of the
//    waiting line), and again until it fits; a sequence that had to preempt itself ends the pass.
// 2. Then, only when nothing was preempted, waiting sequences in FCFS order while the budget,
//    max_num_seqs and the KV cache allow: the whole uncomputed part, or with chunked prefill as
//    much as the budget leaves. The head of the line that does not fit stops admission (strict
//    FCFS, as vLLM V0 and the `fcfs` policy: nothing overtakes it).
//
// The step only decides; the replica (./llm-replica.ts) times it and applies it.
import { KvCache } from './kv-cache';
import { IdDeque, type SequenceTable } from './sequences';

export interface SchedulerConfig {
  maxBatchedTokens: number;
  maxNumSeqs: number;
  chunkedPrefill: boolean;
}

/** What the replica's owner learns of a step: admissions and preemptions, as they happen. */
export interface SchedulerHooks {
  /** s moved from the waiting line to the running set. */
  admitted(s: number): void;
  /** s is about to be preempted (its `computed` tokens are still set, so they can be counted). */
  preempted(s: number): void;
}

/** One replica's scheduling state: the running set in admission order, the waiting line, the KV cache, the batch. */
export class ReplicaState {
  running = new Int32Array(16);
  runningLen = 0;
  readonly waiting = new IdDeque();
  readonly kv: KvCache;
  /** The last step's batch: sequence ids and their token counts. */
  batchSeq = new Int32Array(16);
  batchTokens = new Int32Array(16);
  batchLen = 0;

  constructor(blocks: number, blockSize: number) {
    this.kv = new KvCache(blocks, blockSize);
  }

  /** Waiting plus running: what least-outstanding-requests routing compares. */
  get outstanding(): number {
    return this.runningLen + this.waiting.length;
  }

  pushRunning(s: number): void {
    if (this.runningLen === this.running.length) this.running = grown(this.running);
    this.running[this.runningLen++] = s;
  }

  addToBatch(s: number, n: number): void {
    if (this.batchLen === this.batchSeq.length) {
      this.batchSeq = grown(this.batchSeq);
      this.batchTokens = grown(this.batchTokens);
    }
    this.batchSeq[this.batchLen] = s;
    this.batchTokens[this.batchLen++] = n;
  }

  /** Drops the running sequences `done` says are finished, keeping the others' order. */
  compactRunning(done: (s: number) => boolean): void {
    let w = 0;
    const run = this.running;
    for (let k = 0; k < this.runningLen; k++) {
      const s = run[k] as number;
      if (!done(s)) run[w++] = s;
    }
    this.runningLen = w;
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Fills `r`'s batch for the next iteration; returns the number of sequences preempted. */
export function scheduleStep(r: ReplicaState, seqs: SequenceTable, cfg: SchedulerConfig, hooks: SchedulerHooks): number {
  const kv = r.kv, computed = seqs.computed, blocks = seqs.blocks, prompt = seqs.prompt, generated = seqs.generated;
  const bs = kv.blockSize;
  let budget = cfg.maxBatchedTokens;
  let preemptions = 0;
  r.batchLen = 0;

  for (let i = 0; i < r.runningLen && budget > 0;) {
    const s = r.running[i] as number;
    const c = computed[s] as number;
    const left = (prompt[s] as number) + (generated[s] as number) - c;
    const n = left < budget ? left : budget;
    const need = Math.ceil((c + n) / bs) - (blocks[s] as number);
    let fits = true;
    while (!kv.tryAllocate(need)) {
      const victim = r.running[--r.runningLen] as number;
      hooks.preempted(victim);
      kv.release(blocks[victim] as number);
      blocks[victim] = 0;
      computed[victim] = 0;
      r.waiting.unshift(victim);
      preemptions++;
      if (victim === s) { fits = false; break; }
    }
    if (!fits) break;
    blocks[s] = (blocks[s] as number) + need;
    r.addToBatch(s, n);
    budget -= n;
    i++;
  }
  if (preemptions > 0) return preemptions;

  while (r.waiting.length > 0 && budget > 0 && r.runningLen < cfg.maxNumSeqs) {
    const s = r.waiting.peek();
    let n = seqs.tokens(s) - (computed[s] as number);
    if (n > budget) {
      if (!cfg.chunkedPrefill) break;
      n = budget;
    }
    const need = kv.blocksFor((computed[s] as number) + n) - (blocks[s] as number);
    if (!kv.tryAllocate(need)) break;
    r.waiting.shift();
    blocks[s] = (blocks[s] as number) + need;
    r.pushRunning(s);
    hooks.admitted(s);
    r.addToBatch(s, n);
    budget -= n;
  }
  return 0;
}
