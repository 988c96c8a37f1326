// The run's verdicts on real simulated results: variations of the article's example (1200 rps,
// 12 slots per replica, 45 + 35 + 20 ms fixed components, p99 ≤ 200 ms), the GPU training cluster
// and the article's pipeline. Each verdict is judged on the SLO percentile's 95% CI, says why
// with solve's reasoning, and what fixes it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, solveReplicas, validateScenario, type ResultDocument, type Scenario, type ServiceResult } from '../../../simulation';
import { NumberText } from '../../../simulation/present';
import { runHeadline, verdictLine, verdictsOf, worstVerdict, type Verdict } from '../../../simulation/present/verdicts';
import { judgeSlo, latencyFloor } from '../../../simulation/present/verdict-serving';

const examples = path.resolve(__dirname, '..', '..', '..', 'assets', 'examples');

type Raw = Record<string, unknown> & { serving?: { services: Record<string, unknown>[] }; cluster?: Record<string, unknown>; pipeline?: Record<string, unknown> };

function example(name: string, patch: Record<string, unknown> = {}): Raw {
  return { ...(JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8')) as Raw), ...patch };
}

function scenarioOf(raw: Raw): Scenario {
  const parsed = validateScenario(raw);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

function simulate(s: Scenario): ResultDocument {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  return mergeReplications(s, outcomes, { sha256: 'f'.repeat(64), wallMs: 1 });
}

/** The article's service alone, 3 replications of 120 s (20 s warm-up), with `svc` patched in. */
function service(svc: Record<string, unknown>): { scenario: Scenario; doc: ResultDocument } {
  const raw = example('risk-model-api.json', { replications: 3, horizon_s: 120, warmup_s: 20 });
  delete raw.pipeline;
  delete raw.cluster;
  raw.serving!.services[0] = { ...raw.serving!.services[0], ...svc };
  const scenario = scenarioOf(raw);
  return { scenario, doc: simulate(scenario) };
}

const only = (vs: Verdict[], layer: Verdict['layer']) => {
  const found = vs.filter((v) => v.layer === layer);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const atSlo = (doc: ResultDocument) => (doc.serving!.risk_model_api as ServiceResult).latency_at_slo_ms!;

describe('serving verdict', () => {
  it('8 replicas: unstable at 100% utilization; 9 make it stable; no count meets p99 ≤ 200 ms (368 + 100 ms)', () => {
    const { scenario, doc } = service({});
    const v = only(verdictsOf(doc, scenario), 'serving');
    expect(v).toMatchObject({ subject: 'risk_model_api', tone: 'bad', status: 'Unstable', costPerHour: null });
    expect(v.headline).toBe('8 replicas run at 100% utilization: the queue never drains');
    expect(v.why[0]).toBe('Saturation: 1,200 rps offered, and 8 replicas × 12 slots at 80 ms mean service time serve at most 1,200 rps');
    expect(v.why.join('\n')).toContain('is not a steady-state figure');
    expect(v.fix[0]).toBe('9 replicas make it stable');
    expect(v.fix[1]).toBe("No replica count meets p99 ≤ 200 ms, because the service time's own p99 (368 ms) plus the fixed components (100 ms) exceed the budget: shorten the service time or a component, or revisit the budget");
  });

  it('10 replicas, exponential service: missed with confidence, because the service time alone is over the budget', () => {
    const { scenario, doc } = service({ replicas: 10 });
    expect(atSlo(doc).ci95[0]).toBeGreaterThan(200); // the premise: the CI is wholly over the budget
    const v = only(verdictsOf(doc, scenario), 'serving');
    expect(v).toMatchObject({ tone: 'bad', status: 'Missed' });
    expect(v.headline).toMatch(/^p99 4\d\d ms \[4\d\d, 4\d\d\] is over the 200 ms budget with 95% confidence$/);
    expect(v.why[0]).toBe("Before any queueing, the service time's own p99 (368 ms) plus the fixed components (100 ms) take 468 ms: over the 200 ms budget");
    expect(v.why[1]).toMatch(/^Queueing adds little: requests wait [\d.]+ ms at the p99, at [78]\d(\.\d)?% utilization$/);
    expect(v.fix).toEqual(["No replica count meets p99 ≤ 200 ms, because the service time's own p99 (368 ms) plus the fixed components (100 ms) exceed the budget: shorten the service time or a component, or revisit the budget"]);
  });

  it('10 replicas, fixed 80 ms service: met with confidence, nothing to fix', () => {
    const { scenario, doc } = service({ replicas: 10, service_time_ms: 80 });
    expect(atSlo(doc).ci95[1]).toBeLessThanOrEqual(200);
    const v = only(verdictsOf(doc, scenario), 'serving');
    expect(v).toMatchObject({ tone: 'good', status: 'Met', fix: [] });
    expect(v.headline).toMatch(/^p99 18\d(\.\d)? ms \[.*\] is within the 200 ms budget with 95% confidence$/);
    expect(v.why[0]).toMatch(/^1\d(\.\d)? ms of headroom at the upper end of the 95% CI, at [78]\d(\.\d)?% utilization$/);
  });

  it('fixed 80 ms service at 8 replicas: unstable; the fix prices 9 replicas and points at solve (no floor claim: 180 ms < 200 ms)', () => {
    const { scenario, doc } = service({ service_time_ms: 80, cost_per_replica_hour: 3.2 });
    const v = only(verdictsOf(doc, scenario), 'serving');
    expect(v).toMatchObject({ tone: 'bad', status: 'Unstable', costPerHour: 25.6 });
    expect(v.fix).toEqual(['9 replicas make it stable (cost 28.8 per hour)', 'Solve finds the fewest replicas that meet p99 ≤ 200 ms with 95% confidence']);
  });

  it('takes a solve\'s answer for the fix line', async () => {
    const { scenario, doc } = service({ service_time_ms: 80, cost_per_replica_hour: 3.2 });
    const spec = scenario.serving!.services[0]!;
    const solve = await solveReplicas(spec, 1200, 3, async (n) => {
      const s = { ...scenario, serving: { services: [{ ...spec, replicas: n }] } };
      return simulate(s).serving!.risk_model_api as ServiceResult;
    });
    expect(solve.replicas).not.toBeNull();
    const v = only(verdictsOf(doc, scenario, { solve }), 'serving');
    const n = solve.replicas!;
    expect(v.fix).toEqual(['9 replicas make it stable (cost 28.8 per hour)', `${n} replicas meet p99 ≤ 200 ms with 95% confidence (cost ${+(n * 3.2).toFixed(1)} per hour)`]);
    // A solve of another service is not this one's answer.
    expect(only(verdictsOf(doc, scenario, { solve: { ...solve, service: 'other' } }), 'serving').fix[1]).toMatch(/^Solve finds/);
  });

  it('a comfortably met SLO is good; the same result against a budget inside its CI is undecided', () => {
    const { scenario, doc } = service({ replicas: 9, service_time_ms: 80, latency_budget_ms: 300 });
    expect(only(verdictsOf(doc, scenario), 'serving')).toMatchObject({ tone: 'good', status: 'Met', fix: [] });
    const at = atSlo(doc);
    expect(at.ci95[0]).toBeLessThan(at.ci95[1]);
    const tight = { ...scenario, serving: { services: [{ ...scenario.serving!.services[0]!, latency_budget_ms: (at.ci95[0] + at.ci95[1]) / 2 }] } };
    const v = only(verdictsOf(doc, tight), 'serving');
    expect(v).toMatchObject({ tone: 'warn', status: 'Undecided' });
    expect(v.headline).toMatch(/^The 95% CI of the p99 .*, straddles the .* budget$/);
    expect(v.fix[0]).toBe('More replications (now 3) narrow the 95% CI enough to decide');
  });

  it('judges on the CI, not the mean: met iff upper ≤ budget, missed iff lower > budget', () => {
    expect(judgeSlo({ mean: 150, ci95: [100, 200] }, 200)).toBe('met');
    expect(judgeSlo({ mean: 190, ci95: [170, 210] }, 200)).toBe('undecided');
    expect(judgeSlo({ mean: 250, ci95: [200, 300] }, 200)).toBe('undecided');
    expect(judgeSlo({ mean: 250, ci95: [200.01, 300] }, 200)).toBe('missed');
    expect(judgeSlo(null, 200)).toBe('unmeasured');
  });

  it('bounds the latency by the service time\'s percentile plus the components\' least values', () => {
    const base = scenarioOf(example('risk-model-api.json')).serving!.services[0]!;
    expect(latencyFloor(base)).toMatchObject({ componentsMs: 100, componentsFixed: true, hasComponents: true });
    expect(latencyFloor(base)!.serviceMs).toBeCloseTo(80 * Math.log(100), 9);
    const random = { ...base, latency_ms: { feature: { dist: 'uniform' as const, min: 20, max: 70 }, network: { dist: 'exponential' as const, mean: 35 } } };
    expect(latencyFloor(random)).toMatchObject({ componentsMs: 20, componentsFixed: false });
    expect(latencyFloor({ ...base, slo_percentile: 95 })!.serviceMs).toBeCloseTo(80 * Math.log(20), 9);
    expect(latencyFloor({ ...base, batching: { max_batch: 8, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 2 } } })).toBeNull();
  });
});

describe('cluster and pipeline verdicts', () => {
  it('the article\'s allocation snapshot: gpu_pool_b over target, with the units that bring it back', () => {
    const raw = example('risk-model-api.json', { replications: 2, horizon_s: 60, warmup_s: 0 });
    delete raw.serving;
    (raw.pipeline as { runs: number }).runs = 300;
    const scenario = scenarioOf(raw);
    const doc = simulate(scenario);
    const vs = verdictsOf(doc, scenario);
    expect(vs.map((v) => v.layer)).toEqual(['cluster', 'pipeline']);
    const c = only(vs, 'cluster');
    expect(c).toMatchObject({ tone: 'bad', status: 'Over target', headline: '1 of 4 pools over target in the allocation snapshot: gpu_pool_b', costPerHour: null });
    expect(c.why).toContain('gpu_pool_b: 87.5% allocated (target 85%): over');
    expect(c.fix).toEqual(['About 17 units in gpu_pool_b (now 16) bring it to its 85% target']);

    // The pipeline: fixed durations, no retries, nine failing tasks.
    const p = only(vs, 'pipeline');
    const sr = doc.pipeline!.success_rate!;
    expect(p.tone).toBe(sr.ci95[0] >= 0.99 ? 'good' : sr.ci95[1] < 0.95 ? 'bad' : 'warn');
    const tasks = Object.entries(doc.pipeline!.tasks!).sort((a, b) => b[1].failed!.mean - a[1].failed!.mean || (doc.pipeline!.analytic.blast_radius![b[0]] ?? 0) - (doc.pipeline!.analytic.blast_radius![a[0]] ?? 0));
    const worst = tasks[0]![0];
    expect(p.headline).toMatch(new RegExp(`^\\d+(\\.\\d)?% \\[.*\\] of runs succeed; ${worst} hurts most$`));
    expect(p.why[0]).toMatch(new RegExp(`^${worst} hurts most: it fails in .* of runs, with no retries`));
    expect(p.why.at(-1)).toMatch(/^Makespan .* on average \(failed runs end early\), p95 3\.38 h, against a critical path of 3\.38 h \(on mean durations\): runs take the critical path \(no pool waits, no retries\)$/);
    expect(p.fix).toEqual([`One more retry on each failing task (${worst} first) lifts the analytic success rate from 75.2% to 98.9%`]);
    expect(p.costPerHour).toBeNull();
  });

  it('random task durations: the makespan exceeds the critical path, and the verdict says why', () => {
    const raw = example('risk-model-api.json', { replications: 2 });
    delete raw.serving;
    delete raw.cluster;
    const pipeline = raw.pipeline as { runs: number; tasks: { duration_s: unknown; failure_probability: number }[] };
    pipeline.runs = 300;
    for (const t of pipeline.tasks) {
      t.duration_s = { dist: 'exponential', mean: t.duration_s as number };
      t.failure_probability = 0;
    }
    const scenario = scenarioOf(raw);
    const p = only(verdictsOf(simulate(scenario), scenario), 'pipeline');
    expect(p).toMatchObject({ tone: 'good', status: 'Reliable', fix: [] });
    expect(p.headline).toBe('100% of runs succeed');
    expect(p.why.at(-1)).toMatch(/^Makespan .* on average, p95 .*, against a critical path of 3\.38 h \(on mean durations\): no pool waits or retries to speak of: the spread is the task durations' own$/);
  });

  it('an alert task skipped when all goes well: judged by DAG runs, as Airflow does, and says why', () => {
    const raw = example('risk-model-api.json', { replications: 2 });
    delete raw.serving;
    delete raw.cluster;
    const pipeline = raw.pipeline as { runs: number; tasks: Record<string, unknown>[]; edges: [string, string][] };
    pipeline.runs = 300;
    for (const t of pipeline.tasks) t.failure_probability = 0;
    const last = pipeline.tasks.at(-1)!.id as string;
    pipeline.tasks.push({ id: 'alert_on_failure', duration_s: 1, trigger_rule: 'one_failed' });
    pipeline.edges.push([last, 'alert_on_failure']);
    const scenario = scenarioOf(raw);
    const doc = simulate(scenario);
    expect(doc.pipeline!.success_rate!.mean).toBe(0); // the alert never succeeds: it is skipped
    const p = only(verdictsOf(doc, scenario), 'pipeline');
    expect(p).toMatchObject({ tone: 'good', status: 'Reliable' });
    expect(p.headline).toBe('100% of DAG runs succeed');
    expect(p.why[0]).toBe('Judged as Airflow judges a DAG run, by its leaves (each ends success or skipped): alert_on_failure (one_failed) is skipped whenever all goes well, so every task succeeding (0% of runs) is not the measure');
  });

  it('a pipeline task queueing for pool units: pool waits stretch the makespan; the cluster is judged on the simulated pools', () => {
    const raw = example('risk-model-api.json', { replications: 2, horizon_s: 200_000, warmup_s: 0 });
    delete raw.serving;
    const pipeline = raw.pipeline as { runs: number; run_interval_s?: number; tasks: { id: string; pool?: string; units?: number }[] };
    pipeline.runs = 40;
    pipeline.run_interval_s = 3600; // a 3.4 h run every hour: runs overlap on the one GPU pool
    Object.assign(pipeline.tasks.find((t) => t.id === 'train_model')!, { pool: 'gpu_pool_a', units: 32 });
    const scenario = scenarioOf(raw);
    const doc = simulate(scenario);
    const vs = verdictsOf(doc, scenario);
    const p = only(vs, 'pipeline');
    expect(p.why.at(-1)).toMatch(/: pool waits add about .* a run on the critical path \(train_model waits .* for gpu_pool_a per attempt\)$/);
    expect(p.fix).toContain('More units in gpu_pool_a shorten the pool waits');
    const c = only(vs, 'cluster');
    expect(c.why[0]).toMatch(/^gpu_pool_a: .* of its units allocated \(target 85%\)/);
    expect(c.why.join('\n')).not.toContain('allocation snapshot');
  });

  it('the GPU training cluster: pools judged on their CI, cost per hour of every pool, stragglers and their fix', () => {
    const raw = example('gpu-training-cluster.json', { replications: 3 });
    const scenario = scenarioOf(raw);
    const doc = simulate(scenario);
    const c = only(verdictsOf(doc, scenario), 'cluster');
    expect(c.costPerHour).toBeCloseTo(64 * 2.5 + 16 * 0.8, 9);
    const pools = Object.entries(doc.cluster!.pools!);
    const over = pools.filter(([, p]) => p.utilization!.ci95[0] > p.utilization_target!);
    const undecided = pools.filter(([, p]) => p.utilization!.ci95[0] <= p.utilization_target! && p.utilization!.ci95[1] > p.utilization_target!);
    expect(c.status).toBe(over.length > 0 ? 'Over target' : undecided.length > 0 ? 'Undecided' : c.status);
    expect(c.tone).toBe(over.length > 0 ? 'bad' : undecided.length > 0 ? 'warn' : c.tone);
    for (const [id] of pools) expect(c.why.some((w) => w.startsWith(`${id}: `))).toBe(true);
    expect(c.why.join('\n')).toMatch(/of allocated time waits at barriers for the slowest worker/);
    const barrier = doc.cluster!.allocation!.barrier_wait!;
    expect(c.fix.some((f) => f.startsWith('Mitigate stragglers'))).toBe(barrier.ci95[0] >= 0.1);
    // Jobs wait (the CI's lower end over a tenth of the completion time): more units where most jobs queue (backfill already).
    const j = doc.cluster!.jobs!;
    const waits = j.queue_delay_s.mean!.ci95[0] > 0.1 * j.jct_s.mean!.mean;
    const queued = Object.entries(doc.cluster!.series!.pools).map(([id, s]) => [id, s.queued.reduce((a, b) => a + b, 0)] as const).sort((a, b) => b[1] - a[1]);
    expect(c.fix.includes(`More units in ${queued[0]![0]} shorten the waits`)).toBe(waits);
    expect([waits, barrier.ci95[0] >= 0.1]).toEqual([true, true]); // this seed exercises both fixes

    // A target far below the allocation: over with confidence, and the units (priced) that fix it.
    const low = scenarioOf({ ...raw, cluster: { ...raw.cluster, pools: [{ ...(raw.cluster!.pools as object[])[0], utilization_target: 0.05 }, (raw.cluster!.pools as object[])[1]] } });
    const lowDoc = simulate(low);
    const h100 = lowDoc.cluster!.pools!.h100_train!.utilization!;
    expect(h100.ci95[0]).toBeGreaterThan(0.05);
    const v = only(verdictsOf(lowDoc, low), 'cluster');
    expect(v).toMatchObject({ tone: 'bad', status: 'Over target', headline: 'h100_train is over its utilization target with 95% confidence' });
    const need = Math.ceil((h100.mean * 64) / 0.05 - 1e-9);
    expect(v.fix[0]).toBe(`About ${new NumberText().fixed(need, 0)} units in h100_train (now 64) bring it to its 5% target (cost +${new NumberText().sig((need - 64) * 2.5)} per hour)`);
  }, 60_000);
});

describe('the run\'s headline and the options', () => {
  it('shows the worst verdict, serving first among equals', () => {
    const raw = example('risk-model-api.json', { replications: 2, horizon_s: 60, warmup_s: 10 });
    (raw.pipeline as { runs: number }).runs = 100;
    const scenario = scenarioOf(raw);
    const doc = simulate(scenario);
    const vs = verdictsOf(doc, scenario);
    expect(vs.map((v) => v.layer)).toEqual(['serving', 'cluster', 'pipeline']);
    expect(worstVerdict(vs)).toBe(vs[0]);
    expect(runHeadline(doc, scenario)).toEqual({ tone: 'bad', text: 'Unstable — risk_model_api: 8 replicas run at 100% utilization: the queue never drains' });
    expect(verdictLine(vs[1]!)).toBe('Over target — cluster: 1 of 4 pools over target in the allocation snapshot: gpu_pool_b');
    const good: Verdict = { ...vs[0]!, tone: 'good' };
    const warn: Verdict = { ...vs[1]!, tone: 'warn' };
    expect(worstVerdict([good, warn, { ...warn, subject: 'later' }])).toBe(warn);
    expect(worstVerdict([])).toBeNull();
  });

  it('spells numbers in the given locale and ids as the caller writes them', () => {
    const { scenario, doc } = service({});
    const de = only(verdictsOf(doc, scenario, { numbers: new NumberText('de-DE'), idText: (id) => `<${id}>` }), 'serving');
    expect(de.why[0]).toBe('Saturation: 1.200 rps offered, and 8 replicas × 12 slots at 80 ms mean service time serve at most 1.200 rps');
    const raw = example('risk-model-api.json', { replications: 2, horizon_s: 60, warmup_s: 0 });
    delete raw.serving;
    (raw.pipeline as { runs: number }).runs = 100;
    const s = scenarioOf(raw);
    const c = only(verdictsOf(simulate(s), s, { idText: (id) => `<${id}>` }), 'cluster');
    expect(c.fix[0]).toBe('About 17 units in <gpu_pool_b> (now 16) bring it to its 85% target');
    expect(c.subject).toBe('cluster');
  });

  it('gives no verdict for an analytic-only document or a service the scenario does not name', () => {
    const { scenario, doc } = service({});
    const renamed = { ...scenario, serving: { services: [{ ...scenario.serving!.services[0]!, id: 'another' }] } };
    expect(verdictsOf(doc, renamed)).toEqual([]);
    const analytic: ResultDocument = { ...doc, serving: { risk_model_api: { offered_rps: 1200, analytic: doc.serving!.risk_model_api!.analytic } } };
    expect(verdictsOf(analytic, scenario)).toEqual([]);
    expect(runHeadline(analytic, scenario)).toBeNull();
  });
});
