// The serving form's trace preview (traceRate, issue 16): the bucketing (trace-rate.ts) on known
// times — counts per bucket, `scale`, fewer buckets for a short trace, an empty trace — and the
// backend method on a real library: the bundled Azure example read from the saved version's
// copy of its file, `scale` and `time_column` honoured, and every problem naming its field (and
// the file by the scenario's name for it, not by the library's copy).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { readTraceFile } from '../../../electron/backend/traces/trace-loader';
import { traceRateSeries } from '../../../electron/backend/traces/trace-rate';
import { API } from '../../../electron/common/api';
import { MAX_TRACE_RATE_BUCKETS } from '../../../electron/common/api-records';
import { checked, quickExample, tempBackendForEach } from '../temp-backend';

const range = (n: number, from: number, step: number) => Array.from({ length: n }, (_, k) => from + k * step);

describe('traceRateSeries', () => {
  // 25 requests in [0, 1), 75 in [1, 2), one at 2: two buckets of 1 s.
  const times = [...range(25, 0, 0.04), ...range(75, 1, 1 / 75), 2];

  it('counts the requests of each equal bucket over the span, the last request in the last bucket', () => {
    expect(traceRateSeries(times, 1, 2)).toEqual({ bucketS: 1, rates: [25, 76], count: 101, durationS: 2, meanRps: 50.5, peakRps: 76 });
  });

  it('applies scale as the engine does: gaps divided, rates multiplied', () => {
    expect(traceRateSeries(times, 2, 2)).toEqual({ bucketS: 0.5, rates: [50, 152], count: 101, durationS: 1, meanRps: 101, peakRps: 152 });
    expect(traceRateSeries(times, 0.5, 2)).toMatchObject({ bucketS: 2, rates: [12.5, 38], durationS: 4, meanRps: 25.25 });
  });

  it('takes the times in any order and from any origin', () => {
    const shuffled = [...times].reverse().map((t) => t + 1.7e9);
    const r = traceRateSeries(shuffled, 1, 2);
    expect(r.rates.map((v) => Math.round(v))).toEqual([25, 76]);
    expect(r.count).toBe(101);
  });

  it('draws at most MAX_TRACE_RATE_BUCKETS buckets, and fewer for a short trace (5 requests a bucket on average)', () => {
    const long = traceRateSeries(range(12_001, 0, 0.5), 1, MAX_TRACE_RATE_BUCKETS);
    expect(long.rates).toHaveLength(120);
    expect(long.bucketS).toBe(50);
    expect(long.meanRps).toBeCloseTo(2, 3);
    expect(Math.min(...long.rates)).toBeGreaterThan(1.9);
    expect(long.rates.reduce((a, b) => a + b, 0) * long.bucketS).toBeCloseTo(12_001, 6);
    expect(traceRateSeries(range(12, 0, 1), 1, 120).rates).toHaveLength(2);
    expect(traceRateSeries(range(4, 0, 1), 1, 120)).toMatchObject({ rates: [4 / 3], bucketS: 3, peakRps: 4 / 3 });
  });

  it('has no buckets for an empty trace or one without a span', () => {
    const none = { bucketS: 0, rates: [], durationS: 0, meanRps: 0, peakRps: 0 };
    expect(traceRateSeries([], 1, 120)).toEqual({ ...none, count: 0 });
    expect(traceRateSeries(new Float64Array([3]), 1, 120)).toEqual({ ...none, count: 1 });
    expect(traceRateSeries([5, 5, 5], 2, 120)).toEqual({ ...none, count: 3 });
  });

  it('refuses a scale that is not a finite number > 0', () => {
    for (const scale of [0, -1, Number.NaN, Infinity]) expect(() => traceRateSeries(times, scale, 2)).toThrow(/scale must be/);
  });
});

describe('the traceRate method', () => {
  let backend: Backend;
  tempBackendForEach('headroom-trace-rate-', (t) => ({ backend } = t));

  const examples = path.resolve(__dirname, '../../../assets/examples');
  const azure = JSON.parse(fs.readFileSync(path.join(examples, 'azure-llm-code-trace.json'), 'utf8')) as { serving: { services: { arrivals: Record<string, unknown> }[] } };
  const withArrivals = (over: Record<string, unknown>) => {
    const s = structuredClone(azure);
    s.serving.services[0]!.arrivals = { ...s.serving.services[0]!.arrivals, ...over };
    return JSON.stringify(s, null, 2);
  };
  async function create(text: string): Promise<string> {
    const saved = await backend.createScenario(text);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return saved.scenario.id;
  }

  it('reads the saved version\'s trace as a run does, with its time column and scale', async () => {
    const times = readTraceFile(path.join(examples, 'data/AzureLLMInferenceTrace_code.csv'), 'TIMESTAMP');
    const span = times[times.length - 1] as number;
    const id = await create(withArrivals({}));
    const r = await checked(backend).traceRate(id, 0); // the result parses with the table's schema
    expect(r).toMatchObject({ ok: true, version: 1, file: 'data/AzureLLMInferenceTrace_code.csv', timeColumn: 'TIMESTAMP', scale: 1, count: times.length });
    expect(r.rates).toHaveLength(120);
    expect(r.durationS).toBeCloseTo(span, 9);
    expect(r.meanRps).toBeCloseTo(times.length / span, 9);
    expect(r.bucketS * 120).toBeCloseTo(span, 9);
    expect(r.peakRps).toBeGreaterThan(3 * r.meanRps); // a bursty trace
    expect(r.rates.reduce((a: number, b: number) => a + b, 0) * r.bucketS).toBeCloseTo(times.length, 6);

    // A new version with scale 2: half the span, twice the rate; the version it read is named.
    await backend.updateScenario(id, withArrivals({ scale: 2 }));
    const doubled = await backend.traceRate(id, 0);
    expect(doubled).toMatchObject({ ok: true, version: 2, scale: 2, count: times.length });
    if (!doubled.ok || !r.ok) throw new Error('unreachable');
    expect(doubled.durationS).toBeCloseTo(span / 2, 9);
    expect(doubled.meanRps).toBeCloseTo(2 * r.meanRps, 9);
    expect(doubled.rates.map((v) => v / 2)).toEqual(r.rates.map((v: number) => expect.closeTo(v, 9)));
    expect(await backend.traceRate(id, 0)).toEqual(doubled); // again, from the cache
  });

  it('names the field at fault, and the file by the scenario\'s name for it', async () => {
    const id = await create(withArrivals({ time_column: 'NOPE' }));
    expect(await backend.traceRate(id, 0)).toEqual({
      ok: false, version: 1,
      path: 'serving.services[0].arrivals.time_column',
      message: 'no column "NOPE" in data/AzureLLMInferenceTrace_code.csv (line 1 has: TIMESTAMP, ContextTokens, GeneratedTokens)',
    });
    expect(await backend.traceRate(id, 1)).toEqual({ ok: false, version: 1, path: 'serving.services[1]', message: 'is not in the saved v1, which has 1 service' });
    const poisson = await create(quickExample());
    expect(await backend.traceRate(poisson, 0)).toEqual({ ok: false, version: 1, path: 'serving.services[0].arrivals.process', message: 'is "poisson" in the saved v1, not "trace"' });
    await expect(backend.traceRate('no-such-scenario', 0)).rejects.toThrow('no scenario with id no-such-scenario');
    await expect(checked(backend).traceRate(poisson, -1)).rejects.toThrow(/^serviceIndex: must be an integer from 0/);
    expect(Object.keys(API)).toContain('traceRate');
  });

  it('reads a trace imported with its scenario, at the second service, naming that service', async () => {
    const s = JSON.parse(quickExample()) as { serving: { services: Record<string, unknown>[] } };
    const first = s.serving.services[0]!;
    s.serving.services.push({ ...first, id: 'traced', arrivals: { process: 'trace', path: 'bursts.csv', time_column: 1 } });
    // One request at 0 s, 10 a second for 10 s, 40 a second for 10 s, one at 20 s (none on a bucket's edge).
    const rows = [0, ...range(100, 0.05, 0.1), ...range(400, 10.0125, 0.025), 20].map((t, k) => `r${k},${t.toFixed(4)}`);
    const imported = await backend.importScenarios([{ name: 's.json', text: JSON.stringify(s) }, { name: 'bursts.csv', text: `id,t\n${rows.join('\n')}\n` }]);
    expect(imported.problems).toEqual([]);
    const id = imported.imported[0]!.id;
    const r = await backend.traceRate(id, 1);
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ count: 502, durationS: 20, bucketS: 20 / 100, timeColumn: 1 });
    expect(r.rates).toHaveLength(100);
    expect(r.rates[0]).toBeCloseTo(15, 9); // with the request at 0 s
    expect(r.rates.slice(1, 50).every((v) => Math.abs(v - 10) < 1e-9)).toBe(true);
    expect(r.rates.slice(50, 99).every((v) => Math.abs(v - 40) < 1e-9)).toBe(true);
    expect(r.peakRps).toBeCloseTo(45, 9); // the last bucket has the request at 20 s too

    const bad = structuredClone(s);
    (bad.serving.services[1]!.arrivals as Record<string, unknown>).time_column = 5;
    await backend.updateScenario(id, JSON.stringify(bad));
    expect(await backend.traceRate(id, 1)).toMatchObject({ ok: false, version: 2, path: 'serving.services[1].arrivals.path', message: expect.stringMatching(/^bursts\.csv line 1: has 2 columns, no column 5 \(time_column is 0-based\)$/) });
  });
});
