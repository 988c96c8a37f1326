// The statistics of one replication, streamed run by run (memory does not grow with runs):
// outcome counts, makespan histogram, per-task states and attempts, the realised critical path
// (criticality and the counts that rebuild the modal path) and the blast radius of failures.
//
// Realised critical path of a run: start at the task that ran and became final last (among ties
// the latest in topological order) and step back to the upstream through which it was triggered — the lowest-index
// upstream that became final exactly at the task's trigger moment (for a one_* rule that fired
// early, one in a satisfying state; for a negative outcome settled early, one in a settling
// state) — until a task triggered by the run start (no upstream, or
// `always`). A task that ended upstream_failed or skipped can lie on it (with zero length) when
// it triggered a task that ran, e.g. an all_done cleanup.
//
// Blast radius of a failed task in a run: how many of its descendants (tasks downstream of it,
// directly or not) ended upstream_failed or skipped in that run.
import { Histogram } from '../stats/histogram';
import { ALWAYS, descendantBits, type Dag } from './dag';
import type { RunRecord } from './evaluate';
import { satisfies, settlesEarly } from './trigger';
import { FAILED, SKIPPED, SUCCESS, UPSTREAM_FAILED, type PipelineReplication, type PipelineTaskReplication } from './types';

export class PipelineCollector {
  private runs = 0;
  private succeeded = 0;
  private dagSucceeded = 0;
  private readonly makespan = new Histogram();
  private readonly counts: Float64Array[];
  private readonly ran: Float64Array;
  private readonly attempts: Float64Array;
  private readonly critical: Float64Array;
  private readonly blastRuns: Float64Array;
  private readonly blastSum: Float64Array;
  private readonly poolWaits: Float64Array;
  private readonly poolWaitSum: Float64Array;
  private readonly endCount: Float64Array;
  private readonly startCount: Float64Array;
  private readonly viaCount: Float64Array;
  private readonly desc: { words: number; bits: Uint32Array } | null;
  private readonly hit: Uint32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly dag: Dag, private readonly pools = false) {
    const n = dag.n;
    this.counts = [0, 1, 2, 3, 4].map(() => new Float64Array(n));
    this.ran = new Float64Array(n);
    this.attempts = new Float64Array(n);
    this.critical = new Float64Array(n);
    this.blastRuns = new Float64Array(n);
    this.blastSum = new Float64Array(n);
    this.poolWaits = new Float64Array(n);
    this.poolWaitSum = new Float64Array(n);
    this.endCount = new Float64Array(n);
    this.startCount = new Float64Array(n);
    this.viaCount = new Float64Array(dag.predList.length);
    this.desc = descendantBits(dag);
    this.hit = new Uint32Array(this.desc ? this.desc.words : 0);
    this.seen = new Int32Array(this.desc ? 0 : n);
  }

  addRun(rec: RunRecord): void {
    const { n, leaves } = this.dag;
    const { state, finish, ran: taskRan } = rec;
    // Module constants copied into locals (imported bindings may cost a property read each).
    const succeeded = SUCCESS, failed = FAILED, skipped = SKIPPED;
    const counts = this.counts, ran = this.ran, attempts = this.attempts;
    this.runs++;
    let all = true, anyFailed = false, end = 0, last = -Infinity;
    for (let t = 0; t < n; t++) {
      const st = state[t]!;
      counts[st]![t]!++;
      if (st !== succeeded) { all = false; if (st === failed) anyFailed = true; }
      if (taskRan[t] === 1) { ran[t]!++; attempts[t]! += rec.attempts[t]!; }
    }
    // The path ends at the task that ran and became final last; among ties the latest in
    // topological order (so a zero-length marker task ending with its upstream is included).
    // A task that did not run ends when one of its upstreams does, so some task that ran always
    // attains the makespan.
    const topo = this.dag.topo;
    for (let i = 0; i < n; i++) {
      const t = topo[i]!;
      if (taskRan[t] === 1 && finish[t]! >= last) { last = finish[t]!; end = t; }
    }
    if (all) this.succeeded++;
    let leavesOk = true;
    for (let i = 0; i < leaves.length; i++) {
      const st = state[leaves[i]!]!;
      if (st !== succeeded && st !== skipped) { leavesOk = false; break; }
    }
    if (leavesOk) this.dagSucceeded++;
    this.makespan.record(n > 0 ? last - rec.t0 : 0);
    if (n > 0) this.walkCriticalPath(rec, end);
    if (anyFailed) this.blast(rec);
    if (this.pools) {
      for (let t = 0; t < n; t++) {
        if (rec.poolWaits[t] === 0) continue;
        this.poolWaits[t]! += rec.poolWaits[t]!;
        this.poolWaitSum[t]! += rec.poolWait[t]!;
      }
    }
  }

  private walkCriticalPath(rec: RunRecord, end: number): void {
    const { predStart, predList, rule } = this.dag;
    const { state, finish, decision, early } = rec;
    this.endCount[end]!++;
    let t = end;
    for (;;) {
      this.critical[t]!++;
      const ps = predStart[t]!, pe = predStart[t + 1]!;
      let via = -1;
      if (ps !== pe && rule[t] !== ALWAYS) {
        const at = decision[t]!;
        const r = rule[t]!, how = early[t]!;
        for (let e = ps; e < pe; e++) {
          const q = predList[e]!;
          if (finish[q] !== at) continue;
          if (how === 0 || (how === 1 ? satisfies(r, state[q]!) : settlesEarly(r, state[q]!))) { via = e; break; }
        }
      }
      if (via === -1) { this.startCount[t]!++; return; }
      this.viaCount[via]!++;
      t = predList[via]!;
    }
  }

  private blast(rec: RunRecord): void {
    const { n } = this.dag;
    const { state } = rec;
    const desc = this.desc;
    if (desc) {
      const { words, bits } = desc;
      const hit = this.hit;
      hit.fill(0);
      for (let t = 0; t < n; t++) {
        const st = state[t]!;
        if (st === UPSTREAM_FAILED || st === SKIPPED) hit[t >>> 5]! |= 1 << (t & 31);
      }
      for (let t = 0; t < n; t++) {
        if (state[t] !== FAILED) continue;
        let c = 0;
        const row = t * words;
        for (let w = 0; w < words; w++) c += popcount(bits[row + w]! & hit[w]!);
        this.blastRuns[t]!++;
        this.blastSum[t]! += c;
      }
      return;
    }
    // Very large DAGs: a search over the descendants of each failed task.
    const { succStart, succList } = this.dag;
    const seen = this.seen;
    const stack: number[] = [];
    for (let t = 0; t < n; t++) {
      if (state[t] !== FAILED) continue;
      const mark = ++this.stamp;
      let c = 0;
      stack.push(t);
      while (stack.length > 0) {
        const v = stack.pop()!;
        for (let e = succStart[v]!; e < succStart[v + 1]!; e++) {
          const s = succList[e]!;
          if (seen[s] === mark) continue;
          seen[s] = mark;
          const st = state[s]!;
          if (st === UPSTREAM_FAILED || st === SKIPPED) c++;
          stack.push(s);
        }
      }
      this.blastRuns[t]!++;
      this.blastSum[t]! += c;
    }
  }

  figures(planned: number): PipelineReplication {
    const n = this.dag.n;
    const empty = this.runs === 0;
    const tasks: PipelineTaskReplication[] = [];
    for (let t = 0; t < n; t++) {
      tasks.push({
        success: this.counts[SUCCESS]![t]!,
        failed: this.counts[FAILED]![t]!,
        upstream_failed: this.counts[UPSTREAM_FAILED]![t]!,
        skipped: this.counts[SKIPPED]![t]!,
        ran: this.ran[t]!,
        attempts: this.attempts[t]!,
        critical: this.critical[t]!,
        blast_runs: this.blastRuns[t]!,
        blast_sum: this.blastSum[t]!,
        pool_waits: this.poolWaits[t]!,
        pool_wait_sum: this.poolWaitSum[t]!,
      });
    }
    return {
      planned,
      runs: this.runs,
      succeeded: this.succeeded,
      dag_succeeded: this.dagSucceeded,
      makespan_s: {
        mean: empty ? null : this.makespan.mean(),
        p50: this.makespan.percentile(50),
        p95: this.makespan.percentile(95),
        p99: this.makespan.percentile(99),
      },
      tasks,
      paths: { end: [...this.endCount], start: [...this.startCount], via: [...this.viaCount] },
    };
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
