// One replication of a scenario: the simulated sections on their own random streams, derived
// from the scenario seed and the replication index. The outcome is plain data so a worker
// thread can post it; `mergeReplications` turns a set of them into the result document.
// Each section starts its models on a simulator and returns a collector for its figures; a new
// section (pipeline, cluster) adds its own starter and its key in ReplicationOutcome.
import { runClusterReplication } from '../cluster/run';
import type { ClusterReplication } from '../cluster/types';
import { pipelineUsesPools, runPipelineSection } from '../pipeline/section';
import type { PipelineReplication } from '../pipeline/types';
import type { PipelineSampleRun } from '../result/pipeline';
import { Simulator } from '../engine/simulator';
import type { Scenario } from '../scenario/schema';
import type { ServiceReplication } from '../serving/figures';
import { startServing } from '../serving/section';
import type { HostInputs, RunControl, StopReason } from './types';

export interface ReplicationOutcome {
  /** Replication index (0-based). */
  index: number;
  /** Events processed. */
  events: number;
  /** Present when a cap, a cancel or bounded memory stopped the replication early. */
  stopped?: StopReason;
  /** Per service id; empty when the scenario has no serving section. */
  serving: Record<string, ServiceReplication>;
  /** The cluster section's figures (its own simulator, seconds clock, stopped at horizon_s). */
  cluster?: ClusterReplication;
  /** The pipeline section's figures (when its tasks hold pool units, from the cluster's simulation). */
  pipeline?: PipelineReplication;
  /** Replication 0: its first pipeline runs task by task (the result's `pipeline.sample_runs`). */
  pipelineSamples?: PipelineSampleRun[];
}

export function runReplication(scenario: Scenario, index: number, given: RunControl = {}, inputs: HostInputs = {}): ReplicationOutcome {
  const outcome: ReplicationOutcome = { index, events: 0, serving: {} };
  const control = wallCapFromHere(given);
  if (scenario.cluster && !pipelineUsesPools(scenario)) {
    const run = runClusterReplication(scenario, index, control, inputs);
    outcome.cluster = run.figures;
    outcome.events += run.events;
    if (run.stopped) outcome.stopped = run.stopped;
  }
  if (scenario.pipeline) {
    // Tasks that hold pool units run inside the cluster's simulation, which then gives the cluster's figures too.
    const run = runPipelineSection(scenario, index, control, inputs);
    outcome.pipeline = run.figures;
    if (run.samples) outcome.pipelineSamples = run.samples;
    if (run.cluster) outcome.cluster = run.cluster;
    outcome.events += run.events;
    if (run.stopped) outcome.stopped ??= run.stopped;
  }
  if (!scenario.serving) return outcome;
  // Serving runs on a millisecond clock. Arrivals stop at the horizon; requests still in the
  // system are then served to completion.
  const sim = new Simulator();
  const collectServing = startServing(sim, scenario, index, inputs);
  const stopped = sim.run(Infinity, control, scenario.horizon_s * 1000);
  outcome.events += sim.events;
  if (stopped) outcome.stopped = stopped;
  outcome.serving = collectServing();
  return outcome;
}

/**
 * The wall-clock cap covers the whole replication, its models' set-up included: each section's
 * simulator measures its cap from when its own run starts, so each is given what is left of the
 * replication's cap (read from the clock as it is asked for). A section whose set-up used up the
 * cap stops at its first check, flagged `max_wall_s`.
 */
export function wallCapFromHere(control: RunControl): RunControl {
  const { now, maxWallMs } = control;
  if (!now || maxWallMs === undefined) return control;
  const deadline = now() + maxWallMs;
  return {
    ...control,
    get maxWallMs() {
      return Math.max(0, deadline - now());
    },
  };
}
