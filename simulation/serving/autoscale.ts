// The autoscaler's rule (scenario-format.md, `autoscaling`): every interval_s the desired count
// is ⌈time-average busy slots over the last interval ÷ (concurrency × target_utilization)⌉,
// clamped to [min_replicas, max_replicas]. New replicas serve after their cold start; a
// scale-down waits cooldown_s after the last change (the last decision to scale either way);
// it removes cold-starting replicas first, then restarting ones, then idle ones, then busy ones,
// which finish their in-flight work before they go (see ReplicaPool.remove).
import type { ServiceSpec } from '../scenario/schema';

export type AutoscalingSpec = NonNullable<ServiceSpec['autoscaling']>;

export function desiredReplicas(busySlots: number, concurrency: number, as: AutoscalingSpec): number {
  const raw = busySlots / (concurrency * as.target_utilization);
  // A busy average of exactly 2.0000000001 slots must not ask for a whole extra replica.
  const near = Math.round(raw);
  const n = Math.abs(raw - near) <= 1e-9 * Math.max(1, raw) ? near : Math.ceil(raw);
  return Math.min(as.max_replicas, Math.max(as.min_replicas, n));
}
