// What switching on an optional block of the cluster section writes: the smallest block that
// validates, with values of a plausible training cluster, for the user to edit in the form.
import { poolIds } from './cluster-edits';

/** `cluster.job_generator`: 100 jobs on the first pool, one every 10 minutes on average. */
export function generatorStarter(raw: unknown): Record<string, unknown> {
  return {
    count: 100,
    pool: poolIds(raw)[0] ?? 'pool_1',
    interarrival_s: { dist: 'exponential', mean: 600 },
    units: 1,
    steps: { dist: 'lognormal', mean: 1000, cv: 0.5 },
    step_time_s: { dist: 'exponential', mean: 1 },
  };
}

/** `cluster.communication`: a 1 GB gradient over 100 Gbps (latency defaults to 0). */
export const communicationStarter = (): Record<string, unknown> => ({ gradient_mb: 1000, bandwidth_gbps: 100 });

/** `cluster.failures`: a node fails once a day on average; repair, checkpoints and restarts at their defaults. */
export const failuresStarter = (): Record<string, unknown> => ({ node_mtbf_s: 86400 });
