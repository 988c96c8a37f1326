// Fields ignored in some configurations (simulation/scenario/ignored-fields.ts). For every rule:
// it names the field where the field is ignored, and the engine proves it — two values of the
// field give identical results, figures and analytic blocks alike; where the field matters the
// rule is silent, and the same two values give different results (so the comparison can fail).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath, ignoredFields, mergeReplications, runReplication, validateScenario, type Scenario } from '../../../simulation';

type Raw = Record<string, unknown>;
type Path = (string | number)[];

function scenario(raw: Raw): Scenario {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'ignored fields', replications: 2, ...raw });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** Deep copy of `raw` with the value at each path set (undefined deletes it). */
function withValues(raw: Raw, values: [Path, unknown][]): Raw {
  const copy = structuredClone(raw);
  for (const [p, value] of values) {
    let node = copy as Record<string | number, unknown>;
    for (const key of p.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = p[p.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}

/** Everything a run gives but the header's echo of the scenario and the engine's own counters. */
function simulate(s: Scenario): unknown {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  const { engine: _engine, horizon_s: _h, warmup_s: _w, ...figures } = mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 });
  return JSON.parse(JSON.stringify(figures));
}

/** Same shape and values, numbers within a relative tolerance. */
function expectClose(a: unknown, b: unknown, rel: number, at = '(doc)'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), at).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b)));
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    expect(Object.keys(a), at).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expectClose((a as Raw)[k], (b as Raw)[k], rel, `${at}.${k}`);
  } else {
    expect(a, at).toEqual(b);
  }
}

const pathsOf = (s: Scenario, includeUnset = false) => ignoredFields(s, { includeUnset }).map((f) => f.path);

const service = {
  id: 'api', arrivals: { process: 'poisson', rate_rps: 50 }, replicas: 2, concurrency: 1,
  service_time_ms: { dist: 'exponential', mean: 30 }, latency_budget_ms: 200,
};
const serving = (extra: Raw = {}): Raw => ({ horizon_s: 120, serving: { services: [{ ...service, ...extra }] } });
const SVC: Path = ['serving', 'services', 0];

const steps = { dist: 'lognormal', mean: 1, cv: 0.3 };
const job = (id: string, arrival: number, units: number, stepsCount: number, priority = 0) =>
  ({ id, pool: 'gpu', arrival_s: arrival, units, steps: stepsCount, step_time_s: steps, priority });
const cluster = (extra: Raw = {}): Raw => ({
  horizon_s: 3600,
  cluster: {
    pools: [{ id: 'gpu', units: 16, units_per_node: 4 }],
    jobs: [job('low', 0, 16, 400), job('mid', 1, 16, 100), job('high', 2, 16, 900)],
    ...extra,
  },
});

const task = (id: string, extra: Raw = {}) =>
  ({ id, duration_s: { dist: 'lognormal', mean: 60, cv: 0.5 }, failure_probability: 0.2, retries: 2, retry_delay_s: 30, ...extra });
const pipeline = (tasks: Raw[], extra: Raw = {}): Raw => ({ pipeline: { runs: 200, tasks, edges: [['a', 'b']], ...extra } });
const T = (i: number, field: string): Path => ['pipeline', 'tasks', i, field];
/** A pool both tasks use, so that runs contend for it. */
const pooled = (tasks: Raw[], extra: Raw = {}): Raw => ({
  horizon_s: 2000,
  cluster: { pools: [{ id: 'gpu', units: 8 }] },
  ...pipeline(tasks.map((t) => ({ ...t, pool: 'gpu', units: 8 })), extra),
});

interface Case {
  name: string;
  /** The fields the rule names, and two values of them to compare. */
  fields: Path[];
  a: unknown[];
  b: unknown[];
  /** A scenario where the rule applies, and one where the fields matter. */
  ignored: Raw;
  matters: Raw;
  message: RegExp;
  /**
   * Relative tolerance of the comparison, for a field that only moves events that change no state
   * (autoscaler ticks split the time integrals, so sums differ in the last bits).
   */
  rel?: number;
}

const cases: Case[] = [
  {
    name: 'service_time_ms with batching',
    fields: [[...SVC, 'service_time_ms']],
    a: [{ dist: 'exponential', mean: 30 }], b: [{ dist: 'fixed', value: 80 }],
    ignored: serving({ batching: { max_batch: 4, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 5 } } }),
    matters: serving(),
    message: /batching/,
  },
  {
    name: 'batching.max_wait_ms with max_batch 1',
    fields: [[...SVC, 'batching', 'max_wait_ms']],
    a: [20], b: [0],
    ignored: serving({ batching: { max_batch: 1, max_wait_ms: 0, batch_time_ms: { base: 10, per_item: 20 } } }),
    matters: serving({ batching: { max_batch: 4, max_wait_ms: 0, batch_time_ms: { base: 10, per_item: 20 } } }),
    message: /max_batch is 1/,
  },
  {
    name: 'timeout_ms with queue_limit 0',
    fields: [[...SVC, 'timeout_ms']],
    a: [5], b: [undefined],
    ignored: serving({ queue_limit: 0 }),
    matters: serving({ queue_limit: 1000 }),
    message: /queue_limit is 0/,
  },
  {
    name: 'autoscaling with min_replicas = max_replicas',
    fields: ['target_utilization', 'interval_s', 'cold_start_s', 'cooldown_s'].map((f) => [...SVC, 'autoscaling', f]),
    a: [0.5, 5, 3, 10], b: [0.9, 7, 0, 0],
    ignored: serving({ autoscaling: { min_replicas: 2, max_replicas: 2, target_utilization: 0.7, interval_s: 5 } }),
    matters: serving({ autoscaling: { min_replicas: 1, max_replicas: 4, target_utilization: 0.7, interval_s: 5 } }),
    message: /min_replicas equals max_replicas/,
    rel: 1e-12,
  },
  {
    name: 'scheduler.preemption without the priority policy',
    fields: [['cluster', 'scheduler', 'preemption']],
    a: [true], b: [false],
    ignored: cluster({ scheduler: { policy: 'fifo' }, jobs: [job('low', 0, 16, 400), job('high', 10, 8, 100, 5)] }),
    matters: cluster({ scheduler: { policy: 'priority' }, jobs: [job('low', 0, 16, 400), job('high', 10, 8, 100, 5)] }),
    message: /only the "priority" policy preempts/,
  },
  {
    name: 'a job\'s priority without the priority policy',
    fields: [['cluster', 'jobs', 2, 'priority']],
    a: [5], b: [0],
    ignored: cluster({ scheduler: { policy: 'sjf' } }),
    matters: cluster({ scheduler: { policy: 'priority' } }),
    message: /"sjf" policy does not order jobs by priority/,
  },
  {
    name: 'scheduler.placement when every pool is one node',
    fields: [['cluster', 'scheduler', 'placement']],
    a: ['spread'], b: ['pack'],
    ignored: cluster({
      pools: [{ id: 'gpu', units: 8 }], jobs: [job('one', 0, 4, 500), job('two', 5, 2, 500)], scheduler: {},
      stragglers: { slow_node_probability: 0.5, slowdown: 3 }, failures: { node_mtbf_s: 600, repair_s: 60 },
    }),
    matters: cluster({
      pools: [{ id: 'gpu', units: 8, units_per_node: 2 }], jobs: [job('one', 0, 4, 500), job('two', 5, 2, 500)], scheduler: {},
      stragglers: { slow_node_probability: 0.5, slowdown: 3 }, failures: { node_mtbf_s: 600, repair_s: 60 },
    }),
    message: /every pool is a single node/,
  },
  {
    name: 'stragglers.slowdown when no node is slow',
    fields: [['cluster', 'stragglers', 'slowdown']],
    a: [3], b: [1],
    ignored: cluster({ stragglers: { slow_node_probability: 0 } }),
    matters: cluster({ stragglers: { slow_node_probability: 0.5 } }),
    message: /slow_node_probability is 0/,
  },
  {
    name: 'stragglers.backup_workers without that mitigation',
    fields: [['cluster', 'stragglers', 'backup_workers']],
    a: [3], b: [1],
    ignored: cluster({ jobs: [job('one', 0, 8, 500)], stragglers: { mitigation: 'blacklist', slow_node_probability: 0.3, slowdown: 2 } }),
    matters: cluster({ jobs: [job('one', 0, 8, 500)], stragglers: { mitigation: 'backup_workers', slow_node_probability: 0.3, slowdown: 2 } }),
    message: /mitigation is "blacklist"/,
  },
  {
    name: 'horizon_s and warmup_s of a pipeline without pools',
    fields: [['horizon_s'], ['warmup_s']],
    a: [100, 10], b: [5000, 0],
    ignored: pipeline([task('a'), task('b')]),
    matters: pooled([task('a'), task('b')]),
    message: /without cluster pools/,
  },
  {
    name: 'pipeline.run_interval_s without pools',
    fields: [['pipeline', 'run_interval_s']],
    a: [10], b: [500],
    ignored: pipeline([task('a'), task('b')]),
    matters: pooled([task('a'), task('b')]),
    message: /no task holds units of a cluster pool/,
  },
  {
    name: 'a task\'s units without a pool',
    fields: [T(1, 'units')],
    a: [8], b: [1],
    ignored: { horizon_s: 2000, cluster: { pools: [{ id: 'gpu', units: 8 }] }, ...pipeline([task('a', { pool: 'gpu', units: 4 }), task('b')], { run_interval_s: 10 }) },
    matters: { horizon_s: 2000, cluster: { pools: [{ id: 'gpu', units: 8 }] }, ...pipeline([task('a', { pool: 'gpu', units: 4 }), task('b', { pool: 'gpu' })], { run_interval_s: 10 }) },
    message: /has no pool/,
  },
  {
    name: 'the trigger rule of a task without upstream',
    fields: [T(0, 'trigger_rule')],
    a: ['all_failed'], b: ['all_success'],
    ignored: pipeline([task('a'), task('b')]),
    // Task b has an upstream; `matters` swaps the edge so that a does.
    matters: pipeline([task('a'), task('b')], { edges: [['b', 'a']] }),
    message: /no upstream task/,
  },
  {
    name: 'retries of a task that never fails',
    fields: [T(0, 'retries'), T(0, 'retry_delay_s')],
    a: [3, 300], b: [0, 0],
    ignored: pipeline([task('a', { failure_probability: 0 }), task('b')]),
    matters: pipeline([task('a', { failure_probability: 0.3 }), task('b')]),
    message: /no attempt of this task ever fails/,
  },
  {
    name: 'retry settings of a task without retries',
    fields: [T(0, 'retry_delay_s'), T(0, 'retry_exponential_backoff'), T(0, 'max_retry_delay_s')],
    a: [300, true, 100], b: [0, false, undefined],
    ignored: pipeline([task('a', { retries: 0 }), task('b')]),
    matters: pipeline([task('a', { retries: 3 }), task('b')]),
    message: /retries is 0/,
  },
  {
    name: 'max_retry_delay_s without exponential backoff',
    fields: [T(0, 'max_retry_delay_s')],
    a: [40], b: [undefined],
    ignored: pipeline([task('a', { retries: 3, failure_probability: 0.5, retry_delay_s: 100 }), task('b')]),
    matters: pipeline([task('a', { retries: 3, failure_probability: 0.5, retry_delay_s: 100, retry_exponential_backoff: true }), task('b')]),
    message: /caps the exponential backoff only/,
  },
  {
    name: 'backoff without exponential backoff',
    fields: [T(0, 'backoff')],
    a: ['airflow'], b: ['exact'],
    ignored: pipeline([task('a', { retries: 3, failure_probability: 0.5, retry_delay_s: 100 }), task('b')]),
    matters: pipeline([task('a', { retries: 3, failure_probability: 0.5, retry_delay_s: 100, retry_exponential_backoff: true }), task('b')]),
    message: /how the exponential backoff is computed/,
  },
];

describe('ignoredFields', () => {
  for (const c of cases) {
    const values = (v: unknown[]) => c.fields.map((f, i): [Path, unknown] => [f, v[i]]);
    const paths = c.fields.map((f) => formatPath(f));

    it(`${c.name}: names the field, and the engine gives identical results for two values`, () => {
      const a = scenario(withValues(c.ignored, values(c.a)));
      const b = scenario(withValues(c.ignored, values(c.b)));
      const listed = ignoredFields(a, { includeUnset: true }).filter((f) => paths.includes(f.path));
      expect(listed.map((f) => f.path)).toEqual(paths);
      for (const f of listed) expect(f.message).toMatch(c.message);
      // Set to something else than the default: listed without includeUnset too.
      expect(pathsOf(a).filter((p) => paths.includes(p)).length).toBeGreaterThan(0);
      if (c.rel === undefined) expect(simulate(a)).toEqual(simulate(b));
      else expectClose(simulate(a), simulate(b), c.rel);
    });

    it(`${c.name}: not named where the field matters, and there it changes the results`, () => {
      const a = scenario(withValues(c.matters, values(c.a)));
      const b = scenario(withValues(c.matters, values(c.b)));
      expect(pathsOf(a, true).filter((p) => paths.includes(p))).toEqual([]);
      expect(simulate(a)).not.toEqual(simulate(b));
    });
  }

  it('lists a field left at its default only with includeUnset', () => {
    const s = scenario(serving({ service_time_ms: undefined, batching: { max_batch: 4, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 5 } } }));
    expect(pathsOf(s)).toEqual([]);
    expect(pathsOf(s, true)).toEqual(['serving.services[0].service_time_ms']);
    const p = scenario(pipeline([task('a', { retries: 0, retry_delay_s: 0 }), task('b')]));
    expect(pathsOf(p)).toEqual([]);
    expect(pathsOf(p, true)).toEqual([
      'horizon_s', 'warmup_s', 'pipeline.run_interval_s',
      'pipeline.tasks[0].units', 'pipeline.tasks[0].trigger_rule',
      'pipeline.tasks[0].retry_delay_s', 'pipeline.tasks[0].retry_exponential_backoff', 'pipeline.tasks[0].backoff', 'pipeline.tasks[0].max_retry_delay_s',
      'pipeline.tasks[1].units', 'pipeline.tasks[1].max_retry_delay_s', 'pipeline.tasks[1].backoff',
    ]);
  });

  it('says why and what to do, in the form of a validation message', () => {
    const s = scenario(withValues(serving({ queue_limit: 0 }), [[[...SVC, 'timeout_ms'], 50]]));
    expect(ignoredFields(s)).toEqual([{
      path: 'serving.services[0].timeout_ms',
      message: 'ignored: queue_limit is 0, so no request ever waits (one that cannot start at once is rejected) and timeout_ms drops waiting requests only; raise queue_limit to use it',
    }]);
  });

  it('keeps timeout_ms with queue_limit 0 when replicas fail (their requests wait again)', () => {
    const s = scenario(serving({ queue_limit: 0, timeout_ms: 50, replica_failures: { mtbf_s: 30, restart_s: 5 } }));
    expect(pathsOf(s, true)).toEqual([]);
  });

  it('finds nothing set in vain in the bundled examples', () => {
    const dir = path.resolve(__dirname, '../../../assets/examples');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const r = validateScenario(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
      expect(ignoredFields(r.scenario), file).toEqual([]);
    }
  });
});
