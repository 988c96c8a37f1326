// One scheduling step of continuous batching (simulation/serving/llm/batch-scheduler.ts), on
// states built by hand: decodes first, then FCFS prefills (chunked or whole), the token budget,
// max_num_seqs, the KV cache, and preemption of the last-admitted sequence.
import { describe, expect, it } from 'vitest';
import { ReplicaState, scheduleStep, type SchedulerConfig } from '../../../simulation/serving/llm/batch-scheduler';
import { SequenceTable } from '../../../simulation/serving/llm/sequences';

interface Seq { prompt: number; generated?: number; computed?: number; target?: number }

/** A replica with `blocks` KV blocks of `blockSize`, `running` sequences (holding their blocks) and `waiting` ones. */
function setup(blocks: number, blockSize: number, running: Seq[], waiting: Seq[]) {
  const seqs = new SequenceTable(64);
  const rep = new ReplicaState(blocks, blockSize);
  const make = (q: Seq) => {
    const s = seqs.acquire(0, q.prompt, q.target ?? 100);
    seqs.generated[s] = q.generated ?? 0;
    seqs.computed[s] = q.computed ?? 0;
    return s;
  };
  for (const q of running) {
    const s = make(q);
    const held = rep.kv.blocksFor(seqs.computed[s] as number);
    expect(rep.kv.tryAllocate(held)).toBe(true);
    seqs.blocks[s] = held;
    rep.pushRunning(s);
  }
  for (const q of waiting) rep.waiting.push(make(q));
  const log: string[] = [];
  const hooks = { admitted: (s: number) => log.push(`admit ${s}`), preempted: (s: number) => log.push(`preempt ${s} (${seqs.computed[s]} computed)`) };
  const step = (cfg: Partial<SchedulerConfig> = {}) => {
    const preempted = scheduleStep(rep, seqs, { maxBatchedTokens: 64, maxNumSeqs: 8, chunkedPrefill: true, ...cfg }, hooks);
    const batch = Array.from({ length: rep.batchLen }, (_, k) => [rep.batchSeq[k], rep.batchTokens[k]]);
    const waitingIds = Array.from({ length: rep.waiting.length }, (_, k) => rep.waiting.at(k));
    return { preempted, batch, running: Array.from(rep.running.subarray(0, rep.runningLen)), waiting: waitingIds };
  };
  return { seqs, rep, log, step };
}

// A decoding sequence: prompt p, g generated, all but the last token computed.
const decoding = (p: number, g: number): Seq => ({ prompt: p, generated: g, computed: p + g - 1 });

describe('scheduleStep', () => {
  it('runs decodes first, then admits waiting prompts in order while the budget lasts (chunking the last)', () => {
    const { step, log, rep } = setup(100, 16, [decoding(10, 3), decoding(20, 1)], [{ prompt: 30 }, { prompt: 40 }, { prompt: 5 }]);
    const r = step({ maxBatchedTokens: 64 });
    // 1 + 1 decode tokens, 30 for seq 2, then 32 of seq 3's 40; seq 4 waits (no budget left).
    expect(r.batch).toEqual([[0, 1], [1, 1], [2, 30], [3, 32]]);
    expect(r.running).toEqual([0, 1, 2, 3]);
    expect(r.waiting).toEqual([4]);
    expect(log).toEqual(['admit 2', 'admit 3']);
    // Blocks: seq 0 holds ⌈13/16⌉, seq 1 ⌈21/16⌉, seq 2 ⌈30/16⌉, seq 3 ⌈32/16⌉.
    expect(rep.kv.used).toBe(1 + 2 + 2 + 2);
  });

  it('without chunked prefill a prompt that does not fit whole stops admission, even for shorter ones behind it (FCFS)', () => {
    const { step } = setup(100, 16, [decoding(10, 3)], [{ prompt: 30 }, { prompt: 40 }, { prompt: 5 }]);
    const r = step({ maxBatchedTokens: 64, chunkedPrefill: false });
    expect(r.batch).toEqual([[0, 1], [1, 30]]);
    expect(r.waiting).toEqual([2, 3]);
  });

  it('a running prefill continues before new prompts are admitted', () => {
    const { step } = setup(100, 16, [decoding(10, 3), { prompt: 100, computed: 40 }], [{ prompt: 8 }]);
    const r = step({ maxBatchedTokens: 50 });
    expect(r.batch).toEqual([[0, 1], [1, 49]]);
    expect(r.waiting).toEqual([2]);
  });

  it('admits at most max_num_seqs running sequences', () => {
    const { step } = setup(100, 16, [decoding(10, 3), decoding(10, 3)], [{ prompt: 4 }, { prompt: 4 }]);
    const r = step({ maxNumSeqs: 3 });
    expect(r.batch).toEqual([[0, 1], [1, 1], [2, 4]]);
    expect(r.waiting).toEqual([3]);
  });

  it('stops admitting when the head of the line needs more KV blocks than are free', () => {
    // 4 blocks of 4 tokens: the decode holds 2 (7 computed; its 8th token fits its second block); 2 left.
    const { step } = setup(4, 4, [decoding(5, 3)], [{ prompt: 9 }, { prompt: 2 }]);
    const r = step();
    expect(r.batch).toEqual([[0, 1]]);
    expect(r.waiting).toEqual([1, 2]);
  });

  it('when a decode needs a block and none is free, preempts the last-admitted sequence and admits nothing', () => {
    // Blocks of 4; each decode has 8 computed (2 blocks) and needs a third block for its 9th token.
    const { step, log, rep, seqs } = setup(5, 4, [decoding(6, 3), decoding(6, 3)], [{ prompt: 2 }]);
    expect(rep.kv.free).toBe(1);
    const r = step();
    // Seq 0 takes the free block; seq 1 finds none and preempts the last running sequence: itself.
    expect(r.batch).toEqual([[0, 1]]);
    expect(r.preempted).toBe(1);
    expect(log).toEqual(['preempt 1 (8 computed)']);
    expect(r.running).toEqual([0]);
    expect(r.waiting).toEqual([1, 2]); // back at the head of the line, before the newcomer
    expect([seqs.computed[1], seqs.blocks[1], seqs.generated[1]]).toEqual([0, 0, 3]);
    expect(rep.kv.used).toBe(3);
  });

  it('preempts from the end of the running set so that earlier sequences keep running', () => {
    // Three decodes holding 2 blocks each (of 4 tokens, 8 computed), no free block: seq 0 preempts seq 2,
    // then seq 1 takes one of the two freed blocks.
    const { step, log } = setup(6, 4, [decoding(6, 3), decoding(6, 3), decoding(6, 3)], []);
    const r = step();
    expect(log).toEqual(['preempt 2 (8 computed)']);
    expect(r.batch).toEqual([[0, 1], [1, 1]]);
    expect(r.running).toEqual([0, 1]);
    expect(r.waiting).toEqual([2]);
  });

  it('recomputes a preempted sequence as one prefill of its prompt and the tokens it had generated', () => {
    const { step, seqs } = setup(20, 4, [], [{ prompt: 6, generated: 3, computed: 0 }]);
    const r = step();
    expect(r.batch).toEqual([[0, 9]]);
    expect(seqs.blocks[0]).toBe(3);
  });
});
