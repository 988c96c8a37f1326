// The one caveat a trace replay puts on its confidence intervals, shown wherever a service's CIs
// are (the verdict, the CLI's text, the reports, the app's comparison card): with `replay` "same"
// every replication replays the same arrivals, so the replications differ only by service-time
// noise and a 95% CI says nothing about how the p99 would vary with other traffic.
import type { AnalyticOnlyService, ServiceResult } from '../result/types';

/**
 * The caveat for a service whose replications all replayed the same trace (a service's result,
 * or `{ trace_replay }` from its scenario), or null. One sentence without a final stop (the
 * verdicts list it as a reason); `id` spells field names and values as the caller writes them
 * (the Markdown memo escapes them).
 */
export function traceReplayNote(
  svc: AnalyticOnlyService | { trace_replay?: ServiceResult['trace_replay'] | null },
  id: (s: string) => string = (s) => s,
): string | null {
  if (!('trace_replay' in svc) || svc.trace_replay !== 'same') return null;
  return `Every replication replays the same trace, so the 95% CIs reflect service-time noise only, not traffic variability: set ${id('arrivals.replay')} to ${id('block_bootstrap')} or ${id('shifted_windows')} for CIs that cover the traffic too`;
}
