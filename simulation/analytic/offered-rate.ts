// The long-run mean arrival rate of each process (scenario-format.md, "offered rate").
import type { ArrivalSpec } from '../scenario/schema';

/**
 * Offered rate in requests per second. A trace's rate depends on its file, which the host reads:
 * pass it as `traceRate` (requests ÷ span × scale); without it a trace gives null.
 */
export function offeredRate(a: ArrivalSpec, traceRate?: number): number | null {
  switch (a.process) {
    case 'poisson':
      return a.rate_rps;
    case 'diurnal':
      return a.mean_rps;
    case 'bursty': {
      // Bursts start at k × every; each lasts min(duration, every) of every period.
      const share = Math.min(a.burst_duration_s, a.burst_every_s) / a.burst_every_s;
      return a.rate_rps * (1 - share) + a.burst_rate_rps * share;
    }
    case 'trace':
      return traceRate ?? null;
  }
}
