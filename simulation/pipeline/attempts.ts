// What happens to a task once its trigger rule lets it run: the governance gate, then attempts
// until one succeeds or the retries are spent. Everything is drawn at once, on the task's own
// random streams (one per concern, named after the task id), so a task's draws never depend on
// other tasks or on the order in which a model visits them: the direct evaluator and the
// event-driven one consume identical numbers.
//
//   gate       `true`: passes at once. `{approval_delay_s, rejection_probability}`: the delay is
//              drawn, then the rejection; a rejected task fails at the end of the delay, with no
//              attempt and no retry.
//   attempt    lasts its drawn duration; it fails with failure_probability (one draw per attempt,
//              also when a timeout decides, so the streams stay aligned). An attempt whose
//              duration exceeds timeout_s fails at timeout_s; one ending exactly at timeout_s
//              succeeds (it is no longer running at that age).
//   retry      after failed attempt n (n ≤ retries) the task waits a drawn retry_delay_s d, times
//              2^(n−1) with retry_exponential_backoff, then capped by max_retry_delay_s (the cap
//              applies to the backoff only, as in Airflow). With `backoff: "airflow"` the wait is
//              Airflow 2's (TaskInstance.next_retry_datetime): m = max(1, ⌈d·2^(n−1)⌉) whole
//              seconds, plus a uniform whole number of seconds in [0, m) — Airflow takes it from a
//              hash of the task instance, Headroom from the task's own `backoff` stream — then
//              capped at 24 h and by max_retry_delay_s.
import { deriveStream, type Rng } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { PipelineSpec } from '../scenario/schema';

/** The drawn course of one task, for models that need the individual attempts (pools). */
export interface AttemptPlan {
  /** Approval delay of the gate (0 without one). */
  gate: number;
  rejected: boolean;
  /** Attempt lengths (already cut at timeout_s). */
  times: number[];
  /** Waits before retry 1, 2, …: one per retry taken (attempts − 1). */
  delays: number[];
  ok: boolean;
}

const GATE_NONE = 0, GATE_PASS = 1, GATE_DRAWN = 2;
const BACKOFF_NONE = 0, BACKOFF_EXACT = 1, BACKOFF_AIRFLOW = 2;
/** Airflow's MAX_RETRY_DELAY: 24 h, whatever max_retry_delay_s says. */
const AIRFLOW_MAX_RETRY_DELAY_S = 24 * 60 * 60;

export class TaskDraws {
  /** Results of the last `draw`: time from trigger to final, outcome, attempts made. */
  elapsed = 0;
  ok = false;
  attempts = 0;

  private readonly duration: Sampler[];
  private readonly delay: (Sampler | null)[];
  private readonly failRng: (Rng | null)[];
  private readonly p: Float64Array;
  private readonly retries: Int32Array;
  private readonly timeout: Float64Array;
  private readonly backoff: Uint8Array;
  private readonly jitterRng: (Rng | null)[];
  private readonly cap: Float64Array;
  private readonly gateKind: Uint8Array;
  private readonly gateDelay: (Sampler | null)[];
  private readonly gateRng: (Rng | null)[];
  private readonly reject: Float64Array;

  constructor(spec: Pick<PipelineSpec, 'tasks'>, seed: number, replication: number) {
    const tasks = spec.tasks;
    const stream = (id: string, concern: string) => deriveStream(seed, replication, `pipeline/${id}/${concern}`);
    this.duration = tasks.map((t) => compileDist(t.duration_s, stream(t.id, 'duration')));
    this.delay = tasks.map((t) => (t.retries > 0 ? compileDist(t.retry_delay_s, stream(t.id, 'retry_delay')) : null));
    this.failRng = tasks.map((t) => (t.failure_probability > 0 && t.failure_probability < 1 ? stream(t.id, 'failure') : null));
    this.p = Float64Array.from(tasks.map((t) => t.failure_probability));
    this.retries = Int32Array.from(tasks.map((t) => t.retries));
    this.timeout = Float64Array.from(tasks.map((t) => t.timeout_s ?? Infinity));
    this.backoff = Uint8Array.from(tasks.map((t) => (!t.retry_exponential_backoff ? BACKOFF_NONE : t.backoff === 'airflow' ? BACKOFF_AIRFLOW : BACKOFF_EXACT)));
    this.jitterRng = tasks.map((t) => (t.retries > 0 && t.retry_exponential_backoff && t.backoff === 'airflow' ? stream(t.id, 'backoff') : null));
    this.cap = Float64Array.from(tasks.map((t) => (t.retry_exponential_backoff ? (t.max_retry_delay_s ?? Infinity) : Infinity)));
    this.gateKind = Uint8Array.from(tasks.map((t) => (t.gate === false ? GATE_NONE : t.gate === true ? GATE_PASS : GATE_DRAWN)));
    const gateRngs = tasks.map((t) => (typeof t.gate === 'object' ? stream(t.id, 'gate') : null));
    this.gateRng = gateRngs;
    this.gateDelay = tasks.map((t, i) => (typeof t.gate === 'object' ? compileDist(t.gate.approval_delay_s, gateRngs[i] as Rng) : null));
    this.reject = Float64Array.from(tasks.map((t) => (typeof t.gate === 'object' ? t.gate.rejection_probability : 0)));
  }

  /** Draws task `t`'s gate and attempts; sets elapsed / ok / attempts, and fills `plan` when given. */
  draw(t: number, plan?: AttemptPlan): void {
    let elapsed = 0;
    if (this.gateKind[t] === GATE_DRAWN) {
      const g = (this.gateDelay[t] as Sampler)();
      const r = this.reject[t]!;
      const rejected = r >= 1 || (r > 0 && (this.gateRng[t] as Rng).next() < r);
      if (plan) { plan.gate = g; plan.rejected = rejected; }
      if (rejected) {
        this.elapsed = g;
        this.ok = false;
        this.attempts = 0;
        if (plan) plan.ok = false;
        return;
      }
      elapsed = g;
    }
    const dur = this.duration[t] as Sampler;
    const p = this.p[t]!, rng = this.failRng[t] ?? null;
    const timeout = this.timeout[t]!;
    const retries = this.retries[t]!;
    let ok = false, a = 0;
    for (;;) {
      let d = dur();
      let failed = p >= 1 || (rng !== null && rng.next() < p);
      if (d > timeout) { d = timeout; failed = true; }
      elapsed += d;
      a++;
      if (plan) plan.times.push(d);
      if (!failed) { ok = true; break; }
      if (a > retries) break;
      let wait = (this.delay[t] as Sampler)();
      const backoff = this.backoff[t]!;
      if (backoff !== BACKOFF_NONE) {
        wait *= 2 ** (a - 1);
        if (backoff === BACKOFF_AIRFLOW) wait = airflowBackoff(wait, this.jitterRng[t] as Rng);
        const cap = this.cap[t]!;
        if (wait > cap) wait = cap;
      }
      elapsed += wait;
      if (plan) plan.delays.push(wait);
    }
    this.elapsed = elapsed;
    this.ok = ok;
    this.attempts = a;
    if (plan) plan.ok = ok;
  }
}

/** Airflow 2's jittered backoff for a base wait `base` = d·2^(n−1): m + U{0, …, m−1} s, m = max(1, ⌈base⌉), at most 24 h. */
export function airflowBackoff(base: number, rng: Rng): number {
  const m = Math.max(1, Math.ceil(base));
  return Math.min(m + Math.floor(rng.next() * m), AIRFLOW_MAX_RETRY_DELAY_S);
}

export function emptyPlan(): AttemptPlan {
  return { gate: 0, rejected: false, times: [], delays: [], ok: false };
}
