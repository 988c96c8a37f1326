// How each replication draws its arrivals from a trace (scenario `arrivals.replay`,
// docs/scenario-format.md). "same" (the default, in ./arrivals.ts) replays the whole trace from
// its start in every replication, so replications differ only by service-time noise and their
// CIs say nothing about the traffic. The two alternatives give each replication its own sample:
//
// - block_bootstrap (moving blocks, Künsch 1989): the arrival sequence is blocks of `block_s`
//   trace seconds laid end to end; block k starts at k·block_s and replays the trace's requests
//   in [u, u + block_s), u uniform on [first, last − block_s] from the replication's own stream,
//   so gaps and bursts inside a block are the trace's own. Blocks are drawn until the horizon.
// - shifted_windows: replication r replays the trace from r·shift_s on (shifted so that instant
//   is t = 0). A window that would run off the end of the trace is refused before the run
//   (traceReplayIssues), so every replication sees a full, real window of traffic.
//
// Times here are the trace's own seconds, before `scale` (the caller converts to ms).
import type { Rng } from '../random/rng';
import type { ValidationIssue } from '../scenario/rules';
import type { ArrivalSpec, Scenario } from '../scenario/schema';
import type { HostInputs } from '../run/types';

type TraceArrivals = Extract<ArrivalSpec, { process: 'trace' }>;
export type TraceReplay = NonNullable<TraceArrivals['replay']>;
export type TraceReplayMethod = 'same' | TraceReplayObject['method'];
type TraceReplayObject = Exclude<TraceReplay, string>;

/** The replay method of a trace arrival spec ("same" when absent); null for other processes. */
export function traceReplayMethod(a: ArrivalSpec): TraceReplayMethod | null {
  if (a.process !== 'trace') return null;
  return a.replay === undefined || a.replay === 'same' ? 'same' : a.replay.method;
}

/** Last − first request time, in trace seconds (0 for fewer than two requests). */
export function traceSpanS(times: ArrayLike<number>): number {
  return times.length < 2 ? 0 : (times[times.length - 1] as number) - (times[0] as number);
}

/** The start of a bootstrap block: uniform on [first, first + span − block]. */
export function blockStart(rng: Rng, first: number, spanS: number, blockS: number): number {
  return first + rng.next() * (spanS - blockS);
}

/** Index of the first time ≥ x in ascending `times`. */
function lowerBound(times: ArrayLike<number>, x: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The times ascending: as given when they are (the loader sorts them), else a sorted copy. */
function ascending(times: ArrayLike<number>): ArrayLike<number> {
  for (let i = 1; i < times.length; i++) {
    if ((times[i] as number) < (times[i - 1] as number)) return Float64Array.from(times as ArrayLike<number>).sort();
  }
  return times;
}

/**
 * Successive arrival times (trace seconds from the replication's start) of one replication,
 * Infinity when there are no more. `untilS`: no block is started at or after it (a horizon in
 * trace seconds), so a trace whose blocks can come up empty still ends. `row`, when given,
 * receives the trace index of each time returned (an LLM service reads its token columns there).
 */
export function replayedTimes(trace: ArrayLike<number>, replay: TraceReplayObject, replication: number, rng: Rng, untilS: number, row?: Float64Array): () => number {
  const times = ascending(trace);
  const n = times.length;
  const first = n > 0 ? (times[0] as number) : 0;
  const span = traceSpanS(times);
  if (replay.method === 'shifted_windows') {
    const origin = first + replication * replay.shift_s;
    let i = lowerBound(times, origin);
    return () => {
      if (i >= n) return Infinity;
      if (row) row[0] = i;
      return (times[i++] as number) - origin;
    };
  }
  const b = replay.block_s;
  if (!(b <= span)) throw new Error(`replay.block_s (${b} s) exceeds the trace's span (${span} s)`);
  // Block index, its start in the trace, the next index to replay, and the last time returned
  // (never earlier: k·b + (t − u) may round one ulp past the next block's first time).
  let k = -1, u = 0, end = -Infinity, i = n, last = 0;
  return () => {
    for (;;) {
      if (i < n && (times[i] as number) < end) {
        if (row) row[0] = i;
        const t = k * b + ((times[i++] as number) - u);
        return (last = t > last ? t : last);
      }
      k++;
      if (k * b >= untilS) return Infinity;
      u = blockStart(rng, first, span, b);
      end = u + b;
      i = lowerBound(times, u);
    }
  };
}

const secondsText = (x: number) => `${+x.toPrecision(6)} s`;

/**
 * Replays the trace cannot give, with the trace read: a block longer than the trace, or a
 * shifted window (horizon_s × scale trace seconds) that would run off its end.
 */
export function traceReplayIssues(s: Scenario, inputs: HostInputs = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  s.serving?.services.forEach((svc, i) => {
    const a = svc.arrivals;
    const times = inputs.traces?.[svc.id];
    if (a.process !== 'trace' || a.replay === undefined || a.replay === 'same' || !times) return;
    const at = `serving.services[${i}].arrivals.replay`;
    const span = traceSpanS(ascending(times));
    if (a.replay.method === 'block_bootstrap') {
      if (a.replay.block_s > span) {
        issues.push({ path: `${at}.block_s`, message: `must be at most the trace's span (${secondsText(span)} from first to last request, got ${secondsText(a.replay.block_s)})` });
      }
      return;
    }
    const window = s.horizon_s * a.scale;
    const shift = a.replay.shift_s;
    const lastStart = (s.replications - 1) * shift;
    if (window > span) {
      issues.push({ path: `${at}.shift_s`, message: `each replication needs horizon_s × scale = ${secondsText(window)} of trace, more than its span (${secondsText(span)}): shorten horizon_s, or use block_bootstrap` });
    } else if (lastStart + window > span) {
      const most = s.replications > 1 ? (span - window) / (s.replications - 1) : Infinity;
      issues.push({
        path: `${at}.shift_s`,
        message: `replication ${s.replications - 1} would start ${secondsText(lastStart)} into the trace and needs ${secondsText(window)} (horizon_s × scale), past its span (${secondsText(span)}): with ${s.replications} replications, shift_s may be at most ${secondsText(most)}`,
      });
    }
  });
  return issues;
}
