// The pipeline section of one replication. Replication i executes ⌊runs/R⌋ runs, plus one if
// i < runs mod R (scenario-format.md, `pipeline.runs`).
//   - No task holds pool units: every run is an independent execution from t = 0, evaluated
//     directly (direct.ts); the horizon does not bound it, the event cap does.
//   - Tasks hold units of cluster pools: the runs share one simulation with the cluster's jobs
//     (pooled.ts on the cluster model's `hold` / `release`): run k starts at k × run_interval_s
//     (default horizon_s / runs), and the simulation continues past horizon_s until the last run
//     is final. The cluster's own figures come from that same simulation.
// Replication 0 also traces its first runs, task by task, for the result's `sample_runs`
// (segments.ts); tracing keeps the draws it makes, so it changes no figure.
import { createClusterModel } from '../cluster/run';
import type { ClusterReplication } from '../cluster/types';
import { Simulator } from '../engine/simulator';
import type { PipelineSampleRun } from '../result/pipeline';
import type { HostInputs, RunControl, StopReason } from '../run/types';
import type { Scenario } from '../scenario/schema';
import { compileDag, type Dag } from './dag';
import { runPipelineDirect } from './direct';
import { PooledPipeline } from './pooled';
import { boundedSample, SAMPLE_MAX_TASKS, SAMPLE_RUNS } from './segments';
import type { PipelineReplication } from './types';

export interface PipelineSectionRun {
  figures: PipelineReplication;
  events: number;
  stopped?: StopReason;
  /** Present when the pipeline ran inside the cluster's simulation (tasks with pools). */
  cluster?: ClusterReplication;
  /** Replication 0: its first runs task by task, bounded (segments.ts: boundedSample). */
  samples?: PipelineSampleRun[];
}

/** Runs executed by replication `index` of `replications`. */
export function runsOfReplication(runs: number, replications: number, index: number): number {
  return Math.floor(runs / replications) + (index < runs % replications ? 1 : 0);
}

/** True when some task holds units of a cluster pool (the pipeline then runs inside the cluster's simulation). */
export function pipelineUsesPools(s: Scenario): boolean {
  return s.cluster !== undefined && (s.pipeline?.tasks.some((t) => t.pool !== undefined) ?? false);
}

/** Time between run starts: run_interval_s, by default horizon_s / runs. */
export function runInterval(s: Scenario): number {
  const p = s.pipeline;
  if (!p) return s.horizon_s;
  return p.run_interval_s ?? s.horizon_s / p.runs;
}

export function runPipelineSection(s: Scenario, index: number, control: RunControl = {}, inputs: HostInputs = {}): PipelineSectionRun {
  const spec = s.pipeline;
  if (!spec) throw new Error('runPipelineSection: the scenario has no pipeline section');
  const runs = runsOfReplication(spec.runs, s.replications, index);
  const dag = compileDag(spec);
  const sample = index === 0 && spec.tasks.length <= SAMPLE_MAX_TASKS ? Math.min(SAMPLE_RUNS, runs) : 0;
  const out = pipelineUsesPools(s)
    ? runWithCluster(s, index, runs, control, inputs, dag, sample)
    : runPipelineDirect(spec, { seed: s.seed, replication: index, runs, dag, sample }, control);
  if (out.samples) {
    const bounded = boundedSample(out.samples);
    if (bounded.length > 0) out.samples = bounded;
    else delete out.samples;
  }
  return out;
}

/**
 * Pipeline runs and cluster jobs in one simulation (seconds clock). The cluster model comes from
 * the same factory as a cluster-only replication (../cluster/run.ts); the cluster still
 * stops its jobs at horizon_s, and the simulation goes on until the last pipeline run is final.
 */
function runWithCluster(s: Scenario, index: number, runs: number, control: RunControl, inputs: HostInputs, dag: Dag, sample: number): PipelineSectionRun {
  const spec = s.pipeline as NonNullable<Scenario['pipeline']>;
  const sim = new Simulator();
  const cluster = createClusterModel(sim, s, index, inputs);
  const interval = runInterval(s);
  const pipeline = new PooledPipeline(sim, spec, cluster, { seed: s.seed, replication: index, runs, interval, dag, trace: sample });
  cluster.start();
  pipeline.start();
  // After the cluster's own horizon event (same time, scheduled later): once the cluster has
  // stopped its jobs, requests still waiting are made again so they see the freed units.
  sim.scheduleAt(s.horizon_s, () => cluster.instant.request(() => pipeline.requeueWaiting()));
  const span = Math.max(s.horizon_s, (runs - 1) * interval);
  const stopped = sim.run(Infinity, control, span);
  const out: PipelineSectionRun = { figures: pipeline.figures(), events: sim.events, cluster: cluster.figures() };
  if (stopped) out.stopped = stopped;
  if (sample > 0) out.samples = pipeline.samples;
  return out;
}
