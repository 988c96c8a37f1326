// The Compare view's pure parts over a comparison made by the real compareResults: the rows
// (labels from the catalogue, grouped serving → cluster → pipeline, ids with dots, the verdict in
// words, B − A signed and in percentage points for fractions), the method and inputs in words,
// the overlaid chart's model and the "Compare with…" options.
import { describe, expect, it } from 'vitest';
import type { CompareDocument, RunSummary } from '../../../../electron/common/contract';
import { compareResults, COMPARE_FORMAT, type Stat } from '../../../../simulation';
import { EN_US, type Figure } from '../../../../simulation/present';
import { overlayModel, serviceLatencies } from '../../../../renderer/whatif/compare-chart';
import { compareLabel, compareTable, diffText, inputRows, legendText, locatePath, methodText, sideText } from '../../../../renderer/whatif/compare-rows';
import { comparableRuns, runOptionText } from '../../../../renderer/whatif/compare-runs';

const point = (x: number): Stat => ({ mean: x, ci95: [x, x] });

/** One replication's document: a service whose id has a dot, a pool, the jobs, a pipeline task. */
function replication(p99: number, util: number, success: number) {
  return {
    serving: { 'api.v2': { latency_ms: { mean: point(p99 / 2), p99: point(p99) }, utilization: point(util), throughput_rps: point(100) } },
    cluster: { pools: { gpu: { utilization: point(0.5) } }, jobs: { jct_s: { mean: null } } },
    pipeline: { success_rate: point(success), tasks: { train: { success: point(success) } } },
  };
}

/** The merged document of replications: each statistic's mean and a Student-t-like CI. */
function merged(reps: ReturnType<typeof replication>[]) {
  const stat = (xs: number[]): Stat => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    const half = (4.303 * sd) / Math.sqrt(xs.length); // t(0.975, 2)
    return { mean: m, ci95: [m - half, m + half] };
  };
  const at = (f: (r: ReturnType<typeof replication>) => Stat) => stat(reps.map((r) => f(r).mean));
  return {
    serving: { 'api.v2': {
      latency_ms: { mean: at((r) => r.serving['api.v2'].latency_ms.mean), p99: at((r) => r.serving['api.v2'].latency_ms.p99) },
      utilization: at((r) => r.serving['api.v2'].utilization),
      throughput_rps: at((r) => r.serving['api.v2'].throughput_rps),
    } },
    cluster: { pools: { gpu: { utilization: at((r) => r.cluster.pools.gpu.utilization) } }, jobs: { jct_s: { mean: null } } },
    pipeline: { success_rate: at((r) => r.pipeline.success_rate), tasks: { train: { success: at((r) => r.pipeline.tasks.train.success) } } },
  };
}

function compareDoc(seedB = 1, replications = 3): CompareDocument {
  const a = [replication(500, 0.99, 0.8), replication(520, 0.98, 0.82), replication(480, 0.99, 0.78)].slice(0, replications);
  const b = [replication(180, 0.8, 0.81), replication(190, 0.79, 0.8), replication(185, 0.8, 0.79)].slice(0, replications);
  const cmp = compareResults(
    { doc: merged(a), seed: 1, replications, perReplication: a },
    { doc: merged(b), seed: seedB, replications, perReplication: b },
  );
  return {
    format: COMPARE_FORMAT,
    a: { name: 'Risk', sha256: 'x', seed: 1, replications, runId: 'ra', scenarioVersion: 2 },
    b: { name: 'Risk', sha256: 'y', seed: seedB, replications, runId: 'rb', scenarioVersion: 3 },
    inputs: [{ path: 'serving.services[api.v2].replicas', a: 8, b: 10 }],
    ...cmp,
  };
}

/** The paired comparison (same seed): 3 replications each, B with 10 replicas. */
function compareDocFixture(): CompareDocument {
  const doc = compareDoc();
  expect(doc.method).toBe('paired');
  return doc;
}

describe('locatePath', () => {
  it('takes a known figure key off the end, so ids may contain dots', () => {
    expect(locatePath('serving.api.v2.latency_ms.p99')).toMatchObject({ section: 'serving', entity: 'api.v2', metric: 'latency_ms.p99' });
    expect(locatePath('cluster.pools.h100.eu.busy_utilization')).toMatchObject({ kind: 'pool', entity: 'h100.eu', metric: 'busy_utilization' });
    expect(locatePath('cluster.jobs.jct_s.p95')).toMatchObject({ kind: 'jobs', entity: 'jobs', metric: 'jct_s.p95' });
    expect(locatePath('cluster.allocation.all_reduce')).toMatchObject({ kind: 'whole', entity: '', metric: 'allocation.all_reduce' });
    expect(locatePath('pipeline.tasks.train.v1.criticality')).toMatchObject({ kind: 'task', entity: 'train.v1', metric: 'criticality' });
    expect(locatePath('pipeline.makespan_s.p99')).toMatchObject({ kind: 'whole', metric: 'makespan_s.p99' });
  });
});

describe('compareTable', () => {
  it('groups serving, cluster, pipeline; labels from the catalogue; says significance in words', () => {
    const doc = compareDocFixture();
    const t = compareTable(doc, [], EN_US);
    expect(t.groups.map((g) => g.title)).toEqual(['Serving — api.v2', 'Cluster — pool gpu', 'Pipeline', 'Pipeline — task train']);
    expect(t.empty).toBe(1); // the jobs' empty statistic
    const p99 = t.groups[0]!.rows.find((r) => r.path === 'serving.api.v2.latency_ms.p99')!;
    expect(p99).toMatchObject({ label: 'Latency p99', a: '500 ms', b: '185 ms', diffSign: -1, significant: true, verdict: 'Significant', tone: 'yes' });
    expect(p99.diff).toBe('−315 ms');
    expect(p99.diffCi).toMatch(/^\[−\d+, −\d+\]$/);
    // The catalogue's analytic note is dropped: the table has no analytic column.
    expect(t.groups[0]!.rows.find((r) => r.path.endsWith('latency_ms.mean'))!.label).toBe('Latency, mean');
    // A difference of fractions is in percentage points; a constant figure reads "No difference".
    const util = t.groups[0]!.rows.find((r) => r.path.endsWith('.utilization'))!;
    expect(util.diff).toMatch(/^−19\.\d pp$/);
    expect(t.groups[0]!.rows.find((r) => r.path.endsWith('throughput_rps'))).toMatchObject({ verdict: 'No difference', tone: 'same', diff: '0 rps' });
    expect(t.groups[2]!.rows[0]).toMatchObject({ label: 'Success rate', verdict: 'Not significant', tone: 'no' });
    expect(t.significant).toBe(3); // mean and p99 latency, and utilization
  });

  it('prefers the run’s own catalogue label, and filters to the significant differences', () => {
    const doc = compareDocFixture();
    const catalogue: Figure[] = [{ section: 'serving', entity: 'api.v2', metric: 'latency_ms.p99', label: 'Tail latency', short: 'p99', unit: 'ms', mean: 1, ci95: null, analytic: null }];
    const t = compareTable(doc, catalogue, EN_US, true);
    expect(t.groups.map((g) => g.title)).toEqual(['Serving — api.v2']);
    expect(t.groups[0]!.rows.map((r) => r.label)).toEqual(['Latency, mean', 'Tail latency', 'Utilization']);
    expect(t.shown).toBe(3);
  });

  it('cannot tell from one replication, but still shows the difference of the means', () => {
    const t = compareTable(compareDoc(1, 1), [], EN_US);
    const p99 = t.groups[0]!.rows.find((r) => r.path.endsWith('latency_ms.p99'))!;
    expect(p99).toMatchObject({ verdict: 'Cannot tell (1 replication)', tone: 'unknown', diff: '−320 ms', diffCi: '' });
  });
});

describe('words around the table', () => {
  it('names the method, the sides and the inputs that differ', () => {
    const paired = compareDoc();
    expect(methodText(paired)).toBe('Paired replication by replication (same seed, 3 pairs)');
    const welch = compareDoc(2);
    expect(methodText(welch)).toBe("Welch's t on replication means (seeds 1 and 2 differ)");
    expect(sideText(paired.a)).toBe('v2 · seed 1 · 3 replications');
    expect(sideText({ ...paired.b, replications: 1 }, true)).toBe('Risk v3 · seed 1 · 1 replication');
    expect(legendText('B', paired.b)).toBe('B: v3 seed 1');
    expect(inputRows(welch, EN_US)).toEqual([
      { path: 'serving.services[api.v2].replicas', a: '8', b: '10' },
      { path: 'seed', a: '1', b: '2' },
    ]);
  });

  it('spells B − A signed, in the unit its magnitude suits', () => {
    expect(diffText(EN_US, { mean: 12.5, ci95: [2.1, 22.9] }, 'ms')).toEqual({ mean: '+12.5 ms', ci: '[2.1, 22.9]' });
    expect(diffText(EN_US, { mean: -600, ci95: [-900, -300] }, 's')).toEqual({ mean: '−10.0 min', ci: '[−15.0, −5.0]' });
    expect(compareLabel('Headroom (budget − latency at SLO; analytic: margin)')).toBe('Headroom (budget − latency at SLO)');
    expect(compareLabel('Success rate (analytic: ∏(1 − p^(r+1)))')).toBe('Success rate');
  });
});

describe('the overlaid latency chart', () => {
  it('puts A left of B in each percentile’s band, with whiskers and the budget', () => {
    const [svc] = serviceLatencies(compareDoc());
    expect(svc!.id).toBe('api.v2');
    expect(svc!.points.map((p) => p.label)).toEqual(['mean', 'p99']);
    const m = overlayModel(svc!.points, 200, { width: 500, height: 260, margin: { top: 20, right: 60, bottom: 30, left: 60 } });
    expect(m.scaleKind).toBe('linear');
    const [a, b] = [m.placed.find((p) => p.side === 'a' && p.key === 'p99')!, m.placed.find((p) => p.side === 'b' && p.key === 'p99')!];
    expect(a.x).toBeLessThan(b.x);
    expect(a.y).toBeLessThan(b.y); // A's p99 is higher: nearer the top
    expect(a.yHigh).toBeLessThanOrEqual(a.y);
    expect(m.budgetY).toBeGreaterThan(a.y);
    expect(m.budgetY).toBeLessThan(b.y);
  });

  it('turns logarithmic when A and B are decades apart', () => {
    const points = [{ key: 'p99' as const, label: 'p99', a: point(20_000), b: point(90), significant: true }];
    expect(overlayModel(points, 200, { width: 500, height: 260, margin: { top: 20, right: 60, bottom: 30, left: 60 } }).scaleKind).toBe('log');
  });
});

describe('the "Compare with…" options', () => {
  const run = (id: string, status: RunSummary['status'], over: Partial<RunSummary> = {}): RunSummary => ({
    id, scenarioId: 's', scenarioVersionId: 'v', scenarioVersion: 3, scenarioName: 'Risk', status, seed: 1, replications: 5,
    engineVersion: '1', createdAt: '2025-01-01T00:00:00.000Z', finishedAt: null, wallMs: null, error: null,
    replicationsStored: 5, label: null, headline: null, changes: [], ...over,
  });

  it('offers the other runs with a result, named like the runs list', () => {
    const runs = [run('shown', 'done'), run('r2', 'done'), run('r3', 'failed'), run('r4', 'truncated'), run('r5', 'running')];
    expect(comparableRuns(runs, 'shown').map((r) => r.id)).toEqual(['r2', 'r4']);
    expect(runOptionText(run('x', 'done', { label: 'ten replicas', headline: { tone: 'good', text: 'Met — api: p99 120 ms within the 200 ms budget' } })))
      .toBe('v3 · seed 1 · 5 reps · “ten replicas” · Met: api: p99 120 ms within the 200 ms budget');
    expect(runOptionText(run('y', 'truncated', { headline: { tone: 'bad', text: `Missed — ${'x'.repeat(80)}` } })))
      .toMatch(/^v3 · seed 1 · 5 reps · partial · Missed: x+…$/);
  });
});
