// Figures for docs/reliability.md: when HEADROOM_RELIABILITY_FIGURES names a file, a test appends
// one JSON line of what it measured (cases tried, faults survived, saves kept), which
// scripts/reliability-figures.ts turns into the doc's tables. Does nothing otherwise.
import { appendFileSync } from 'node:fs';

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const file = process.env.HEADROOM_RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...figures })}\n`);
}
