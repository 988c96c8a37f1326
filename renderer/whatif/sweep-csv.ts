// "Export CSV" of an open sweep: one row per point with the parameter values, the chosen figure's
// mean and 95% CI, the cost per hour and whether the point meets the SLO. Numbers as JavaScript
// writes them (a dot, no grouping), so a spreadsheet in any locale or a script reads them. Pure.
import type { SweepSeries } from '../charts/whatif/sweep-series';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sweepCsv(series: SweepSeries): string {
  const head = [...series.parameters, `${series.figure} mean`, `${series.figure} ci95 low`, `${series.figure} ci95 high`, 'cost_per_hour', series.sloService ? `meets SLO of ${series.sloService}` : 'meets SLO'];
  const rows = series.points.map((p) => [
    ...p.values,
    p.stat?.mean ?? null,
    p.stat?.ci95[0] ?? null,
    p.stat?.ci95[1] ?? null,
    p.cost,
    p.meets === null ? null : p.meets ? 'yes' : 'no',
  ]);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A file name from the scenario's name and version: letters, digits, dashes. */
export function sweepFileName(scenarioName: string, version: number): string {
  const base = scenarioName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'scenario';
  return `${base}-sweep-v${version}.csv`;
}
