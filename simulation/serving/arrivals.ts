// Request arrival processes as generators of successive arrival times (ms). Diurnal and bursty
// are non-homogeneous Poisson processes, drawn by thinning (Lewis & Shedler): candidates at the
// peak rate, each kept with probability rate(t) / peak.
import type { ArrivalSpec } from '../scenario/schema';
import type { Rng } from '../random/rng';
import { replayedTimes } from './trace-replay';

/** Returns the next arrival time in ms on each call (Infinity when a trace is exhausted). */
export type ArrivalClock = () => number;

/** What a trace's `replay` other than "same" needs: the replication, its own stream, the horizon. */
export interface ReplayContext {
  replication: number;
  rng: Rng;
  horizonMs: number;
}

export function arrivalClock(spec: ArrivalSpec, rng: Rng, trace?: ArrayLike<number>, replay?: ReplayContext): ArrivalClock {
  switch (spec.process) {
    case 'poisson': {
      const meanGapMs = 1000 / spec.rate_rps;
      // The clock lives in a typed array: a captured `let` double would be re-boxed per write.
      const t = new Float64Array(1);
      return () => (t[0] = (t[0] as number) - meanGapMs * Math.log(1 - rng.next()));
    }
    case 'diurnal': {
      const { mean_rps: mean, peak_to_mean: p, period_s: period } = spec;
      const omega = (2 * Math.PI) / (period * 1000);
      return thinned(mean * p, (tMs) => mean * (1 - (p - 1) * Math.cos(omega * tMs)), rng);
    }
    case 'bursty': {
      const every = spec.burst_every_s * 1000, dur = spec.burst_duration_s * 1000;
      const base = spec.rate_rps, burst = spec.burst_rate_rps;
      return thinned(Math.max(base, burst), (tMs) => (tMs >= every && tMs % every < dur ? burst : base), rng);
    }
    case 'trace': {
      if (!trace) throw new Error('arrival trace data was not provided by the host (HostInputs.traces)');
      const scaleMs = 1000 / spec.scale;
      if (spec.replay !== undefined && spec.replay !== 'same') {
        if (!replay) throw new Error('a trace replay other than "same" needs the replication and its stream');
        const next = replayedTimes(trace, spec.replay, replay.replication, replay.rng, replay.horizonMs / scaleMs);
        return () => next() * scaleMs;
      }
      // "same": every replication replays the whole trace from its start. An index and the last
      // time, in a typed array (see poisson); never earlier than the last arrival, so an unsorted
      // trace cannot move the clock backwards.
      const state = new Float64Array(2);
      return () => {
        const i = state[0] as number;
        if (i >= trace.length) return Infinity;
        state[0] = i + 1;
        return (state[1] = Math.max(state[1] as number, (trace[i] as number) * scaleMs));
      };
    }
  }
}

function thinned(peakRps: number, rateAt: (tMs: number) => number, rng: Rng): ArrivalClock {
  const meanGapMs = 1000 / peakRps;
  const clock = new Float64Array(1);
  return () => {
    let t = clock[0] as number;
    for (;;) {
      t -= meanGapMs * Math.log(1 - rng.next());
      if (rng.next() * peakRps <= rateAt(t)) break;
    }
    return (clock[0] = t);
  };
}

/** Long-run rate of a trace: requests ÷ span × scale (null when it cannot be computed). */
export function traceRate(times: ArrayLike<number> | undefined, scale: number): number | null {
  if (!times || times.length < 2) return null;
  const span = (times[times.length - 1] as number) - (times[0] as number);
  const rate = (times.length / span) * scale;
  return span > 0 && Number.isFinite(rate) ? rate : null;
}
