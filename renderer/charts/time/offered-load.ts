// The offered load over time, for "throughput against offered load": the mean arrival rate over
// each bucket of a service's series. Diurnal and bursty arrivals vary in time — the same rate
// functions the engine thins with (simulation/serving/arrivals.ts; a unit test holds the two
// together) — while Poisson and trace arrivals give the result's constant `offered_rps`. Pure.

export type OfferedShape =
  | { kind: 'diurnal'; mean: number; peakToMean: number; periodS: number }
  | { kind: 'bursty'; base: number; burst: number; everyS: number; durationS: number };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * The shape of a time-varying arrival process, or null for a constant one (or anything that is
 * not a valid diurnal or bursty spec: the report passes the scenario's raw JSON).
 */
export function offeredShape(arrivals: unknown): OfferedShape | null {
  if (!isObject(arrivals)) return null;
  const a = arrivals;
  if (a.process === 'diurnal' && positive(a.mean_rps) && positive(a.peak_to_mean) && positive(a.period_s)) {
    return { kind: 'diurnal', mean: a.mean_rps, peakToMean: a.peak_to_mean, periodS: a.period_s };
  }
  if (a.process === 'bursty' && positive(a.rate_rps) && positive(a.burst_rate_rps) && positive(a.burst_every_s) && positive(a.burst_duration_s)) {
    return { kind: 'bursty', base: a.rate_rps, burst: a.burst_rate_rps, everyS: a.burst_every_s, durationS: a.burst_duration_s };
  }
  return null;
}

/** Seconds of burst in [0, t]: bursts start at k·every for k ≥ 1 and last min(duration, every). */
function burstTime(t: number, everyS: number, durationS: number): number {
  if (t < everyS) return 0;
  const k = Math.floor(t / everyS);
  const d = Math.min(durationS, everyS);
  return (k - 1) * d + Math.min(d, t - k * everyS);
}

/** Mean offered rate (requests/s) over [a, b); the rate at a when b ≤ a. */
export function offeredRateOver(shape: OfferedShape, a: number, b: number): number {
  const w = b - a;
  if (shape.kind === 'diurnal') {
    const omega = (2 * Math.PI) / shape.periodS;
    // rate(t) = mean · (1 − (p − 1) · cos ωt), averaged over [a, b).
    const cosMean = w > 0 ? (Math.sin(omega * b) - Math.sin(omega * a)) / (omega * w) : Math.cos(omega * a);
    return shape.mean * (1 - (shape.peakToMean - 1) * cosMean);
  }
  const share = w > 0
    ? (burstTime(b, shape.everyS, shape.durationS) - burstTime(a, shape.everyS, shape.durationS)) / w
    : a >= shape.everyS && a % shape.everyS < shape.durationS ? 1 : 0;
  return shape.base + (shape.burst - shape.base) * share;
}

/** The offered rate of each of n buckets of bucketS over [0, endS): the shape's mean, or the constant. */
export function offeredPerBucket(shape: OfferedShape | null, constant: number, n: number, bucketS: number, endS: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = k * bucketS;
    const full = a + bucketS;
    out[k] = shape ? offeredRateOver(shape, a, k === n - 1 && endS > a && endS < full ? endS : full) : constant;
  }
  return out;
}
