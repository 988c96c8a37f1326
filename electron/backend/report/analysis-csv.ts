// The CSV report of a what-if analysis: one row per sweep point, solve candidate or sensitivity
// input, numbers unrounded (JavaScript's shortest round-trip form, a dot, no grouping) whatever
// the locale, an empty cell for no value, yes/no flags as true/false. Cells are written by the
// run report's csvCell (RFC 4180, formula-looking text defused). docs/reports.md lists the columns.
import type { MaybeStat } from '../../../simulation';
import { analysisBody, type AnalysisSource, type SensitivityModel, type SolveModel, type SweepModel } from './analysis-model';
import { evidenceTable } from '../../../renderer/charts/whatif/solve-text';
import { csvCell } from './csv';

type Cell = string | number | boolean | null | undefined;

const stat = (s: MaybeStat | undefined): Cell[] => [s?.mean, s?.ci95[0], s?.ci95[1]];
const statHead = (name: string) => [name, `${name}_ci95_low`, `${name}_ci95_high`];

function lines(head: string[], rows: Cell[][]): string {
  const cell = (c: Cell) => csvCell(typeof c === 'boolean' ? String(c) : c);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function sweep(m: SweepModel): string {
  const svc = m.series.sloService;
  const head = [...m.parameters];
  if (!m.figureIsJudged) head.push(...statHead(m.figure.path));
  if (svc !== null) head.push('slo_service', ...m.judged.flatMap((c) => statHead(c.key)), ...statHead('utilization'), 'meets_slo', 'cheapest');
  head.push('cost_per_hour');
  const rows = m.rows.map((r) => {
    const out: Cell[] = [...r.values];
    if (!m.figureIsJudged) out.push(...stat(r.figure ?? undefined));
    if (svc !== null) out.push(svc, ...r.judged.flatMap((j) => stat(j ?? undefined)), ...stat(r.utilization ?? undefined), r.meets, r.cheapest);
    out.push(r.cost);
    return out;
  });
  return lines(head, rows);
}

function solve(m: SolveModel): string {
  const s = m.solve;
  const ev = evidenceTable(s);
  const answer = s.target === 'service' ? s.replicas : s.units;
  const head = [ev.count.key, ...ev.figures.flatMap((f) => statHead(f.key)), ...statHead('utilization'), 'cost_per_hour', ...(ev.hasStable ? ['stable'] : []), 'meets', 'answer'];
  const rows = ev.rows.map((r): Cell[] => [r.n, ...r.figures.flatMap((f) => stat(f ?? undefined)), ...stat(r.utilization ?? undefined), r.cost, ...(ev.hasStable ? [r.stable] : []), r.meets, r.n === answer]);
  return lines(head, rows);
}

function sensitivity(m: SensitivityModel): string {
  const { data } = m;
  const head = ['rank', 'input', 'label', 'base_value', 'low_value', 'high_value', ...statHead('low'), ...statHead('high'), 'swing', 'one_sided', 'not_varied'];
  const rows: Cell[][] = data.rows.map((r) => [r.rank, r.path, r.label, r.baseValue, r.lowValue, r.highValue, ...stat(r.low ?? undefined), ...stat(r.high ?? undefined), r.swing, r.oneSided, null]);
  const base = new Map(m.result.inputs.map((i) => [i.path, i.base_value]));
  for (const n of data.notVaried) rows.push([null, n.path, n.label, base.get(n.path), null, null, null, null, null, null, null, null, null, null, n.reason]);
  return lines(head, rows);
}

export function renderAnalysisCsv(src: AnalysisSource): string {
  const body = analysisBody(src.doc, src.raw, src.scenario);
  return body.kind === 'sweep' ? sweep(body) : body.kind === 'solve' ? solve(body) : sensitivity(body);
}
