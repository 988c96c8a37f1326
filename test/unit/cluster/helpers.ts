// Shared builders for the cluster tests: scenarios from a cluster section, one replication run
// directly on the model (to see per-job records and observations), or all replications merged.
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario } from '../../../simulation';
import { ClusterModel, type ClusterObservation, type ClusterOptions } from '../../../simulation/cluster/cluster-model';
import type { ClusterReplication } from '../../../simulation/cluster/types';
import { Simulator } from '../../../simulation/engine/simulator';
import type { ScenarioInput } from '../../../simulation/scenario/schema';

export type ClusterInput = NonNullable<ScenarioInput['cluster']>;

/**
 * A 4-node job that fails and checkpoints: the job's MTBF is 50,000 s (node MTBF 200,000 s over
 * 4 nodes) and a checkpoint costs C = 60 s, so Young/Daly's interval √(2 · MTBF_job · C) is 2,449 s.
 */
export const FAILING_4_NODE_JOB = {
  pools: [{ id: 'gpu', units: 64, units_per_node: 8 }],
  jobs: [{ id: 'train', pool: 'gpu', arrival_s: 0, units: 32, steps: 200_000, step_time_s: 10 }],
  failures: { node_mtbf_s: 200_000, repair_s: 3600, checkpoint_interval_s: 1000, checkpoint_cost_s: 60, restart_overhead_s: 120 },
} as const satisfies ClusterInput;

export function clusterScenario(cluster: ClusterInput, top: Partial<ScenarioInput> = {}): Scenario {
  const parsed = validateScenario({ format: 'headroom.scenario/v1', name: 'cluster test', replications: 1, horizon_s: 1e7, ...top, cluster });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

export interface ModelRun {
  model: ClusterModel;
  sim: Simulator;
  figures: ClusterReplication;
  observations: ClusterObservation[];
  /** Completion time by job id (null: unfinished). */
  completion: Map<string, number | null>;
  firstStart: Map<string, number | null>;
}

export function runModel(s: Scenario, replication = 0, opts: Partial<ClusterOptions> = {}): ModelRun {
  const sim = new Simulator();
  const observations: ClusterObservation[] = [];
  const model = new ClusterModel(sim, s.cluster!, {
    seed: s.seed, replication, warmup: s.warmup_s, horizon: s.horizon_s,
    observe: (e) => observations.push(e), ...opts,
  });
  model.start();
  sim.run(s.horizon_s);
  const figures = model.figures();
  const records = model.jobRecords();
  return {
    model, sim, figures, observations,
    completion: new Map(records.map((r) => [r.id, r.completion])),
    firstStart: new Map(records.map((r) => [r.id, r.firstStart])),
  };
}

export function simulateAll(s: Scenario): ResultDocument {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  return mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 });
}

export const harmonic = (n: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
