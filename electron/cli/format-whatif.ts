// Human-readable output of `compare`, the cluster `solve`, `sensitivity` and the grid `sweep`
// (their --json output is the document itself).
import type { CompareDocument, PoolSolveResult, SensitivityResult } from '../../simulation';
import { EN_US } from '../../simulation/present';
import { table } from './text-table';

const { plain: fmt, sig } = EN_US;

function stat(s: { mean: number; ci95: [number, number] } | null | undefined): string {
  if (!s) return '—';
  return s.ci95[0] === s.ci95[1] ? sig(s.mean) : `${sig(s.mean)} [${sig(s.ci95[0])}, ${sig(s.ci95[1])}]`;
}

function leaf(v: string | number | boolean | null): string {
  return v === null ? '(absent)' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function formatCompare(d: CompareDocument, all = false): string {
  const out = [
    `A: ${d.a.name} (seed ${d.a.seed}, ${d.a.replications} replications)`,
    `B: ${d.b.name} (seed ${d.b.seed}, ${d.b.replications} replications)`,
    d.method === 'paired'
      ? `B − A paired replication by replication (${d.pairs} pairs, same seed); 95% CI`
      : 'B − A by Welch\'s t on replication means; 95% CI',
    '',
  ];
  if (d.inputs.length === 0) out.push('Inputs: the same');
  else {
    out.push('Inputs that differ:');
    for (const c of d.inputs) out.push(`  ${c.path}: ${leaf(c.a)} → ${leaf(c.b)}`);
  }
  out.push('');
  const shown = all ? d.figures : d.figures.filter((f) => f.significant);
  const rows = [['Figure', 'A', 'B', 'B − A [95% CI]', 'Significant']];
  for (const f of shown) {
    rows.push([f.path, stat(f.a), stat(f.b), stat(f.diff), f.significant === null ? 'cannot tell' : f.significant ? 'yes' : 'no']);
  }
  const significant = d.figures.filter((f) => f.significant).length;
  out.push(`${significant} of ${d.figures.length} figures differ significantly${all ? '' : ' (listed; --json has every figure)'}`);
  if (shown.length > 0) out.push(...table(rows, [false, true, true, true, false]));
  if (d.truncated) out.push('', `TRUNCATED (${d.truncated.reason}): figures cover the simulated part only`);
  return out.join('\n');
}

export function formatPoolSolve(r: PoolSolveResult): string {
  const out = [
    `Pool ${r.pool}: the fewest units whose jobs' p${r.percentile} queueing delay is ≤ ${fmt(r.max_queue_delay_s)} s at the upper end of its 95% CI`,
    `${r.replications} replications per count; searched ${r.search_min} (the largest job) to ${r.search_max} units (every job at once)`,
    '',
  ];
  const rows = [['Units', `Queueing delay p${r.percentile} (s)`, 'Utilization', 'Cost per hour', 'Meets the target']];
  for (const c of r.evidence) {
    rows.push([
      String(c.units), stat(c.queue_delay_s),
      c.utilization ? `${fmt(c.utilization.mean * 100, 1)}%` : '—',
      c.cost_per_hour === null ? '—' : `$${fmt(c.cost_per_hour, 2)}`,
      c.meets ? 'yes' : 'no',
    ]);
  }
  out.push(...table(rows, [true, true, true, true, false]), '');
  out.push(r.units === null ? `No unit count meets the target: ${r.reason}.` : `Answer: ${r.units} units.`);
  return out.join('\n');
}

export function formatSensitivity(r: SensitivityResult): string {
  const out = [
    `Sensitivity of ${r.figure} = ${stat(r.base)} to each input at ±${fmt(r.delta * 100, 1)}% (one at a time; ${r.replications} replications each)`,
    '',
  ];
  const rows = [['Input', 'Value', 'Low → figure', 'High → figure', 'Swing']];
  for (const e of r.inputs) {
    rows.push([
      e.path, fmt(e.base_value, 6),
      e.low_value === null ? '—' : `${fmt(e.low_value, 6)} → ${stat(e.low)}`,
      e.high_value === null ? '—' : `${fmt(e.high_value, 6)} → ${stat(e.high)}`,
      e.swing === null ? (e.error ? 'invalid' : '—') : sig(e.swing),
    ]);
  }
  out.push(...table(rows, [false, true, true, true, true]));
  const invalid = r.inputs.filter((e) => e.error);
  if (invalid.length > 0) out.push('', ...invalid.map((e) => `not varied: ${e.error}`));
  return out.join('\n');
}
