// An estimate, from the scenario alone (plus the trace rows a host has read), of the memory the
// engine needs to run it: what a worker thread allocates for one replication (per replica and
// slot, per node and unit, per job and task, per trace row, each service's chart buckets and
// latency histograms) plus what the host keeps of every replication until the merge. Validation
// refuses a scenario whose estimate exceeds MAX_ENGINE_BYTES, naming the field that weighs most,
// so a typo such as 4294967296 replicas fails in `validate` instead of crashing a run.
// The byte costs are rounded up from the engine's typed arrays (serving/replica-pool.ts,
// serving/series.ts, stats/histogram.ts, cluster/pool-state.ts, pipeline/dag.ts).
import { unitsPerNode } from '../cluster/pool-state';
import type { HostInputs } from '../run/types';
import { MAX_BUCKETS } from '../serving/series';
import { MAX_ENGINE_BYTES } from './limits';
import { formatPath, type ValidationIssue } from './rules';
import type { Scenario } from './schema';

/** Per replica: state, generation and busy count. */
const REPLICA_BYTES = 16;
/** Per slot (replica × concurrency): six typed-array entries. */
const SLOT_BYTES = 40;
/** Per request a slot may hold in a batch: arrival and join times. */
const BATCH_ITEM_BYTES = 16;
/** Per service and replication in a worker: the chart buckets' coarse histograms (2,560 bins of
 *  4 bytes each, per bucket) and the exact latency histograms' pages. */
const SERVICE_WORKING_BYTES = MAX_BUCKETS * 2560 * 4 + 512 * 1024;
/** Per service and replication kept by the host until the merge (figures and chart series). */
const SERVICE_RETAINED_BYTES = 16 * 1024;
/** Per trace row: a float64 in the host and another in each worker. */
const TRACE_ROW_BYTES = 16;
/** Per cluster node: typed-array entries, its job list, failure and repair samplers. */
const NODE_BYTES = 256;
/** Per unit: the step sampler's per-worker times. */
const UNIT_BYTES = 16;
/** Per cluster job: the job object, its random stream and step sampler. */
const JOB_BYTES = 1024;
/** Per pipeline task: the per-task arrays of the evaluator and the collector. */
const TASK_BYTES = 512;

export interface EstimatePart {
  /** JSON path of the field that sets this part's size. */
  path: string;
  /** What it counts, e.g. "4294967296 replicas". */
  what: string;
  bytes: number;
}

export interface ResourceEstimate {
  bytes: number;
  parts: EstimatePart[];
}

/** The memory the engine needs for `s`, by part. `inputs` adds the trace rows a host has read. */
export function estimateResources(s: Scenario, inputs: HostInputs = {}): ResourceEstimate {
  const parts: EstimatePart[] = [];
  const add = (path: (string | number)[], what: string, bytes: number) => parts.push({ path: formatPath(path), what, bytes });
  const services = s.serving?.services ?? [];
  if (services.length > 0) {
    add(['serving', 'services'], `${services.length} service${services.length === 1 ? '' : 's'} × ${s.replications} replications`,
      services.length * (SERVICE_WORKING_BYTES + SERVICE_RETAINED_BYTES * s.replications));
  }
  const seenTraces = new Set<ArrayLike<number>>();
  services.forEach((svc, i) => {
    const reps = svc.autoscaling ? svc.autoscaling.max_replicas : svc.replicas;
    const batch = svc.batching?.max_batch ?? 1;
    const what = `${reps} replicas${svc.concurrency > 1 ? ` × ${svc.concurrency} concurrency` : ''}${batch > 1 ? ` × ${batch} per batch` : ''}`;
    const field = svc.autoscaling ? ['autoscaling', 'max_replicas'] : ['replicas'];
    add(['serving', 'services', i, ...field], what, reps * (REPLICA_BYTES + svc.concurrency * (SLOT_BYTES + batch * BATCH_ITEM_BYTES)));
    const trace = inputs.traces?.[svc.id];
    if (trace && !seenTraces.has(trace)) {
      seenTraces.add(trace);
      add(['serving', 'services', i, 'arrivals', 'path'], `${trace.length} trace rows`, trace.length * TRACE_ROW_BYTES);
    }
  });
  const c = s.cluster;
  if (c) {
    c.pools.forEach((p, i) => {
      const nodes = Math.ceil(p.units / unitsPerNode(p));
      add(['cluster', 'pools', i, 'units'], `${p.units} units on ${nodes} nodes`, nodes * NODE_BYTES + p.units * UNIT_BYTES);
    });
    if (c.jobs.length > 0) add(['cluster', 'jobs'], `${c.jobs.length} jobs`, c.jobs.length * JOB_BYTES);
    if (c.job_generator) add(['cluster', 'job_generator', 'count'], `${c.job_generator.count} generated jobs`, c.job_generator.count * JOB_BYTES);
    const traced = Object.values(inputs.jobs ?? {}).reduce((n, jobs) => n + jobs.length, 0);
    if (traced > 0) add(['cluster', 'job_trace', 'path'], `${traced} traced jobs`, traced * JOB_BYTES);
  }
  const p = s.pipeline;
  if (p) {
    const n = p.tasks.length;
    // The DAG keeps each task's descendants as a bit set: n² bits.
    add(['pipeline', 'tasks'], `${n} tasks`, n * TASK_BYTES + Math.ceil((n * n) / 8));
  }
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

/** "96 GiB", "512 MiB": binary units, two significant figures at most. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes, u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${u === 0 ? v : Number(v.toPrecision(v >= 10 ? 3 : 2))} ${units[u]}`;
}

/** A refusal naming the heaviest field when the estimate exceeds `limit` (MAX_ENGINE_BYTES). */
export function resourceIssues(s: Scenario, inputs: HostInputs = {}, limit = MAX_ENGINE_BYTES): ValidationIssue[] {
  const est = estimateResources(s, inputs);
  if (est.bytes <= limit) return [];
  const top = est.parts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const whole = top.bytes < est.bytes * 0.9 ? ` (the whole scenario about ${formatBytes(est.bytes)})` : '';
  return [{ path: top.path, message: `${top.what} need about ${formatBytes(top.bytes)}${whole}; the limit is ${formatBytes(limit)}` }];
}
