// The sweep chart's pure parts: each point's figure and cost, whether it meets the SLO with
// confidence (the upper CI bound within the budget), the cheapest such point, the CI band split at
// gaps, the chart's scales, the heatmap's cells and the CSV export.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultDocument, ServiceResult, SweepDocument } from '../../../../simulation';
import { COST_PER_HOUR, defaultFigure, figureChoices } from '../../../../renderer/charts/whatif/figure-choices';
import { sweepChartModel, defaultSweepScale } from '../../../../renderer/charts/whatif/sweep-chart-model';
import { sweepCsv, sweepFileName } from '../../../../renderer/whatif/sweep-csv';
import { heatmapModel } from '../../../../renderer/charts/whatif/sweep-heatmap-model';
import {
  ciBands, cheapestMeeting, costPerHour, poolCosts, replicasServiceIndex, serviceOfFigure, sweepSeries, type SweepSeriesPoint,
} from '../../../../renderer/charts/whatif/sweep-series';

const golden = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../golden/documents/risk-model-api.result.json'), 'utf8')) as ResultDocument;
const ID = 'risk_model_api';

/** The golden result with the service's latency at the SLO and its cost per hour set (budget 200 ms). */
function resultAt(latency: [number, number, number] | null, cost?: number): ResultDocument {
  const doc = structuredClone(golden);
  const svc = doc.serving![ID] as ServiceResult;
  svc.latency_at_slo_ms = latency === null ? null : { mean: latency[1], ci95: [latency[0], latency[2]] };
  svc.utilization = { mean: 0.5, ci95: [0.49, 0.51] };
  if (cost === undefined) delete svc.analytic.cost_per_hour;
  else svc.analytic.cost_per_hour = cost;
  return doc;
}

function sweep(points: [number, [number, number, number] | null, number?][]): SweepDocument {
  const parameter = 'serving.services[0].replicas';
  return { parameter, parameters: [parameter], points: points.map(([v, l, c]) => ({ value: v, values: [v], result: resultAt(l, c) })) };
}

const FIG = `serving.${ID}.latency_at_slo_ms`;

describe('sweep series', () => {
  const doc = sweep([
    [8, [900, 2000, 3100], 16],
    [9, [190, 205, 220], 18], // mean over the budget
    [10, [170, 185, 201], 20], // mean under, upper CI over: does not meet with confidence
    [11, [160, 175, 200], 22], // upper CI exactly at the budget: meets
    [12, [150, 160, 170], 24],
  ]);

  it('judges each point by the upper end of its CI against the budget recovered from the result', () => {
    const s = sweepSeries(doc, FIG);
    expect(s.budgetMs).toBe(200);
    expect(s.sloService).toBe(ID);
    expect(s.points.map((p) => p.meets)).toEqual([false, false, false, true, true]);
    expect(s.points.map((p) => p.stat?.mean)).toEqual([2000, 205, 185, 175, 160]);
  });

  it('picks the cheapest meeting point by cost, and says so', () => {
    const s = sweepSeries(doc, FIG);
    expect(s.cheapest?.values).toEqual([11]);
    expect(s.cheapestBy).toBe('cost');
    expect(s.hasCost).toBe(true);
  });

  it('goes by the lowest value when a meeting point has no cost', () => {
    const s = sweepSeries(sweep([[12, [150, 160, 170]], [11, [160, 175, 199]], [10, [300, 400, 500]]]), FIG);
    expect(s.cheapest?.values).toEqual([11]);
    expect(s.cheapestBy).toBe('value');
    expect(s.hasCost).toBe(false);
  });

  it('prefers a cheaper point over a lower value when costs differ', () => {
    const p = (values: number[], cost: number | null, meets: boolean | null): SweepSeriesPoint => ({ values, stat: null, cost, meets });
    expect(cheapestMeeting([p([4, 2], 30, true), p([6, 1], 12, true), p([2, 9], 5, false)]).point?.values).toEqual([6, 1]);
    expect(cheapestMeeting([p([4, 2], 30, true), p([4, 1], 30, true)]).point?.values).toEqual([4, 1]);
    expect(cheapestMeeting([p([1], 1, false), p([2], 2, null)])).toEqual({ point: null, by: null });
  });

  it('has no SLO to judge without a simulated service', () => {
    const d = sweep([[1, [1, 2, 3]]]);
    delete d.points[0]!.result.serving;
    const s = sweepSeries(d, 'cluster.jobs.goodput');
    expect(s.sloService).toBeNull();
    expect(s.points[0]!.meets).toBeNull();
    expect(s.cheapest).toBeNull();
  });

  it('an empty latency does not meet the SLO and has no figure', () => {
    const s = sweepSeries(sweep([[8, null, 1], [9, [1, 2, 3], 2]]), FIG);
    expect(s.points[0]).toMatchObject({ stat: null, meets: false });
    expect(s.cheapest?.values).toEqual([9]);
  });

  it('adds the pools: units × cost per unit-hour, the swept value where the sweep varies them', () => {
    const raw = { cluster: { pools: [{ id: 'a', units: 8, cost_per_unit_hour: 2.5 }, { id: 'b', units: 4 }, { id: 'c', units: 16, cost_per_unit_hour: 0.5 }] } };
    const pools = poolCosts(raw);
    expect(pools).toEqual([
      { path: 'cluster.pools[0].units', units: 8, costPerUnitHour: 2.5 },
      { path: 'cluster.pools[2].units', units: 16, costPerUnitHour: 0.5 },
    ]);
    const r = resultAt([1, 2, 3], 10);
    expect(costPerHour(r, ['cluster.pools[2].units'], [32], pools)).toBe(10 + 8 * 2.5 + 32 * 0.5);
    expect(costPerHour(resultAt([1, 2, 3]), [], [], [])).toBeNull();
    expect(poolCosts(undefined)).toEqual([]);
  });

  it('draws the cost per hour as a figure of its own', () => {
    const s = sweepSeries(doc, COST_PER_HOUR);
    expect(s.points.map((p) => p.stat?.mean)).toEqual([16, 18, 20, 22, 24]);
    expect(s.points[0]!.stat?.ci95).toEqual([16, 16]);
  });

  it('matches the longest service id, as ids may contain dots', () => {
    expect(serviceOfFigure('serving.api.v2.latency_ms.p99', ['api', 'api.v2'])).toBe('api.v2');
    expect(serviceOfFigure('serving.api.latency_ms.p99', ['api', 'api.v2'])).toBe('api');
    expect(serviceOfFigure('cluster.jobs.goodput', ['api'])).toBeNull();
  });

  it('knows a replicas sweep of one service', () => {
    expect(replicasServiceIndex(['serving.services[2].replicas'])).toBe(2);
    expect(replicasServiceIndex(['serving.services[0].concurrency'])).toBeNull();
    expect(replicasServiceIndex(['serving.services[0].replicas', 'serving.services[0].concurrency'])).toBeNull();
  });
});

describe('CI band', () => {
  const p = (x: number, s: [number, number, number] | null): SweepSeriesPoint => ({ values: [x], stat: s && { mean: s[1], ci95: [s[0], s[2]] }, cost: null, meets: null });

  it('runs through the points in value order with their CI bounds', () => {
    expect(ciBands([p(3, [5, 6, 7]), p(1, [1, 2, 3])])).toEqual([[{ x: 1, lo: 1, mean: 2, hi: 3 }, { x: 3, lo: 5, mean: 6, hi: 7 }]]);
  });

  it('breaks where a point has no figure', () => {
    const bands = ciBands([p(1, [1, 2, 3]), p(2, null), p(3, [1, 2, 3]), p(4, [1, 2, 3])]);
    expect(bands.map((b) => b.map((x) => x.x))).toEqual([[1], [3, 4]]);
    expect(ciBands([p(1, null)])).toEqual([]);
  });
});

describe('sweep chart model', () => {
  const box = { width: 600, height: 300, margin: { top: 40, right: 60, bottom: 40, left: 60 } };
  const doc = sweep([[9, [150, 170, 190], 18], [10, [140, 160, 180], 20], [11, [130, 150, 170], 22]]);

  it('places points, the band inside the plot, the budget and the cost axis', () => {
    const s = sweepSeries(doc, FIG);
    const m = sweepChartModel(s, 'ms', box, 'linear', true);
    expect(m.points.map((p) => p.x)).toEqual([...m.points.map((p) => p.x)].sort((a, b) => a - b));
    for (const p of m.points) {
      expect(p.yHigh!).toBeLessThan(p.y!);
      expect(p.yLow!).toBeGreaterThan(p.y!);
      expect(p.x).toBeGreaterThan(box.margin.left);
      expect(p.x).toBeLessThan(box.width - box.margin.right);
    }
    // The budget (200 ms) sits above every upper CI bound (190 ms at most).
    expect(m.budgetY!).toBeLessThan(Math.min(...m.points.map((p) => p.yHigh!)));
    expect(m.band.startsWith('M')).toBe(true);
    expect(m.costLine).not.toBeNull();
    expect(m.costTicks.length).toBeGreaterThan(1);
    expect(m.xTicks.map((t) => t.label)).toEqual(['9', '10', '11']);
    expect(sweepChartModel(s, 'ms', box, 'linear', false).budgetY).toBeNull();
  });

  it('goes log when an unstable point dwarfs the rest', () => {
    const s = sweepSeries(sweep([[8, [9000, 20000, 31000]], [9, [150, 170, 190]]]), FIG);
    expect(defaultSweepScale(s, true)).toBe('log');
    expect(defaultSweepScale(sweepSeries(doc, FIG), true)).toBe('linear');
  });

  it('makes room on the x axis for a solver answer outside the range', () => {
    const m = sweepChartModel(sweepSeries(doc, FIG), 'ms', box, 'linear', true, [14]);
    expect(m.xOf(14)).toBeLessThanOrEqual(box.width - box.margin.right);
    expect(m.xDomain[1]).toBeGreaterThanOrEqual(14);
  });
});

describe('sweep heatmap model', () => {
  it('has a cell per point, the first parameter across, the second up, colours from low to high', () => {
    const parameters = ['serving.services[0].replicas', 'serving.services[0].concurrency'];
    const points = [[8, 1], [8, 2], [9, 1], [9, 2]].map(([a, b], i) => ({
      value: a!, values: [a!, b!], result: resultAt([100, 150 + i * 20, 190 + i * 10], a! * 2),
    }));
    const s = sweepSeries({ parameter: parameters[0]!, parameters, points }, FIG);
    const m = heatmapModel(s, { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 40, left: 60 } });
    expect(m.cells).toHaveLength(4);
    const at = (a: number, b: number) => m.cells.find((c) => c.values[0] === a && c.values[1] === b)!;
    expect(at(9, 1).x).toBeGreaterThan(at(8, 1).x);
    expect(at(8, 2).y).toBeLessThan(at(8, 1).y); // higher values up
    expect(at(8, 1).t).toBe(0);
    expect(at(9, 2).t).toBe(1);
    expect(m.range).toEqual([150, 210]);
    expect(m.cells.filter((c) => c.meets).map((c) => c.values)).toEqual([[8, 1], [8, 2]]);
    expect(s.cheapest?.values).toEqual([8, 1]);
  });
});

describe('sweep CSV', () => {
  it('writes the values, the figure with its CI, the cost and the verdict, quoting as needed', () => {
    const s = sweepSeries(sweep([[10, [170, 185, 201], 20], [11, [160, 175, 200]]]), FIG);
    const lines = sweepCsv(s).split('\r\n');
    expect(lines[0]).toBe(`serving.services[0].replicas,${FIG} mean,${FIG} ci95 low,${FIG} ci95 high,cost_per_hour,meets SLO of ${ID}`);
    expect(lines[1]).toBe('10,185,170,201,20,no');
    expect(lines[2]).toBe('11,175,160,200,,yes');
    expect(lines[3]).toBe('');
    expect(sweepFileName('Risk model API — "copy"', 3)).toBe('risk-model-api-copy-sweep-v3.csv');
    expect(sweepFileName('∑∑', 1)).toBe('scenario-sweep-v1.csv');
  });
});

describe('sweep series of an llm service', () => {
  const llmGolden = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../golden/documents/llm-token-level.result.json'), 'utf8')) as ResultDocument;
  const LLM = 'code_llm';
  // The example's SLOs: TTFT p99 ≤ 1,000 ms, TPOT p99 ≤ 50 ms; headroom = SLO − the time at its percentile.
  const at = (slo: number, [lo, mean, hi]: [number, number, number]) => ({
    at: { mean, ci95: [lo, hi] as [number, number] },
    headroom: { mean: slo - mean, ci95: [slo - hi, slo - lo] as [number, number] },
  });
  function llmResult(ttft: [number, number, number], tpot: [number, number, number], cost: number): ResultDocument {
    const doc = structuredClone(llmGolden);
    const svc = doc.serving![LLM] as ServiceResult;
    const t = at(1000, ttft), p = at(50, tpot);
    Object.assign(svc.llm!, { ttft_at_slo_ms: t.at, ttft_headroom_ms: t.headroom, tpot_at_slo_ms: p.at, tpot_headroom_ms: p.headroom });
    svc.latency_at_slo_ms = { mean: 100, ci95: [90, 110] }; // well within the request-level budget (5,000 ms) everywhere
    svc.analytic.cost_per_hour = cost;
    return doc;
  }
  const parameter = 'serving.services[0].replicas';
  const doc: SweepDocument = {
    parameter,
    parameters: [parameter],
    points: ([
      [4, [500, 900, 1300], [30, 31, 32], 48], // TTFT's upper CI over its SLO
      [6, [400, 500, 600], [45, 49, 55], 72], // TPOT's upper CI over its SLO
      [8, [300, 400, 1000], [40, 45, 50], 96], // both at most their SLOs: meets
      [10, [200, 300, 400], [20, 25, 30], 120],
    ] as [number, [number, number, number], [number, number, number], number][]).map(([v, ttft, tpot, cost]) => ({ value: v, values: [v], result: llmResult(ttft, tpot, cost) })),
  };

  it('judges each point on both TTFT and TPOT at their SLO percentiles, not the request-level budget', () => {
    const s = sweepSeries(doc, `serving.${LLM}.llm.ttft_at_slo_ms`);
    expect(s.sloService).toBe(LLM);
    expect(s.points.map((p) => p.meets)).toEqual([false, false, true, true]);
    expect(s.cheapest?.values).toEqual([8]);
    expect(s.points.map((p) => p.stat?.mean)).toEqual([900, 500, 400, 300]);
  });

  it('opens on the TTFT at its SLO percentile', () => {
    expect(defaultFigure(figureChoices(llmGolden))).toBe(`serving.${LLM}.llm.ttft_at_slo_ms`);
    expect(defaultFigure(figureChoices(golden))).toBe(FIG);
  });
});
