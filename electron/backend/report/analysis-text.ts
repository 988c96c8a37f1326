// Words and rows shared by the HTML, Markdown and CSV reports of a what-if analysis: the facts
// of the header, the note on how to read it, and a solve's evidence as rows of one shape for
// a service (replicas, latency at the SLO percentile) or a pool (units, queueing delay).
import type { MaybeStat } from '../../../simulation';
import { percentileName, wallTime, type Unit } from '../../../simulation/present';
import type { AnySolve } from '../../../renderer/charts/whatif/solve-text';
import type { AnalysisHeader, AnalysisKind } from './analysis-model';
import { fixed } from './format';

export const KIND_NAMES: Record<AnalysisKind, string> = { sweep: 'Sweep', solve: 'Solve', sensitivity: 'Sensitivity' };

/** "2025-05-01 14:03:22 UTC": the same text on every machine. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The header's facts as label/value pairs, spelled in the report's locale. */
export function analysisFacts(h: AnalysisHeader): [string, string][] {
  return [
    ['Scenario', h.scenarioName],
    ['Scenario version', `v${fixed(h.scenarioVersion, 0)}`],
    ['Scenario SHA-256', h.scenarioSha256],
    ['Analysis', `${KIND_NAMES[h.kind]}: ${h.title}`],
    ['Seed', fixed(h.seed, 0)],
    ['Replications', `${fixed(h.replications, 0)}${h.kind === 'sweep' ? ' per point' : h.kind === 'solve' ? ' per count' : ' per value'}`],
    ['Kept', whenText(h.createdAt)],
    ['Wall-clock time', wallTime(h.wallMs)],
  ];
}

export function readingNote(kind: AnalysisKind): string {
  const ci = 'A simulated figure is the mean over replications with its Student-t 95% confidence interval in brackets; “—” means no value.';
  switch (kind) {
    case 'sweep': return `${ci} Each point is the scenario version with the swept fields set, simulated with the same seed.`;
    case 'solve': return `${ci} A count meets the target when the upper end of the CI is within it; the answer is the fewest that does.`;
    case 'sensitivity': return `${ci} Each input is lowered and raised by the same share, one at a time; the swing is how far the figure’s mean moves.`;
  }
}

export interface EvidenceRow {
  n: number;
  figure: MaybeStat;
  utilization: MaybeStat;
  cost: number | null;
  stable: boolean | null;
  meets: boolean;
}

export interface SolveEvidence {
  head: string[];
  figureUnit: Unit;
  /** A service's evidence says whether each count is stable; a pool's does not. */
  hasStable: boolean;
  rows: EvidenceRow[];
}

/** The evidence table of a solve, as the app's view has it (renderer/whatif/SolveEvidence). */
export function solveEvidence(s: AnySolve): SolveEvidence {
  if (s.target === 'service') {
    return {
      head: ['Replicas', `Latency ${percentileName(s.slo_percentile)}`, 'Utilization', 'Cost per hour', 'Stable', 'Meets the SLO'],
      figureUnit: 'ms',
      hasStable: true,
      rows: s.evidence.map((c) => ({ n: c.replicas, figure: c.latency_at_slo_ms, utilization: c.utilization, cost: c.cost_per_hour, stable: c.stable, meets: c.meets })),
    };
  }
  return {
    head: ['Units', `Queueing delay p${s.percentile}`, 'Utilization', 'Cost per hour', 'Meets the target'],
    figureUnit: 's',
    hasStable: false,
    rows: s.evidence.map((c) => ({ n: c.units, figure: c.queue_delay_s, utilization: c.utilization, cost: c.cost_per_hour, stable: null, meets: c.meets })),
  };
}
