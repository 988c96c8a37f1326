// Words shared by the HTML, Markdown and CSV reports of a what-if analysis: the facts of the
// header and the note on how to read it. (A solve's evidence is the app's own table:
// renderer/charts/whatif/solve-text evidenceTable.)
import { wallTime } from '../../../simulation/present';
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
