// Arrivals of an LLM service: the same processes as any service (../arrivals.ts), plus, when a
// token length is a trace column, the trace row of each arrival so its lengths can be read.
import type { Rng } from '../../random/rng';
import type { ArrivalSpec } from '../../scenario/schema';
import { arrivalClock, type ArrivalClock, type ReplayContext } from '../arrivals';
import { replayedTimes } from '../trace-replay';

export interface LlmArrivals {
  next: ArrivalClock;
  /** row[0]: the trace row of the arrival `next` returned last (−1 when rows are not tracked). */
  row: Float64Array;
}

export function llmArrivals(spec: ArrivalSpec, rng: Rng, trace: ArrayLike<number> | undefined, replay: ReplayContext | undefined, rows: boolean): LlmArrivals {
  const row = new Float64Array(1).fill(-1);
  if (!rows || spec.process !== 'trace') return { next: arrivalClock(spec, rng, trace, replay), row };
  if (!trace) throw new Error('arrival trace data was not provided by the host (HostInputs.traces)');
  const scaleMs = 1000 / spec.scale;
  if (spec.replay !== undefined && spec.replay !== 'same') {
    if (!replay) throw new Error('a trace replay other than "same" needs the replication and its stream');
    const next = replayedTimes(trace, spec.replay, replay.replication, replay.rng, replay.horizonMs / scaleMs, row);
    return { next: () => next() * scaleMs, row };
  }
  // "same", as ../arrivals.ts replays it (never earlier than the last arrival), keeping the row.
  let i = 0, last = 0;
  return {
    next: () => {
      if (i >= trace.length) return Infinity;
      row[0] = i;
      last = Math.max(last, (trace[i++] as number) * scaleMs);
      return last;
    },
    row,
  };
}
