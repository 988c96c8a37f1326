// A trace's arrival rate over time, for the serving form's preview (traceRate in the method
// table): the request times, as the loader hands them to the engine (seconds in the trace's own
// clock), counted in equal buckets over the span. `scale` is applied as the engine applies it
// (scenario-format.md: it divides every gap, so it multiplies the rate and shortens the span),
// and the mean is the engine's trace rate, requests ÷ span × scale. The API's bound on the
// buckets is MAX_TRACE_RATE_BUCKETS (electron/common/api-records.ts). Pure.

/** Requests per bucket on average at the least, so that a short trace is not drawn as noise. */
const MIN_PER_BUCKET = 5;

export interface TraceRate {
  /** Each bucket's length in seconds after `scale` (0 when there is no span). */
  bucketS: number;
  /** Requests per second in each bucket, from the first request to the last (the last request counts in the last bucket). */
  rates: number[];
  /** Requests in the trace. */
  count: number;
  /** From the first request to the last, in seconds after `scale`. */
  durationS: number;
  /** count ÷ durationS: the engine's long-run rate of the trace (0 without a span). */
  meanRps: number;
  /** The largest bucket's rate. */
  peakRps: number;
}

/**
 * The rate of requests at `times` (any order; seconds) in at most `maxBuckets` equal buckets,
 * fewer for a short trace (at least MIN_PER_BUCKET requests a bucket on average). An empty
 * trace, or one whose requests all share one time, has no buckets and rates of 0.
 */
export function traceRateSeries(times: ArrayLike<number>, scale: number, maxBuckets: number): TraceRate {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a finite number > 0 (got ${scale})`);
  if (!(maxBuckets >= 1)) throw new RangeError(`maxBuckets must be at least 1 (got ${maxBuckets})`);
  const count = times.length;
  let first = Infinity, last = -Infinity;
  for (let k = 0; k < count; k++) {
    const t = times[k] as number;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const span = last - first;
  if (count === 0 || !(span > 0) || !Number.isFinite(span)) {
    return { bucketS: 0, rates: [], count, durationS: 0, meanRps: 0, peakRps: 0 };
  }
  const n = Math.max(1, Math.min(Math.floor(maxBuckets), Math.floor(count / MIN_PER_BUCKET)));
  const counts = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    const at = Math.min(n - 1, Math.floor((((times[k] as number) - first) / span) * n));
    counts[at] = (counts[at] as number) + 1;
  }
  const durationS = span / scale;
  const bucketS = durationS / n;
  const rates = Array.from(counts, (c) => c / bucketS);
  return { bucketS, rates, count, durationS, meanRps: count / durationS, peakRps: Math.max(...rates) };
}
