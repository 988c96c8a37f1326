// Series columns: each bucket's mean and CI bounds as typed arrays (NaN for a bucket without
// data), made once per series array and reused by every draw; the model drawn from them is the
// model drawn from the objects.
import { describe, expect, it } from 'vitest';
import { hasColumns, prepareResultSeries, statColumns } from '../../../../renderer/charts/time/series-columns';

const stat = (mean: number) => ({ mean, ci95: [mean - 1, mean + 2] as [number, number] });

describe('statColumns', () => {
  it('reads means and bounds, NaN where a bucket has no data', () => {
    const cols = statColumns([stat(1), null, stat(3)]);
    expect(Array.from(cols.mean)).toEqual([1, NaN, 3]);
    expect(Array.from(cols.lo)).toEqual([0, NaN, 2]);
    expect(Array.from(cols.hi)).toEqual([3, NaN, 5]);
  });

  it('is made once per series array, and anew for another array with the same values', () => {
    const a = [stat(1), stat(2)];
    expect(statColumns(a)).toBe(statColumns(a));
    expect(statColumns([stat(1), stat(2)])).not.toBe(statColumns(a));
  });

  it('prepareResultSeries prepares every statistic series of every service, and skips services without', () => {
    const series = {
      bucket_s: 10, queue_length: [stat(5)], latency_p50_ms: [stat(1)], latency_p95_ms: [stat(2)], latency_p99_ms: [stat(3)],
      replicas: [stat(4)], throughput_rps: [stat(6)], busy_slots: [stat(7)], rejected: [0], timed_out: [0],
    };
    const keys = ['queue_length', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'replicas', 'throughput_rps', 'busy_slots'] as const;
    expect(keys.filter((k) => hasColumns(series[k]))).toEqual([]);
    prepareResultSeries({ serving: { a: { series }, b: { series: null }, c: {} } });
    expect(keys.filter((k) => !hasColumns(series[k]))).toEqual([]);
    expect(Array.from(statColumns(series.latency_p99_ms).mean)).toEqual([3]);
    expect(() => prepareResultSeries(null)).not.toThrow();
  });
});
