// Scenario validation: every rule of scenario-format.md gives a message naming the JSON path.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticSummary } from '../../../simulation/analytic/summary';
import { scenarioJsonSchema } from '../../../simulation/scenario/json-schema';
import { locateJsonError } from '../../../simulation/scenario/json-syntax';
import { MAX_LISTED_ISSUES, parseScenarioText, validateScenario } from '../../../simulation/scenario/validate';

const root = path.resolve(__dirname, '../../..');
const exampleText = fs.readFileSync(path.join(root, 'assets/examples/risk-model-api.json'), 'utf8');
const example = () => JSON.parse(exampleText) as Record<string, any>;

function errorsOf(raw: unknown): string[] {
  const r = validateScenario(raw);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('the bundled example', () => {
  it('is valid and its analytic summary is the article table', () => {
    const r = parseScenarioText(exampleText);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = analyticSummary(r.scenario);
    expect(s.pipeline_total_duration_minutes).toBe(203);
    expect(s.pipeline_reliability).toBeCloseTo(0.7516, 4);
    expect(s.mean_compute_utilization).toBeCloseTo(0.771875, 12);
    expect(s.share_compute_pools_over_target).toBe(0.25);
    expect(s.serving_required_replicas).toBe(8);
    expect(s.serving_total_latency_ms).toBe(180);
    expect(s.serving_latency_margin_ms).toBe(20);
    expect(s.infrastructure_readiness_score).toBeCloseTo(0.78, 12);
  });

  it('gets defaults applied and plain numbers normalized to fixed distributions', () => {
    const r = parseScenarioText(exampleText);
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.pipeline?.tasks[0]?.duration_s).toEqual({ dist: 'fixed', value: 1080 });
    expect(r.scenario.pipeline?.tasks[0]?.trigger_rule).toBe('all_success');
    expect(r.scenario.cluster?.scheduler.policy).toBe('fifo');
  });
});

describe('errors name the JSON path and the rule', () => {
  it.each([
    ['replicas', (s: any) => { s.serving.services[0].replicas = -2; }, 'serving.services[0].replicas: must be an integer from 1 to 100000 (got -2)'],
    ['rate', (s: any) => { s.serving.services[0].arrivals.rate_rps = 0; }, 'serving.services[0].arrivals.rate_rps: must be a number > 0 and ≤ 1e9 (got 0)'],
    ['unknown field', (s: any) => { s.serving.services[0].replica = 3; }, 'serving.services[0].replica: unknown field'],
    ['top-level unknown field', (s: any) => { s.seeds = 3; }, 'seeds: unknown field'],
    ['wrong type', (s: any) => { s.horizon_s = '600'; }, 'horizon_s: must be a number > 0 and ≤ 1e9 (got "600")'],
    ['missing required', (s: any) => { delete s.name; }, 'name: is required'],
    ['format', (s: any) => { s.format = 'x'; }, 'format: must be "headroom.scenario/v1" (got "x")'],
    ['probability', (s: any) => { s.pipeline.tasks[2].failure_probability = 1.5; }, 'pipeline.tasks[2].failure_probability: must be a probability in [0, 1] (got 1.5)'],
    ['dist kind', (s: any) => { s.serving.services[0].service_time_ms = { dist: 'poisson', mean: 3 }; }, 'serving.services[0].service_time_ms.dist: must be one of fixed, exponential, uniform, normal, lognormal, gamma, weibull, pareto, empirical (got "poisson")'],
    ['dist parameter', (s: any) => { s.serving.services[0].service_time_ms = { dist: 'lognormal', mean: 80, cv: -1 }; }, 'serving.services[0].service_time_ms.cv: must be a number ≥ 0 (got -1)'],
    ['empirical', (s: any) => { s.serving.services[0].service_time_ms = { dist: 'empirical', values: [] }; }, 'serving.services[0].service_time_ms.values: must be a non-empty array of numbers ≥ 0 (got [])'],
    ['pareto alpha', (s: any) => { s.serving.services[0].service_time_ms = { dist: 'pareto', min: 1, alpha: 1 }; }, 'serving.services[0].service_time_ms.alpha: must be a number > 1 (so the mean exists) (got 1)'],
    ['warmup', (s: any) => { s.warmup_s = 600; }, 'warmup_s: must be less than horizon_s (600, got 600)'],
    ['cycle', (s: any) => { s.pipeline.edges.push(['monitor_predictions', 'train_model']); }, 'pipeline.edges: cycle train_model → evaluate_model → register_model → deploy_model → monitor_predictions → train_model'],
    ['self-loop', (s: any) => { s.pipeline.edges.push(['train_model', 'train_model']); }, 'pipeline.edges[8]: self-loop on "train_model"'],
    ['unknown edge task', (s: any) => { s.pipeline.edges.push(['train_model', 'nope']); }, 'pipeline.edges[8][1]: unknown task "nope"'],
    ['duplicate task', (s: any) => { s.pipeline.tasks[1].id = 'ingest_raw_data'; }, 'pipeline.tasks[1].id: duplicate task id "ingest_raw_data" (also pipeline.tasks[0])'],
    ['unknown pool', (s: any) => { s.pipeline.tasks[4].pool = 'gpu_pool_z'; }, 'pipeline.tasks[4].pool: unknown pool "gpu_pool_z" (pools: gpu_pool_a, gpu_pool_b, cpu_feature_workers, model_serving_pool)'],
    ['units per node', (s: any) => { s.cluster.pools[0].units_per_node = 5; }, 'cluster.pools[0].units_per_node: must divide units (32, got 5)'],
    ['job too large', (s: any) => { s.cluster.jobs = [{ id: 'j', pool: 'gpu_pool_b', arrival_s: 0, units: 64, steps: 10, step_time_s: 1 }]; }, 'cluster.jobs[0].units: 64 units do not fit in pool "gpu_pool_b" (cluster.pools[1].units = 16)'],
    ['autoscaling bounds', (s: any) => { s.serving.services[0].autoscaling = { min_replicas: 9, max_replicas: 4, target_utilization: 0.7, interval_s: 30 }; }, 'serving.services[0].autoscaling.min_replicas: must be at most max_replicas (4, got 9)'],
    ['no section', (s: any) => { delete s.pipeline; delete s.cluster; delete s.serving; }, '(root): must have at least one of pipeline, cluster, serving'],
  ])('%s', (_name, mutate, message) => {
    const s = example();
    mutate(s);
    expect(errorsOf(s)).toContain(message);
  });

  it('refuses a newer format version clearly', () => {
    expect(errorsOf({ ...example(), format: 'headroom.scenario/v2' })[0]).toMatch(/newer or unknown format version/);
  });

  it('rejects numbers JSON turns into Infinity', () => {
    const r = parseScenarioText(exampleText.replace('"horizon_s": 600', '"horizon_s": 1e999'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.path).toBe('horizon_s');
  });
});

describe('JSON syntax errors give line and column', () => {
  it.each([
    ['{"a": }', 1, 7, 'expected a value'],
    ['{\n  "a": 1,\n}', 3, 1, 'expected a property name'],
    ['{"a": 1} x', 1, 10, 'after the end'],
    ['{"a": "b', 1, 9, 'unterminated string'],
    ['[1, 2', 1, 6, 'expected "," or "]"'],
  ])('%j', (text, line, column, msg) => {
    const e = locateJsonError(text);
    expect(e).toMatchObject({ line, column });
    expect(e?.message).toContain(msg);
    const r = parseScenarioText(text);
    expect(!r.ok && r.errors[0]?.message).toContain(`line ${line}, column ${column}`);
  });

  it('accepts what JSON.parse accepts', () => {
    expect(locateJsonError(exampleText)).toBeNull();
  });
});

describe('assets/scenario.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema`)', () => {
    const committed = fs.readFileSync(path.join(root, 'assets/scenario.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});

describe('a scenario with a huge number of problems', () => {
  it('lists the first MAX_LISTED_ISSUES and says how many more there are', () => {
    const r = validateScenario({
      format: 'headroom.scenario/v1', name: 'many',
      serving: { services: [{ id: 'a', arrivals: { process: 'trace', path: 't.csv' }, replicas: 1, service_time_ms: 1, latency_budget_ms: 1 }] },
      readiness: Array.from({ length: 100_000 }, () => ({ bogus: true })),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(r.errors.at(-1)).toEqual({ path: '(scenario)', message: expect.stringMatching(/^and [\d,]+ more problems like these \(only the first 200 are listed\)$/) as string });
  });
});
