// Rules that span fields: references between sections, uniqueness, acyclicity, feasibility.
// Each returns issues with the JSON path of the offending field.
import type { Scenario } from './schema';
import { distMean } from '../random/dist-mean';
import { llmIssues } from './llm-rules';

export interface ValidationIssue {
  path: string;
  message: string;
}

type Path = readonly (string | number)[];

/**
 * A key written bare in a path; any other (empty, blank, with dots, brackets, quotes or control
 * characters) is quoted, `[" "]`, so an unknown field named " " is not reported at path " ".
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be quoted
const PLAIN_KEY = /^[^\s.[\]"'\\\u0000-\u001f\u007f]+$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!PLAIN_KEY.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

export function crossFieldIssues(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatPath(path), message });

  if (!s.pipeline && !s.cluster && !s.serving) {
    add([], 'must have at least one of pipeline, cluster, serving');
  }
  if (s.warmup_s >= s.horizon_s) {
    add(['warmup_s'], `must be less than horizon_s (${s.horizon_s}, got ${s.warmup_s})`);
  }

  const pools = new Map<string, number>();
  if (s.cluster) {
    s.cluster.pools.forEach((p, i) => {
      if (pools.has(p.id)) add(['cluster', 'pools', i, 'id'], `duplicate pool id "${p.id}"`);
      pools.set(p.id, p.units);
      if (p.units_per_node !== undefined && p.units % p.units_per_node !== 0) {
        add(['cluster', 'pools', i, 'units_per_node'], `must divide units (${p.units}, got ${p.units_per_node})`);
      }
      if (p.allocated_units !== undefined && p.allocated_units > p.units) {
        add(['cluster', 'pools', i, 'allocated_units'], `must be at most units (${p.units}, got ${p.allocated_units})`);
      }
    });
    const jobIds = new Set<string>();
    s.cluster.jobs.forEach((j, i) => {
      if (jobIds.has(j.id)) add(['cluster', 'jobs', i, 'id'], `duplicate job id "${j.id}"`);
      jobIds.add(j.id);
      const units = pools.get(j.pool);
      const poolIndex = s.cluster?.pools.findIndex((p) => p.id === j.pool) ?? -1;
      if (units === undefined) add(['cluster', 'jobs', i, 'pool'], `unknown pool "${j.pool}" (pools: ${[...pools.keys()].join(', ')})`);
      else if (j.units > units) {
        add(['cluster', 'jobs', i, 'units'], `${j.units} units do not fit in pool "${j.pool}" (cluster.pools[${poolIndex}].units = ${units})`);
      }
    });
    for (const key of ['job_trace', 'job_generator'] as const) {
      const ref = s.cluster[key];
      if (ref && !pools.has(ref.pool)) add(['cluster', key, 'pool'], `unknown pool "${ref.pool}" (pools: ${[...pools.keys()].join(', ')})`);
    }
    // Generated jobs larger than their pool: an error when every draw is (a fixed size); larger
    // draws of a distribution are capped at the pool's units (docs/cluster.md).
    const gen = s.cluster.job_generator;
    const genUnits = gen ? pools.get(gen.pool) : undefined;
    if (gen && genUnits !== undefined && gen.units.dist === 'fixed' && Math.max(1, Math.round(gen.units.value)) > genUnits) {
      const poolIndex = s.cluster.pools.findIndex((p) => p.id === gen.pool);
      add(['cluster', 'job_generator', 'units'], `${Math.max(1, Math.round(gen.units.value))} units do not fit in pool "${gen.pool}" (cluster.pools[${poolIndex}].units = ${genUnits})`);
    }
  }

  if (s.pipeline) pipelineIssues(s, pools, add);

  if (s.serving) {
    const ids = new Set<string>();
    s.serving.services.forEach((svc, i) => {
      const at = (...rest: (string | number)[]) => ['serving', 'services', i, ...rest];
      if (ids.has(svc.id)) add(at('id'), `duplicate service id "${svc.id}"`);
      ids.add(svc.id);
      if (!svc.batching && !svc.llm && svc.service_time_ms === undefined) add(at('service_time_ms'), 'is required (unless batching or llm is set)');
      llmIssues(svc, (rest, message) => add(at(...rest), message));
      if (svc.service_time_ms !== undefined && !(distMean(svc.service_time_ms) > 0)) {
        add(at('service_time_ms'), 'must have a mean > 0');
      }
      if (svc.batching && svc.batching.batch_time_ms.base + svc.batching.batch_time_ms.per_item <= 0) {
        add(at('batching', 'batch_time_ms'), 'must give a batch time > 0 (base + per_item > 0)');
      }
      const a = svc.autoscaling;
      if (a && a.min_replicas > a.max_replicas) {
        add(at('autoscaling', 'min_replicas'), `must be at most max_replicas (${a.max_replicas}, got ${a.min_replicas})`);
      }
      if (a && (svc.replicas < a.min_replicas || svc.replicas > a.max_replicas)) {
        add(at('replicas'), `must be within autoscaling [min_replicas, max_replicas] = [${a.min_replicas}, ${a.max_replicas}] (got ${svc.replicas})`);
      }
    });
  }
  return issues;
}

function pipelineIssues(s: Scenario, pools: Map<string, number>, add: (path: Path, message: string) => void) {
  const p = s.pipeline;
  if (!p) return;
  if (p.runs < s.replications) add(['pipeline', 'runs'], `must be at least replications (${s.replications}, got ${p.runs})`);
  const index = new Map<string, number>();
  p.tasks.forEach((t, i) => {
    if (index.has(t.id)) add(['pipeline', 'tasks', i, 'id'], `duplicate task id "${t.id}" (also pipeline.tasks[${index.get(t.id)}])`);
    else index.set(t.id, i);
    if (t.pool !== undefined) {
      const units = pools.get(t.pool);
      if (!s.cluster) add(['pipeline', 'tasks', i, 'pool'], `names pool "${t.pool}" but the scenario has no cluster section`);
      else if (units === undefined) add(['pipeline', 'tasks', i, 'pool'], `unknown pool "${t.pool}" (pools: ${[...pools.keys()].join(', ')})`);
      else if (t.units > units) add(['pipeline', 'tasks', i, 'units'], `${t.units} units do not fit in pool "${t.pool}" (${units} units)`);
    }
  });
  const succ = new Map<string, string[]>();
  let edgesOk = true;
  p.edges.forEach(([from, to], i) => {
    if (!index.has(from)) { add(['pipeline', 'edges', i, 0], `unknown task "${from}"`); edgesOk = false; }
    if (!index.has(to)) { add(['pipeline', 'edges', i, 1], `unknown task "${to}"`); edgesOk = false; }
    if (from === to) { add(['pipeline', 'edges', i], `self-loop on "${from}"`); edgesOk = false; }
    const list = succ.get(from) ?? [];
    if (list.includes(to)) add(['pipeline', 'edges', i], `duplicate edge ${from} → ${to}`);
    list.push(to);
    succ.set(from, list);
  });
  if (!edgesOk) return;
  const cycle = findCycle([...index.keys()], succ);
  if (cycle) add(['pipeline', 'edges'], `cycle ${cycle.join(' → ')}`);
}

/**
 * Depth-first search in task order; returns the first cycle found as a closed walk. Iterative
 * (an explicit stack), so a long chain of tasks cannot overflow the call stack.
 */
export function findCycle(nodes: string[], succ: Map<string, string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const stack: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const n = stack[top] as string;
      const out = succ.get(n) ?? [];
      const i = next[top] as number;
      if (i < out.length) {
        next[top] = i + 1;
        const m = out[i] as string;
        const st = state.get(m);
        if (st === 1) return [...stack.slice(stack.indexOf(m)), m];
        if (st === undefined) {
          state.set(m, 1);
          stack.push(m);
          next.push(0);
        }
      } else {
        stack.pop();
        next.pop();
        state.set(n, 2);
      }
    }
  }
  return null;
}
