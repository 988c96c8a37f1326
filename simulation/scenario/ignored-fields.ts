// Fields a valid scenario may set that, given its other fields, neither the engine nor the
// analytic figures read: `headroom validate` warns about them and the editor's form shows them
// disabled with the reason. Each rule names the code that would read the field; the tests run
// the engine with two values of each field and get identical results. (Fields read only by the
// analytic figures, such as allocated_units or checkpoint_cost_s without checkpoints, are not
// ignored and are not listed.)
import { unitsPerNode } from '../cluster/pool-state';
import type { Dist } from './dist-schema';
import { formatPath } from './rules';
import type { Scenario, ServiceSpec, TaskSpec } from './schema';

export interface IgnoredField {
  /** JSON path, spelled as validation issues spell it (`serving.services[0].service_time_ms`). */
  path: string;
  /** Why the field is ignored and what to change to make it count. */
  message: string;
}

export interface IgnoredFieldsOptions {
  /**
   * Also list ignored fields that are absent or at their default value (the form disables them
   * too). By default only fields the scenario sets to something else are listed, so a warning
   * never names a field the planner did not write.
   */
  includeUnset?: boolean;
}

type Path = (string | number)[];

const isZeroDist = (d: Dist) => d.dist === 'fixed' && d.value === 0;

export function ignoredFields(s: Scenario, options: IgnoredFieldsOptions = {}): IgnoredField[] {
  const out: IgnoredField[] = [];
  const note = (path: Path, set: boolean, message: string) => {
    if (set || options.includeUnset) out.push({ path: formatPath(path), message });
  };

  // run/replication.ts: a pipeline without pools runs directly (pipeline/direct.ts), with no clock.
  if (s.pipeline && !s.cluster && !s.serving) {
    note(['horizon_s'], s.horizon_s !== 3600 /* the schema's default */,
      'ignored: without cluster pools every pipeline run goes from its start to its end, whatever the horizon; pipeline.runs sets how many runs are simulated');
    note(['warmup_s'], s.warmup_s !== 0,
      'ignored: without cluster pools every pipeline run is counted from its start, so there is no warm-up to leave out');
  }
  if (s.pipeline) pipelineRules(s, note);
  if (s.cluster) clusterRules(s.cluster, note);
  s.serving?.services.forEach((svc, i) => serviceRules(svc, ['serving', 'services', i], note));
  return out;
}

type Note = (path: Path, set: boolean, message: string) => void;

function pipelineRules(s: Scenario, note: Note): void {
  const p = s.pipeline as NonNullable<Scenario['pipeline']>;
  // pipeline/section.ts: run_interval_s spaces runs only in the pooled model.
  const pooled = s.cluster !== undefined && p.tasks.some((t) => t.pool !== undefined);
  if (!pooled) {
    note(['pipeline', 'run_interval_s'], p.run_interval_s !== undefined,
      'ignored: no task holds units of a cluster pool, so the runs do not share anything and each starts at t = 0; give a task a pool to space the runs in time');
  }
  const downstream = new Set(p.edges.map(([, to]) => to));
  p.tasks.forEach((t, i) => {
    const at = (field: string): Path => ['pipeline', 'tasks', i, field];
    // pipeline/pooled.ts: only a task with a pool requests units.
    if (t.pool === undefined) {
      note(at('units'), t.units !== 1, 'ignored: the task has no pool, so it holds no units; set pool to make it hold units of a cluster pool');
    }
    // pipeline/evaluate.ts, pooled.ts, collector.ts: a task without upstream starts with the run.
    if (!downstream.has(t.id)) {
      note(at('trigger_rule'), t.trigger_rule !== 'all_success',
        'ignored: the task has no upstream task, so it starts when the run starts; a trigger rule decides from upstream outcomes only');
    }
    retryRules(t, at, note);
  });
}

/** pipeline/attempts.ts: retries follow failed attempts only; the cap applies to the backoff only. */
function retryRules(t: TaskSpec, at: (field: string) => Path, note: Note): void {
  const canFail = t.failure_probability > 0 || t.timeout_s !== undefined;
  const neverFails = 'ignored: no attempt of this task ever fails (failure_probability is 0 and there is no timeout_s), so it never retries';
  if (!canFail) note(at('retries'), t.retries !== 0, neverFails);
  const noRetry = !canFail ? neverFails : t.retries === 0 ? 'ignored: retries is 0, so the task never waits to retry' : null;
  if (noRetry) {
    note(at('retry_delay_s'), !isZeroDist(t.retry_delay_s), noRetry);
    note(at('retry_exponential_backoff'), t.retry_exponential_backoff, noRetry);
    note(at('backoff'), t.backoff !== 'exact', noRetry);
    note(at('max_retry_delay_s'), t.max_retry_delay_s !== undefined, noRetry);
  } else if (!t.retry_exponential_backoff) {
    note(at('max_retry_delay_s'), t.max_retry_delay_s !== undefined,
      'ignored: it caps the exponential backoff only; set retry_exponential_backoff to true to use it');
    note(at('backoff'), t.backoff !== 'exact',
      'ignored: it says how the exponential backoff is computed; set retry_exponential_backoff to true to use it');
  }
}

function clusterRules(c: NonNullable<Scenario['cluster']>, note: Note): void {
  const policy = c.scheduler.policy;
  // cluster/scheduler.ts: only the priority policy reads priorities and preempts.
  if (policy !== 'priority') {
    note(['cluster', 'scheduler', 'preemption'], c.scheduler.preemption,
      `ignored: only the "priority" policy preempts (the policy is "${policy}"); set policy to "priority" to use it`);
    c.jobs.forEach((j, i) => {
      note(['cluster', 'jobs', i, 'priority'], j.priority !== 0,
        `ignored: the "${policy}" policy does not order jobs by priority; set scheduler.policy to "priority" to use it`);
    });
  }
  // cluster/pool-state.ts (place) and analytic/cluster.ts (nodesSpanned): on one node both agree.
  if (c.pools.every((p) => unitsPerNode(p) === p.units)) {
    note(['cluster', 'scheduler', 'placement'], c.scheduler.placement !== 'pack',
      'ignored: every pool is a single node, so "pack" and "spread" place jobs alike; set a pool\'s units_per_node below its units to model several nodes');
  }
  // cluster/cluster-model.ts: slowdown scales slow nodes only; backup workers need the mitigation.
  const st = c.stragglers;
  if (st.slow_node_probability === 0) {
    note(['cluster', 'stragglers', 'slowdown'], st.slowdown !== 1,
      'ignored: slow_node_probability is 0, so no node is slow; set it above 0 to model stragglers');
  }
  if (st.mitigation !== 'backup_workers') {
    note(['cluster', 'stragglers', 'backup_workers'], st.backup_workers !== 1,
      `ignored: the mitigation is "${st.mitigation}", so jobs run no backup workers; set mitigation to "backup_workers" to use it`);
  }
}

/** Request-level fields an `llm` service refuses (scenario/llm-rules.ts): listed for the form, never set. */
const LLM_REFUSED = ['service_time_ms', 'concurrency', 'batching', 'queue_limit', 'timeout_ms', 'autoscaling', 'replica_failures'] as const;

function serviceRules(svc: ServiceSpec, at: Path, note: Note): void {
  if (svc.llm) {
    // A valid llm service cannot set them (validation refuses them), so these only show with includeUnset.
    for (const f of LLM_REFUSED) note([...at, f], false, 'not used with llm: the llm block models the service at token level (llm.scheduler.max_num_seqs replaces concurrency); remove the llm block to use it');
    return;
  }
  const b = svc.batching;
  // serving/service-model.ts (serviceTime) and analytic/summary.ts: batching sets the slot time.
  if (b) {
    note([...at, 'service_time_ms'], svc.service_time_ms !== undefined,
      'ignored: with batching, a batch takes batching.batch_time_ms (base + per_item × batch size); remove batching to use service_time_ms');
    // serving/service-model.ts (join, dispatch): a batch of one never waits for company.
    if (b.max_batch === 1) {
      note([...at, 'batching', 'max_wait_ms'], b.max_wait_ms !== 0,
        'ignored: max_batch is 1, so each request starts alone as soon as a slot is free; raise max_batch to let requests wait to share a batch');
    }
  }
  // serving/service-model.ts (join): with no waiting line only a failed replica's requests wait.
  if (svc.queue_limit === 0 && !svc.replica_failures) {
    note([...at, 'timeout_ms'], svc.timeout_ms !== undefined,
      'ignored: queue_limit is 0, so no request ever waits (one that cannot start at once is rejected) and timeout_ms drops waiting requests only; raise queue_limit to use it');
  }
  // serving/autoscale.ts: the desired count is clamped to [min, max], which is the count itself.
  const a = svc.autoscaling;
  if (a && a.min_replicas === a.max_replicas) {
    const pinned = 'ignored: min_replicas equals max_replicas, so the autoscaler never changes the replica count; widen the range to use it';
    note([...at, 'autoscaling', 'target_utilization'], true, pinned);
    note([...at, 'autoscaling', 'interval_s'], true, pinned);
    note([...at, 'autoscaling', 'cold_start_s'], !isZeroDist(a.cold_start_s), pinned);
    note([...at, 'autoscaling', 'cooldown_s'], a.cooldown_s !== 0, pinned);
  }
}
