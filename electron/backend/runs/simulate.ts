// One simulation: replications over worker threads, then the merge into a result document.
// The CLI and the app's run manager both come through here.
import { mergeReplications, type HostInputs, type ReplicationOutcome, type ResultDocument, type Scenario } from '../../../simulation';
import { withJobTraces } from '../traces/job-trace-loader';
import { runInWorkers, type PoolOptions } from './run-pool';

export interface SimulateOutcome {
  /** Null only when the run was cancelled before any replication finished. */
  result: ResultDocument | null;
  cancelled: boolean;
  /** The replications' outcomes by index (a comparison pairs them). */
  outcomes: ReplicationOutcome[];
}

export async function simulate(scenario: Scenario, sha256: string, options: PoolOptions = {}, inputs: HostInputs = {}): Promise<SimulateOutcome> {
  // A cluster job trace the caller did not load (the app's run path) is read here.
  inputs = withJobTraces(scenario, inputs);
  const pool = await runInWorkers(scenario, inputs, options);
  if (pool.outcomes.length === 0) return { result: null, cancelled: true, outcomes: [] };
  const stoppedBy = pool.cancelled ? 'cancelled' : pool.capped ? 'max_wall_s' : null;
  const result = mergeCase({ scenario, sha256, inputs }, pool.outcomes, pool.wallMs, stoppedBy);
  return { result, cancelled: pool.cancelled, outcomes: pool.outcomes };
}

/**
 * The result document of a scenario's finished replications. After a cancel, or once the
 * wall-clock cap stopped further replications from starting, only the finished ones are merged
 * and the document says so (`stoppedBy`). Runs, sweep points and the merge of shards
 * (../shard/) all come through here, so the same outcomes give the same bytes.
 */
export function mergeCase(
  c: { scenario: Scenario; sha256: string; inputs?: HostInputs },
  outcomes: readonly ReplicationOutcome[],
  wallMs: number,
  stoppedBy: 'cancelled' | 'max_wall_s' | null = null,
): ResultDocument {
  const merged = mergeReplications({ ...c.scenario, replications: outcomes.length }, outcomes, { sha256: c.sha256, wallMs }, c.inputs);
  return stoppedBy && !merged.truncated ? { ...merged, truncated: { reason: stoppedBy } } : merged;
}
