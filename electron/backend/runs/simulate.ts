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
  // After a cancel, or once the wall-clock cap stopped further replications from starting, only
  // the finished replications are merged; the document says so.
  const merged = mergeReplications({ ...scenario, replications: pool.outcomes.length }, pool.outcomes, { sha256, wallMs: pool.wallMs }, inputs);
  const stoppedBy = pool.cancelled ? 'cancelled' : pool.capped ? 'max_wall_s' : null;
  const result = stoppedBy && !merged.truncated ? { ...merged, truncated: { reason: stoppedBy } } : merged;
  return { result, cancelled: pool.cancelled, outcomes: pool.outcomes };
}
