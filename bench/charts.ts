// Time-chart benchmarks (issue 15), run by bench/run.ts. Medians of 7 runs; target < 200 ms.
//   1. Three series of 1,000,000 points each (a mean with its CI band): LTTB to 2,000 points,
//      then the SVG path strings of the line and the band — the pure work a chart does.
//   2. The serving "Over time" model (renderer/charts/time/serving-time.ts) fed a series of
//      1,000,000 buckets: seven MaybeStat series and two count series to five panels of paths,
//      after the columns are prepared (once per result, as the store does; timed apart).
import { lttbIndices, take } from '../renderer/charts/time/lttb';
import { prepareServiceSeries } from '../renderer/charts/time/series-columns';
import { servingTimeModel, type ServiceSeries } from '../renderer/charts/time/serving-time';
import { bandPath, linePath, timeAxis } from '../renderer/charts/time/time-series';
import { median } from './util';

const RUNS = 7;
const N = 1_000_000;
const POINTS = 2_000;

/** Deterministic data: a random walk, a two-frequency wave and noise with rare spikes. */
function data(kind: number): { x: Float64Array; mean: Float64Array; lo: Float64Array; hi: Float64Array } {
  const x = new Float64Array(N), mean = new Float64Array(N), lo = new Float64Array(N), hi = new Float64Array(N);
  let s = 12345 + kind, walk = 100;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < N; i++) {
    x[i] = i * 0.5;
    const v = kind === 0 ? (walk += rnd() - 0.5) : kind === 1 ? 300 * Math.sin(i / 4e4) + 80 * Math.sin(i / 3e3) : rnd() * 10 + (i % 99_991 === 0 ? 500 : 0);
    mean[i] = v;
    lo[i] = v - 5 - rnd();
    hi[i] = v + 5 + rnd();
  }
  return { x, mean, lo, hi };
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export function benchCharts(): void {
  const series = [0, 1, 2].map(data);
  const axis = timeAxis(N * 0.5, 46, 1246);
  let chars = 0;
  const draw = () => {
    chars = 0;
    for (const s of series) {
      const idx = lttbIndices(s.x, s.mean, POINTS);
      const x = take(s.x, idx), mean = take(s.mean, idx), lo = take(s.lo, idx), hi = take(s.hi, idx);
      let min = Infinity, max = -Infinity;
      for (let i = 0; i < lo.length; i++) {
        min = Math.min(min, lo[i]!);
        max = Math.max(max, hi[i]!);
      }
      const y = (v: number) => 300 - ((v - min) / (max - min || 1)) * 280;
      chars += linePath(x, mean, axis.x, y).length + bandPath(x, lo, hi, axis.x, y).length;
    }
  };
  draw(); // warm-up (JIT)
  const ms = median(Array.from({ length: RUNS }, () => time(draw)));
  console.log(`1. 3 series × ${N.toLocaleString('en-US')} points → LTTB to ${POINTS.toLocaleString('en-US')} → line + band paths (${chars.toLocaleString('en-US')} characters): median ${ms.toFixed(1)} ms (${RUNS} runs; target < 200 ms)`);

  const stats = (k: number) => series[k % 3]!.mean.reduce<{ mean: number; ci95: [number, number] }[]>((acc, v, i) => {
    acc.push({ mean: Math.abs(v), ci95: [Math.abs(series[k % 3]!.lo[i]!), Math.abs(series[k % 3]!.hi[i]!)] });
    return acc;
  }, []);
  // Seven distinct arrays (the columns are kept per array: shared arrays would flatter the figure).
  const [q, busy, tput, p50, p95, p99] = [0, 1, 2, 3, 4, 5].map(stats);
  // Replicas step as autoscaling moves them: ten changes over the run.
  const replicas = Array.from({ length: N }, (_, i) => {
    const v = 4 + Math.floor(i / 100_000);
    return { mean: v, ci95: [v, v] as [number, number] };
  });
  const counts = Array.from(series[2]!.mean, (v) => (v > 100 ? 3 : 0));
  const svc: ServiceSeries = {
    bucket_s: 0.5, latency_p50_ms: p50!, latency_p95_ms: p95!, latency_p99_ms: p99!, throughput_rps: tput!, queue_length: q!, busy_slots: busy!, replicas, rejected: counts, timed_out: counts,
  };
  const input = { series: svc, horizonS: N * 0.5, warmupS: 60, replications: 5, offeredRps: 1200, budgetMs: 200 };
  const layout = { width: 1246, plotHeight: 96, margin: { left: 46, right: 12, top: 18, bottom: 20 } };
  // Once per result, as it arrives (the store does this): the objects read into columns.
  const prepareMs = time(() => prepareServiceSeries(svc));
  const model = () => servingTimeModel(input, layout);
  model();
  const ms2 = median(Array.from({ length: RUNS }, () => time(model)));
  console.log(`2. serving "Over time" model, ${N.toLocaleString('en-US')} buckets × 7 series + 2 counts → 5 panels: median ${ms2.toFixed(1)} ms (${RUNS} runs; target < 200 ms); preparing the columns once per result: ${prepareMs.toFixed(0)} ms`);
}
