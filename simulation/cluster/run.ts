// The cluster section of one replication, on its own simulator (a seconds clock) and its own
// random streams ("cluster/…", derived from the scenario seed and the replication index).
import { Simulator } from '../engine/simulator';
import type { HostInputs, RunControl, StopReason } from '../run/types';
import type { ValidationIssue } from '../scenario/rules';
import type { Scenario } from '../scenario/schema';
import { ClusterModel } from './cluster-model';
import { JOB_TRACE_KEY, type ClusterReplication } from './types';

/** What the host must supply before a cluster run (the trace jobs). */
export function clusterSupportIssues(s: Scenario, inputs: HostInputs = {}): ValidationIssue[] {
  if (s.cluster?.job_trace && !inputs.jobs?.[JOB_TRACE_KEY]) {
    return [{ path: 'cluster.job_trace.path', message: 'the trace file was not loaded by the host' }];
  }
  return [];
}

export interface ClusterRun {
  events: number;
  stopped?: StopReason;
  figures: ClusterReplication;
}

/**
 * The cluster model of replication `index` on `sim`, checked and set up once for every host
 * (a cluster-only replication here; pipeline runs contending for pools in ../pipeline/section.ts).
 */
export function createClusterModel(sim: Simulator, s: Scenario, index: number, inputs: HostInputs = {}): ClusterModel {
  const spec = s.cluster;
  if (!spec) throw new Error('createClusterModel: the scenario has no cluster section');
  const issues = clusterSupportIssues(s, inputs);
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return new ClusterModel(sim, spec, {
    seed: s.seed,
    replication: index,
    warmup: s.warmup_s,
    horizon: s.horizon_s,
    trace: inputs.jobs?.[JOB_TRACE_KEY],
    grid: index === 0,
  });
}

export function runClusterReplication(s: Scenario, index: number, control: RunControl = {}, inputs: HostInputs = {}): ClusterRun {
  const sim = new Simulator();
  const model = createClusterModel(sim, s, index, inputs);
  model.start();
  const stopped = sim.run(s.horizon_s, control, s.horizon_s);
  const run: ClusterRun = { events: sim.events, figures: model.figures() };
  if (stopped) run.stopped = stopped;
  return run;
}
