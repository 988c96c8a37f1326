// The pure parts of the run's time charts (renderer/charts/time): the shared time axis and the
// cursor, series with gaps as typed arrays and paths, the offered load over time (held to the
// engine's own arrival processes), and the serving model's panels, markers, summaries and readout.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PoolSeriesFigure } from '../../../../renderer/charts/cluster/PoolSeriesFigure';
import { ServingTimeFigure } from '../../../../renderer/charts/time/ServingTimeFigure';
import { offeredPerBucket, offeredRateOver, offeredShape } from '../../../../renderer/charts/time/offered-load';
import { servingReadout, servingTimeModel, type ServiceSeries, type ServingTimeInput } from '../../../../renderer/charts/time/serving-time';
import { bandPath, bucketIndexAt, cursorX, downsample, instantText, linePath, statSeries, timeAxis } from '../../../../renderer/charts/time/time-series';
import type { ServiceSpec } from '../../../../simulation';
import type { MaybeStat } from '../../../../simulation/result/types';
import { deriveStream } from '../../../../simulation/random/rng';
import { arrivalClock } from '../../../../simulation/serving/arrivals';

const stat = (mean: number, half = mean * 0.1): MaybeStat => ({ mean, ci95: [mean - half, mean + half] });

describe('time axis and cursor', () => {
  const axis = timeAxis(600, 40, 640);
  it('maps [0, horizon] onto the plot, with ticks in one unit inside it', () => {
    expect(axis.x(0)).toBe(40);
    expect(axis.x(600)).toBe(640);
    expect(axis.x(300)).toBe(340);
    expect(axis.unit.unit).toBe('min');
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of axis.ticks) {
      expect(t.x).toBeGreaterThanOrEqual(40);
      expect(t.x).toBeLessThanOrEqual(640);
    }
    expect(axis.ticks.map((t) => t.label)).toContain('10');
  });
  it('draws the cursor at its time, and none when there is none or it is outside the run', () => {
    expect(cursorX(axis, 150)).toBe(190);
    expect(cursorX(axis, 0)).toBe(40);
    expect(cursorX(axis, null)).toBeNull();
    expect(cursorX(axis, undefined)).toBeNull();
    expect(cursorX(axis, -1)).toBeNull();
    expect(cursorX(axis, 601)).toBeNull();
    expect(cursorX(axis, NaN)).toBeNull();
  });
  it('says an instant to the second below two hours', () => {
    expect([instantText(80), instantText(200), instantText(600), instantText(7200), instantText(7260), instantText(NaN)]).toEqual(['80 s', '3 min 20 s', '10 min', '2 h', '2 h 01 min', '—']);
  });
  it('finds the bucket holding an instant', () => {
    expect(bucketIndexAt(0, 10, 60)).toBe(0);
    expect(bucketIndexAt(80, 10, 60)).toBe(8);
    expect(bucketIndexAt(79.99, 10, 60)).toBe(7);
    expect(bucketIndexAt(600, 10, 60)).toBe(59);
    expect(bucketIndexAt(-1, 10, 60)).toBeNull();
    expect(bucketIndexAt(5, 10, 0)).toBeNull();
  });
});

describe('series and paths', () => {
  it('puts each bucket at its middle (the last, shorter bucket at its own), nulls as NaN', () => {
    const s = statSeries([stat(1), null, stat(3)], 10, 25);
    expect(Array.from(s.x)).toEqual([5, 15, 22.5]);
    expect(Number.isNaN(s.mean[1])).toBe(true);
    expect(s.lo[2]).toBeCloseTo(2.7);
  });
  it('breaks lines and bands at gaps', () => {
    const s = statSeries([stat(1), stat(2), null, stat(3), stat(4), null], 1, 6);
    const line = linePath(s.x, s.mean, (v) => v * 10, (v) => 100 - v);
    expect(line).toBe('M5,99L15,98M35,97L45,96');
    const band = bandPath(s.x, s.lo, s.hi, (v) => v * 10, (v) => 100 - v);
    expect(band.match(/M/g)).toHaveLength(2);
    expect(band.match(/Z/g)).toHaveLength(2);
    expect(linePath(s.x, new Float64Array(6).fill(NaN), (v) => v, (v) => v)).toBe('');
  });
  it('downsamples a long series to about the threshold, the band following the mean', () => {
    const n = 100_000;
    const stats = Array.from({ length: n }, (_, k) => (k % 1000 === 999 ? null : stat(Math.sin(k / 500) * 50 + 100)));
    const d = downsample(statSeries(stats, 1, n), 800);
    expect(d.x.length).toBeLessThanOrEqual(800 + 100);
    expect(d.x.length).toBeGreaterThan(700);
    for (let i = 0; i < d.x.length; i++) if (Number.isFinite(d.mean[i]!)) expect(d.hi[i]! - d.mean[i]!).toBeCloseTo(d.mean[i]! * 0.1, 9);
  });
});

describe('offered load over time', () => {
  it('reads diurnal and bursty specs, and nothing else', () => {
    expect(offeredShape({ process: 'poisson', rate_rps: 3 })).toBeNull();
    expect(offeredShape({ process: 'diurnal', mean_rps: 10, peak_to_mean: 1.5 })).toBeNull(); // no period
    expect(offeredShape('x')).toBeNull();
    expect(offeredShape({ process: 'bursty', rate_rps: 1, burst_rate_rps: 9, burst_every_s: 10, burst_duration_s: 2 })?.kind).toBe('bursty');
  });
  it('averages a diurnal rate over each bucket: trough at 0, peak at half a period, the mean over a period', () => {
    const shape = offeredShape({ process: 'diurnal', mean_rps: 100, peak_to_mean: 2, period_s: 600 })!;
    expect(offeredRateOver(shape, 0, 0)).toBeCloseTo(0, 9);
    expect(offeredRateOver(shape, 300, 300)).toBeCloseTo(200, 9);
    expect(offeredRateOver(shape, 0, 600)).toBeCloseTo(100, 9);
    const per = offeredPerBucket(shape, 100, 60, 10, 600);
    expect(per.reduce((a, b) => a + b, 0) / 60).toBeCloseTo(100, 9);
    expect(per[30]).toBeGreaterThan(199);
    // Poisson: the constant.
    expect(Array.from(offeredPerBucket(null, 42, 3, 10, 30))).toEqual([42, 42, 42]);
  });
  it('matches the arrivals the engine draws, bucket by bucket', () => {
    // Counts of a Poisson process with mean m have standard deviation √m: 4.5 σ on each of 40
    // buckets keeps a false alarm below 1e-3 for this fixed seed's peers, while a rate off by 5%
    // (about 20 σ here) fails.
    const specs: ServiceSpec['arrivals'][] = [
      { process: 'diurnal', mean_rps: 400, peak_to_mean: 1.8, period_s: 400 },
      { process: 'bursty', rate_rps: 200, burst_rate_rps: 900, burst_every_s: 60, burst_duration_s: 25 },
    ];
    for (const spec of specs) {
      const bucketS = 20, n = 40, horizonS = n * bucketS;
      const clock = arrivalClock(spec, deriveStream(5, 0, 'test'));
      const counts = new Array<number>(n).fill(0);
      for (let t = clock(); t < horizonS * 1000; t = clock()) counts[Math.floor(t / 1000 / bucketS)]!++;
      const expected = offeredPerBucket(offeredShape(spec), 0, n, bucketS, horizonS);
      counts.forEach((c, k) => {
        const m = expected[k]! * bucketS;
        expect(Math.abs(c - m), `${spec.process} bucket ${k}: ${c} arrivals, ${m} expected`).toBeLessThan(4.5 * Math.sqrt(m));
      });
    }
  });
});

function series(n: number, f: (k: number) => { q: number; p99: number; reps: number; rej?: number }): ServiceSeries {
  const rows = Array.from({ length: n }, (_, k) => f(k));
  return {
    bucket_s: 10,
    latency_p50_ms: rows.map((r) => stat(r.p99 / 3)),
    latency_p95_ms: rows.map((r) => stat(r.p99 / 1.5)),
    latency_p99_ms: rows.map((r) => stat(r.p99)),
    throughput_rps: rows.map(() => stat(1200, 10)),
    queue_length: rows.map((r) => stat(r.q)),
    busy_slots: rows.map((r) => stat(r.reps * 12)),
    replicas: rows.map((r) => ({ mean: r.reps, ci95: [r.reps, r.reps] as [number, number] })),
    rejected: rows.map((r) => r.rej ?? 0),
    timed_out: rows.map(() => 0),
  };
}

const LAYOUT = { width: 640, plotHeight: 96, margin: { left: 46, right: 12, top: 18, bottom: 20 } };

describe('the serving time model', () => {
  const input: ServingTimeInput = {
    series: series(60, (k) => ({ q: 98.5 + k * 5, p99: k < 30 ? 150 : 260, reps: k < 20 ? 4 : k < 40 ? 6 : 5, rej: k === 50 ? 10 : 0 })),
    horizonS: 600, warmupS: 60, replications: 5, offeredRps: 1200, budgetMs: 200,
  };
  const m = servingTimeModel(input, LAYOUT);
  const panel = (key: string) => m.panels.find((p) => p.key === key)!;

  it('has five panels on one time axis, the warm-up shaded', () => {
    expect(m.panels.map((p) => p.key)).toEqual(['queue', 'latency', 'replicas', 'throughput', 'drops']);
    expect(m.warmup!.x0).toBe(46);
    expect(m.warmup!.x1).toBeCloseTo(46 + (628 - 46) / 10, 9);
    for (const p of m.panels) expect([p.plot.left, p.plot.right]).toEqual([46, 628]);
  });
  it('summarises each panel in words for its accessible name', () => {
    expect(panel('queue').summary).toBe('Queue length from 99 to 394 over 10 min, peak 394 at 9 min 55 s');
    expect(panel('latency').summary).toContain('budget 200 ms, p99 above it in 30 of 60 buckets');
    expect(panel('replicas').summary).toBe('Replicas serving from 4 to 5 over 10 min, peak 6, 2 changes marked (1 up, 1 down)');
    expect(panel('throughput').summary).toBe('Throughput from 1,200 to 1,200 requests/s over 10 min, against 1,200 requests/s offered');
    expect(panel('drops').summary).toContain('10 rejected and 0 timed out in all, peak 2 per replication');
  });
  it('marks where the replicas serving change, at the bucket boundary', () => {
    const marks = panel('replicas').markers;
    expect(marks.map((x) => x.up)).toEqual([true, false]);
    expect(marks[0]!.x).toBeCloseTo(m.axis.x(200));
    expect(marks[1]!.x).toBeCloseTo(m.axis.x(400));
    expect(marks[0]!.label).toBe('Replicas serving rose from 4 to 6 at 3 min 20 s');
  });
  it('draws the budget, the offered load and a bar only where something was rejected', () => {
    const lat = panel('latency');
    expect(lat.reference?.label).toBe('Budget 200 ms');
    expect(lat.reference!.y).toBeGreaterThan(lat.plot.top);
    expect(lat.reference!.y).toBeLessThan(lat.plot.bottom);
    expect(panel('throughput').lines.find((l) => l.key === 'offered')!.d).toMatch(/^M46(\.0)?,[\d.]+H628/);
    const bars = panel('drops').bars;
    expect(bars.find((b) => b.key === 'rejected')!.d.match(/Z/g)).toHaveLength(1);
    expect(bars.find((b) => b.key === 'timed-out')!.d).toBe('');
  });
  it('draws at most about one point per pixel, however long the series', () => {
    const big = servingTimeModel({ ...input, series: series(100_000, (k) => ({ q: k % 977, p99: 100 + (k % 13), reps: 4 })), horizonS: 1_000_000 }, LAYOUT);
    const q = big.panels[0]!.lines[0]!.d;
    expect(q.match(/[ML]/g)!.length).toBeLessThanOrEqual(628 - 46);
    expect(big.panels[0]!.summary).toContain('peak 976');
  });
  it('reads out the bucket holding the cursor', () => {
    const r = servingReadout(input, 80)!;
    expect(r.bucket).toEqual([80, 90]);
    expect(r.items.find((i) => i.key === 'queue')!.value).toBe('139 [125, 152]');
    expect(r.items.find((i) => i.key === 'throughput')!.value).toBe('1,200/s [1,190, 1,210] of 1,200/s offered');
    expect(servingReadout(input, 700)).toBeNull();
    // A diurnal load: the offered rate of that bucket (the mean of 100 ± 100·cos over [290, 300) s of a 600 s period).
    const diurnal = { ...input, offeredShape: offeredShape({ process: 'diurnal', mean_rps: 100, peak_to_mean: 2, period_s: 600 }) };
    expect(servingReadout(diurnal, 295)!.items.find((i) => i.key === 'throughput')!.value).toMatch(/ of 200\/s offered$/);
    // The first bucket averages 100 · (1 − sin(ωb)/(ωb)) with ωb = 2π/60: 0.18 requests/s.
    expect(servingTimeModel(diurnal, LAYOUT).panels[3]!.summary).toMatch(/against an offered load from 0\.2 to 200 requests\/s$/);
    expect(servingReadout(input, 600)!.bucket).toEqual([590, 600]);
  });
});

describe('the figures', () => {
  const input: ServingTimeInput = { series: series(60, (k) => ({ q: 100 + k, p99: 150, reps: 8 })), horizonS: 600, warmupS: 60, replications: 5, offeredRps: 1200, budgetMs: 200 };
  const cursors = (html: string) => [...html.matchAll(/<line class="time-cursor" x1="([\d.]+)"/g)].map((m) => Number(m[1]));

  it('render five captioned figures whose images are named by their summaries, one cursor on each', () => {
    const html = renderToStaticMarkup(createElement(ServingTimeFigure, { serviceId: 'svc', input, width: 640, cursorS: 150 }));
    expect(html.match(/<figure class="time-panel"/g)).toHaveLength(5);
    expect(html.match(/<figcaption/g)).toHaveLength(5);
    expect(html).toContain('role="img" aria-label="Queue length from 100 to 159 over 10 min, peak 159 at 9 min 55 s"');
    const xs = cursors(html);
    expect(xs).toHaveLength(5);
    expect(new Set(xs).size).toBe(1);
    expect(xs[0]).toBeCloseTo(46 + ((640 - 46 - 12) * 150) / 600, 6);
    expect(html).toContain('At <strong>2 min 30 s</strong>');
  });
  it('draw no cursor and no readout without one (the report), and say how to get one when null (the app)', () => {
    const report = renderToStaticMarkup(createElement(ServingTimeFigure, { serviceId: 'svc', input, width: 680 }));
    expect(cursors(report)).toEqual([]);
    expect(report).not.toContain('time-readout');
    const app = renderToStaticMarkup(createElement(ServingTimeFigure, { serviceId: 'svc', input, width: 680, cursorS: null }));
    expect(app).toContain('Play or move the playback cursor');
    const past = renderToStaticMarkup(createElement(ServingTimeFigure, { serviceId: 'svc', input, width: 680, cursorS: 5000 }));
    expect(cursors(past)).toEqual([]);
    expect(past).toContain('past the 10 min these charts cover');
  });
  it('put the pool series on the same time axis contract: a cursor at its time, none without one', () => {
    const pool = { allocated: [0.5, 0.6, 0.7, 0.8], busy: [0.4, 0.5, 0.6, 0.7], queued: [0, 1, 2, 0] };
    const props = { pool: 'gpu', series: pool, bucketS: 900, horizonS: 3600, target: 0.85, width: 560 };
    expect(cursors(renderToStaticMarkup(createElement(PoolSeriesFigure, props)))).toEqual([]);
    const xs = cursors(renderToStaticMarkup(createElement(PoolSeriesFigure, { ...props, cursorS: 1800 })));
    expect(xs).toHaveLength(1);
    expect(xs[0]).toBeCloseTo((44 + (560 - 12)) / 2, 6); // the middle of [0, 3600] on a plot from 44 to 548
  });
});
