// One run of a pipeline without pool contention, evaluated directly in topological order (no
// event heap). A task's trigger moment depends only on its upstreams' final states and times:
//   - no upstream, or `always`: the run start;
//   - one_success / one_failed / one_done with a satisfying upstream: the earliest time such an
//     upstream became final (the rule fires then, whatever the others do later);
//   - a rule whose negative outcome an upstream settles (trigger.ts: SETTLING) ends at the
//     earliest time such an upstream became final, judged on the upstreams final by then (ties
//     at that instant are judged together, as Airflow's scheduler sees them in one pass);
//   - otherwise: when the last upstream became final, where the decision table applies.
// A task that runs ends `elapsed` after its trigger (gate, attempts and retry waits, drawn by
// TaskDraws); one that does not ends upstream_failed or skipped at its trigger moment. This is
// exactly what the event-driven model (pooled.ts) computes when no task waits for units;
// test/unit/pipeline checks the two against each other.
import { ALWAYS, type Dag } from './dag';
import { EARLY_OUTCOME, OUTCOME, RUN, SATISFYING, SETTLING } from './trigger';
import { FAILED, SUCCESS } from './types';

/** The outcome of one run, per task (arrays reused from run to run). */
export class RunRecord {
  /** Run index within the replication, and its start (absolute simulated time). */
  index = 0;
  t0 = 0;
  readonly state: Uint8Array;
  /** When the task became final. */
  readonly finish: Float64Array;
  /** Its trigger moment (when its rule decided, or the run start). */
  readonly decision: Float64Array;
  /**
   * 1 when an early-firing rule (one_*) fired on a satisfying upstream; 2 when an upstream
   * settled the rule's negative outcome before the last upstream became final; 0 otherwise.
   */
  readonly early: Uint8Array;
  /** Attempts made (0 when the task did not run, or its gate rejected it). */
  readonly attempts: Int32Array;
  readonly ran: Uint8Array;
  /** Pool tasks: attempts that waited for units and the total wait (pooled model only). */
  readonly poolWaits: Int32Array;
  readonly poolWait: Float64Array;

  constructor(readonly n: number) {
    this.state = new Uint8Array(n);
    this.finish = new Float64Array(n);
    this.decision = new Float64Array(n);
    this.early = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.ran = new Uint8Array(n);
    this.poolWaits = new Int32Array(n);
    this.poolWait = new Float64Array(n);
  }
}

/**
 * Evaluates one run starting at `rec.t0`. `elapsed[t]`, `ok[t]` and `attempts[t]` are what task
 * t does if it runs (trigger to final, success, attempts made). With `from` > 0 only the tasks at
 * topological positions ≥ from are evaluated (the others keep their values in `rec`). The decision table is looked up
 * by the set of upstream states (trigger.ts: OUTCOME, EARLY_OUTCOME, SATISFYING, SETTLING); module constants are copied
 * into locals because imported bindings cost a property read each in some module systems.
 */
export function evaluateRun(dag: Dag, elapsed: Float64Array, ok: Uint8Array, attempts: Int32Array, rec: RunRecord, from = 0): void {
  const { topo, predStart, predList, rule: rules, n } = dag;
  const { state, finish, decision, early, ran } = rec;
  const made = rec.attempts;
  const table = OUTCOME, partial = EARLY_OUTCOME, sat = SATISFYING, settling = SETTLING;
  const always = ALWAYS, run = RUN, succeeded = SUCCESS, failed = FAILED;
  const t0 = rec.t0;
  for (let i = from; i < n; i++) {
    const t = topo[i]!;
    const ps = predStart[t]!, pe = predStart[t + 1]!;
    const rule = rules[t]!;
    let at = t0, outcome = run, fired = 0;
    if (ps !== pe && rule !== always) {
      const eager = sat[rule]!, settle = settling[rule]!;
      let mask = 0, last = -Infinity, first = Infinity, neg = Infinity;
      for (let e = ps; e < pe; e++) {
        const q = predList[e]!;
        const bit = 1 << state[q]!, fq = finish[q]!;
        mask |= bit;
        if (fq > last) last = fq;
        if ((eager & bit) !== 0) { if (fq < first) first = fq; }
        else if ((settle & bit) !== 0 && fq < neg) neg = fq;
      }
      if (first !== Infinity) { at = first; fired = 1; }
      else if (neg < last) {
        let seen = 0;
        for (let e = ps; e < pe; e++) {
          const q = predList[e]!;
          if (finish[q]! <= neg) seen |= 1 << state[q]!;
        }
        at = neg; outcome = partial[rule * 32 + seen]!; fired = 2;
      } else { at = last; outcome = table[rule * 32 + mask]!; }
    }
    decision[t] = at;
    early[t] = fired;
    if (outcome === run) {
      finish[t] = at + elapsed[t]!;
      state[t] = ok[t] === 1 ? succeeded : failed;
      made[t] = attempts[t]!;
      ran[t] = 1;
    } else {
      finish[t] = at;
      state[t] = outcome;
      made[t] = 0;
      ran[t] = 0;
    }
  }
}
