// The pipeline as an event-driven model on a shared simulator (clock in seconds), used when
// tasks hold pool units: run k of the replication starts at k × interval and its tasks contend
// for units with the other runs and with whatever else uses the pools (the cluster's jobs).
//
// A run draws every task's course at its start (TaskDraws, the same draws the direct evaluator
// makes). Tasks are triggered exactly as in evaluate.ts — at the run start (no upstream, or
// `always`), as soon as a satisfying upstream ends (one_*), or when the last upstream ends —
// and a triggered task then
//   - without a pool: becomes final `elapsed` later (one event);
//   - with a pool: passes its gate (no units held), then per attempt requests `units`, holds
//     them from the grant for the attempt's length, releases them, waits the retry delay
//     (no units held) and requests again; a timeout counts from the grant.
// Tasks that do not run become upstream_failed or skipped at once, within the same event. A
// negative outcome that an upstream settles before the others are final (trigger.ts: SETTLING)
// is decided by a late `settle` event, after everything else that happens at that instant
// (zero-length tasks end in events of their own), task by task in topological order, so every
// upstream final at that instant is counted — as the direct evaluator does.
import type { Simulator } from '../engine/simulator';
import { distMean } from '../random/dist-mean';
import type { PipelineSampleRun } from '../result/pipeline';
import type { PipelineSpec } from '../scenario/schema';
import { emptyPlan, TaskDraws, type AttemptPlan } from './attempts';
import { PipelineCollector } from './collector';
import { ALWAYS, compileDag, type Dag } from './dag';
import { RunRecord } from './evaluate';
import type { PoolPort } from './pool-port';
import { planSegments, pooledSegments, runTrace } from './segments';
import { EARLY_OUTCOME, OUTCOME, RUN, SATISFYING, SETTLING } from './trigger';
import { FAILED, SUCCESS, type PipelineReplication } from './types';

export interface PooledOptions {
  seed: number;
  replication: number;
  /** Runs of this replication. */
  runs: number;
  /** Time between run starts. */
  interval: number;
  dag?: Dag;
  /** Record the first `trace` runs task by task, with their segments, in `samples` (default 0). */
  trace?: number;
}

class ActiveRun {
  readonly rec: RunRecord;
  /** Tasks not final yet. */
  remaining: number;
  /** 1 once a task was triggered or became final. */
  readonly decided: Uint8Array;
  /** Upstream states seen (OR of 1 << state) and upstreams final so far. */
  readonly mask: Uint8Array;
  readonly finals: Int32Array;
  /** Tasks without a pool: what they do once triggered. */
  readonly elapsed: Float64Array;
  readonly ok: Uint8Array;
  readonly attempts: Int32Array;
  /** Pool tasks: the drawn course, the current attempt, its ticket and request time. */
  readonly plans: (AttemptPlan | null)[];
  readonly attempt: Int32Array;
  readonly ticket: Int32Array;
  readonly requested: Float64Array;
  /** 1 while a pool request waits for its grant. */
  readonly waiting: Uint8Array;
  /**
   * Pool tasks keep time as base + rel, rel summed in the order TaskDraws sums `elapsed`; base
   * moves only when a grant came later than its request. So without any wait a task ends at
   * exactly trigger + elapsed, bit for bit what the direct evaluator computes.
   */
  readonly base: Float64Array;
  readonly rel: Float64Array;
  /** Tasks whose negative outcome an upstream settled, not decided yet; a settle event is due. */
  readonly settled: number[] = [];
  settleDue = false;
  /**
   * Traced runs only: every task's drawn course (the same draws, kept), and per pool task the
   * request, grant and end time of each attempt (segments.ts).
   */
  tracePlans: AttemptPlan[] | null = null;
  marks: number[][] | null = null;

  constructor(readonly slot: number, n: number) {
    this.rec = new RunRecord(n);
    this.remaining = n;
    this.decided = new Uint8Array(n);
    this.mask = new Uint8Array(n);
    this.finals = new Int32Array(n);
    this.elapsed = new Float64Array(n);
    this.ok = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.plans = new Array<AttemptPlan | null>(n).fill(null);
    this.attempt = new Int32Array(n);
    this.ticket = new Int32Array(n);
    this.requested = new Float64Array(n);
    this.waiting = new Uint8Array(n);
    this.base = new Float64Array(n);
    this.rel = new Float64Array(n);
  }
}

export class PooledPipeline {
  private readonly dag: Dag;
  private readonly n: number;
  private readonly draws: TaskDraws;
  private readonly collector: PipelineCollector;
  private readonly pool: (string | null)[];
  private readonly units: Int32Array;
  private readonly expected: Float64Array;
  /** Active runs by slot (payload = slot × n + task); freed slots are reused. */
  private readonly slots: (ActiveRun | null)[] = [];
  private readonly freeSlots: number[] = [];
  private started = 0;
  /** Tasks that became final in the current cascade, with their states (FIFO). */
  private readonly pending: number[] = [];
  /** Topological position of each task (decides the order of `settled`). */
  private readonly topoPos: Int32Array;
  private cascading = false;

  constructor(private readonly sim: Simulator, spec: PipelineSpec, private readonly port: PoolPort | null, private readonly opts: PooledOptions) {
    this.dag = opts.dag ?? compileDag(spec);
    this.n = this.dag.n;
    this.topoPos = new Int32Array(this.n);
    this.dag.topo.forEach((t, i) => { this.topoPos[t] = i; });
    this.draws = new TaskDraws(spec, opts.seed, opts.replication);
    this.pool = spec.tasks.map((t) => t.pool ?? null);
    if (!port && this.pool.some((p) => p !== null)) throw new Error('pipeline: tasks use pools but no pool owner was given');
    this.collector = new PipelineCollector(this.dag, this.pool.some((p) => p !== null));
    this.units = Int32Array.from(spec.tasks.map((t) => t.units));
    this.expected = Float64Array.from(spec.tasks.map((t) => Math.min(distMean(t.duration_s), t.timeout_s ?? Infinity)));
    sim.label(this.onRunStart, 'pipeline/run-start');
    sim.label(this.onFinal, 'pipeline/task-end');
    sim.label(this.onGateEnd, 'pipeline/gate');
    sim.label(this.onAttemptEnd, 'pipeline/attempt-end');
    sim.label(this.onRetry, 'pipeline/retry');
    sim.label(this.onSettle, 'pipeline/settle');
  }

  /** Schedules the first run start (at the current time). */
  start(): void {
    if (this.opts.runs > 0) this.sim.schedule(0, this.onRunStart);
  }

  /** Called with each run's record when the run ends (traces, tests); the record is not kept. */
  onRunEnd: ((rec: RunRecord) => void) | null = null;

  /** The traced runs (options.trace), in the order they ended. */
  readonly samples: PipelineSampleRun[] = [];

  figures(): PipelineReplication {
    return this.collector.figures(this.opts.runs);
  }

  // ---- events ----

  private readonly onRunStart = (): void => {
    const k = this.started++;
    if (this.started < this.opts.runs) this.sim.scheduleAt((k + 1) * this.opts.interval, this.onRunStart);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const run = new ActiveRun(slot, this.n);
    this.slots[slot] = run;
    run.rec.index = k;
    run.rec.t0 = this.sim.now;
    const draws = this.draws;
    const traced = k < (this.opts.trace ?? 0);
    if (traced) {
      run.tracePlans = [];
      run.marks = Array.from({ length: this.n }, () => []);
    }
    for (let t = 0; t < this.n; t++) {
      if (this.pool[t] !== null) {
        const plan = emptyPlan();
        draws.draw(t, plan);
        run.plans[t] = plan;
        run.tracePlans?.push(plan);
      } else if (traced) {
        // Drawing into a plan consumes the same numbers; the plan is kept for the segments.
        const plan = emptyPlan();
        draws.draw(t, plan);
        (run.tracePlans as AttemptPlan[]).push(plan);
        run.elapsed[t] = draws.elapsed;
        run.ok[t] = draws.ok ? 1 : 0;
        run.attempts[t] = draws.attempts;
      } else {
        draws.draw(t);
        run.elapsed[t] = draws.elapsed;
        run.ok[t] = draws.ok ? 1 : 0;
        run.attempts[t] = draws.attempts;
      }
    }
    const { predStart, rule } = this.dag;
    for (let t = 0; t < this.n; t++) {
      if (predStart[t] === predStart[t + 1] || rule[t] === ALWAYS) this.trigger(run, t, 0);
    }
  };

  private readonly onFinal = (payload: number): void => {
    const run = this.runOf(payload), t = payload % this.n;
    this.finish(run, t, run.ok[t] === 1 ? SUCCESS : FAILED);
  };

  private readonly onGateEnd = (payload: number): void => {
    const run = this.runOf(payload), t = payload % this.n;
    const plan = run.plans[t] as AttemptPlan;
    if (plan.rejected) this.finish(run, t, FAILED);
    else this.request(run, t);
  };

  private readonly onAttemptEnd = (payload: number): void => {
    const run = this.runOf(payload), t = payload % this.n;
    const plan = run.plans[t] as AttemptPlan;
    (this.port as PoolPort).release(run.ticket[t]!);
    const a = run.attempt[t]!;
    if (a === plan.times.length - 1) {
      this.finish(run, t, plan.ok ? SUCCESS : FAILED);
      return;
    }
    run.attempt[t] = a + 1;
    run.rel[t]! += plan.delays[a] as number;
    this.sim.scheduleAt(run.base[t]! + run.rel[t]!, this.onRetry, payload);
  };

  private readonly onRetry = (payload: number): void => {
    this.request(this.runOf(payload), payload % this.n);
  };

  /**
   * Withdraws every waiting pool request and makes it again, in the order they were made (the
   * wait still counts from the first request). The cluster model frees its jobs' units when it
   * stops at horizon_s without a scheduling pass; requesting again makes it decide, so tasks
   * waiting at the horizon get the freed units at once.
   */
  requeueWaiting(): void {
    const port = this.port;
    if (!port) return;
    const waiting: [ActiveRun, number][] = [];
    for (const run of this.slots) {
      if (!run) continue;
      for (let t = 0; t < this.n; t++) if (run.waiting[t] === 1) waiting.push([run, t]);
    }
    waiting.sort((a, b) => a[0].ticket[a[1]]! - b[0].ticket[b[1]]!);
    for (const [run, t] of waiting) {
      port.release(run.ticket[t]!);
      this.request(run, t, true);
    }
  }

  // ---- task life ----

  private runOf(payload: number): ActiveRun {
    return this.slots[Math.floor(payload / this.n)] as ActiveRun;
  }

  /** Task t's rule lets it run now (`early`: a one_* rule fired on a satisfying upstream). */
  private trigger(run: ActiveRun, t: number, early: number): void {
    const rec = run.rec;
    run.decided[t] = 1;
    rec.decision[t] = this.sim.now;
    rec.early[t] = early;
    rec.ran[t] = 1;
    const payload = run.slot * this.n + t;
    const plan = run.plans[t];
    if (!plan) {
      rec.attempts[t] = run.attempts[t]!;
      this.sim.scheduleAt(this.sim.now + run.elapsed[t]!, this.onFinal, payload);
      return;
    }
    rec.attempts[t] = plan.times.length;
    run.base[t] = this.sim.now;
    run.rel[t] = plan.gate;
    if (plan.gate > 0) this.sim.scheduleAt(this.sim.now + plan.gate, this.onGateEnd, payload);
    else this.onGateEnd(payload);
  }

  private request(run: ActiveRun, t: number, again = false): void {
    if (!again) {
      run.requested[t] = this.sim.now;
      run.marks?.[t]!.push(this.sim.now);
    }
    run.waiting[t] = 1;
    const payload = run.slot * this.n + t;
    run.ticket[t] = (this.port as PoolPort).hold(this.pool[t] as string, {
      units: this.units[t]!,
      expected_s: this.expected[t]!,
      onGranted: (g) => this.granted(run, t, g, payload),
    });
  }

  private granted(run: ActiveRun, t: number, g: number, payload: number): void {
    run.waiting[t] = 0;
    run.rec.poolWaits[t]!++;
    run.rec.poolWait[t]! += g - run.requested[t]!;
    const plan = run.plans[t] as AttemptPlan;
    if (g !== run.requested[t]) { run.base[t] = g; run.rel[t] = 0; }
    run.rel[t]! += plan.times[run.attempt[t]!] as number;
    run.marks?.[t]!.push(g, run.base[t]! + run.rel[t]!);
    this.sim.scheduleAt(run.base[t]! + run.rel[t]!, this.onAttemptEnd, payload);
  }

  /** Task t became final now in `state`; decides its downstreams, cascading, then maybe ends the run. */
  private finish(run: ActiveRun, t: number, state: number): void {
    this.pending.push(t, state);
    // A trigger inside the cascade can end a task at once (a zero-delay gate that rejects): it
    // joins the queue of the cascade in progress.
    if (this.cascading) return;
    this.cascade(run);
  }

  /** Makes the tasks in `pending` final now and decides their downstreams, cascading. */
  private cascade(run: ActiveRun): void {
    const pending = this.pending;
    this.cascading = true;
    const { succStart, succList, predStart, rule } = this.dag;
    const rec = run.rec;
    const now = this.sim.now;
    const settled = run.settled;
    for (let i = 0; i < pending.length; i += 2) {
      const v = pending[i] as number, st = pending[i + 1] as number;
      rec.state[v] = st;
      rec.finish[v] = now;
      run.decided[v] = 1;
      run.remaining--;
      for (let e = succStart[v]!; e < succStart[v + 1]!; e++) {
        const s = succList[e]!;
        if (run.decided[s] === 1) continue;
        const bit = 1 << st;
        run.mask[s]! |= bit;
        run.finals[s]!++;
        const r = rule[s]!;
        if ((SATISFYING[r]! & bit) !== 0) { this.trigger(run, s, 1); continue; }
        if (run.finals[s] !== predStart[s + 1]! - predStart[s]!) {
          if ((SETTLING[r]! & bit) !== 0 && !settled.includes(s)) settled.push(s);
          continue;
        }
        const outcome = OUTCOME[r * 32 + run.mask[s]!]!;
        if (outcome === RUN) { this.trigger(run, s, 0); continue; }
        this.end(run, s, outcome, 0);
      }
    }
    pending.length = 0;
    this.cascading = false;
    if (settled.length > 0 && !run.settleDue) {
      run.settleDue = true;
      this.sim.scheduleLate(0, this.onSettle, run.slot);
    }
    if (run.remaining === 0) {
      this.collector.addRun(rec);
      if (run.tracePlans) this.samples.push(this.traceOf(run));
      this.onRunEnd?.(rec);
      this.slots[run.slot] = null;
      this.freeSlots.push(run.slot);
    }
  }

  /**
   * Decides the first settled task (in topological order), then cascades; another settle event
   * follows while settled tasks remain. Some upstream of a settled task is still running (else it
   * was decided when the last one ended).
   */
  private readonly onSettle = (slot: number): void => {
    const run = this.slots[slot];
    if (!run) return;
    run.settleDue = false;
    const s = this.nextSettled(run);
    if (s < 0) return;
    this.end(run, s, EARLY_OUTCOME[this.dag.rule[s]! * 32 + run.mask[s]!]!, 2);
    this.cascade(run);
  };

  private traceOf(run: ActiveRun): PipelineSampleRun {
    const rec = run.rec, plans = run.tracePlans as AttemptPlan[], marks = run.marks as number[][];
    return runTrace(this.dag, rec, plans.map((plan, t) => {
      if (rec.ran[t] !== 1) return null;
      return this.pool[t] === null ? planSegments(plan, rec.decision[t]!, rec.t0) : pooledSegments(plan, rec.decision[t]!, rec.finish[t]!, marks[t]!, rec.t0);
    }));
  }

  /** Task s ends now without running (upstream_failed or skipped): it joins the cascade. */
  private end(run: ActiveRun, s: number, outcome: number, early: number): void {
    const rec = run.rec;
    run.decided[s] = 1;
    rec.decision[s] = this.sim.now;
    rec.early[s] = early;
    rec.ran[s] = 0;
    rec.attempts[s] = 0;
    this.pending.push(s, outcome);
  }

  /** Removes and returns the undecided task of `settled` first in topological order (−1: none). */
  private nextSettled(run: ActiveRun): number {
    const settled = run.settled, pos = this.topoPos;
    let best = -1, at = -1;
    for (let j = 0; j < settled.length; j++) {
      const s = settled[j]!;
      if (run.decided[s] === 1) continue;
      if (best < 0 || pos[s]! < pos[best]!) { best = s; at = j; }
    }
    if (best < 0) { settled.length = 0; return -1; }
    settled[at] = settled[settled.length - 1]!;
    settled.pop();
    return best;
  }
}
