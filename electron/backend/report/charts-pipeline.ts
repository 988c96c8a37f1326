// Pipeline charts: success rate against ∏(1−p), makespan percentiles against the critical path,
// and each task's final states (success / failed / upstream_failed / skipped) — the failure
// propagation down the DAG.
import type { MaybeStat, ResultDocument } from '../../../simulation';
import { num, pct } from './format';
import { COLORS, el, legend, linearScale, svg, tickLabel } from './svg-charts';

const W = 720;
type Pipeline = NonNullable<ResultDocument['pipeline']>;

export function successChart(p: Pipeline): string | null {
  if (!p.success_rate) return null;
  const a = p.analytic;
  const rows: { label: string; s: MaybeStat }[] = [
    { label: 'Success rate', s: p.success_rate },
    { label: 'DAG-run success', s: p.dag_run_success_rate ?? null },
  ];
  const m = { left: 140, right: 70, top: 26 };
  const rowH = 30, barH = 16;
  const x = linearScale(0, 1, [m.left, W - m.right], 10);
  const bottom = m.top + rows.length * rowH;
  const body: string[] = [];
  for (const t of x.ticks) body.push(el.line(x(t), m.top - 4, x(t), bottom, { stroke: COLORS.grid }), el.text(x(t), bottom + 16, `${tickLabel(t * 100)}%`, { 'text-anchor': 'middle', fill: COLORS.muted }));
  rows.forEach((r, i) => {
    const y = m.top + i * rowH + (rowH - barH) / 2;
    body.push(el.text(m.left - 10, y + barH / 2, r.label, { 'text-anchor': 'end', dy: '0.35em', 'font-weight': 600 }));
    if (!r.s) return;
    body.push(el.rect(m.left, y, x(r.s.mean) - m.left, barH, { fill: COLORS.success }));
    const [lo, hi] = r.s.ci95;
    const cy = y + barH / 2;
    body.push(el.line(x(Math.max(0, lo)), cy, x(Math.min(1, hi)), cy, { stroke: COLORS.text, 'stroke-width': 1.3 }), el.line(x(Math.max(0, lo)), y + 2, x(Math.max(0, lo)), y + barH - 2, { stroke: COLORS.text }), el.line(x(Math.min(1, hi)), y + 2, x(Math.min(1, hi)), y + barH - 2, { stroke: COLORS.text }));
    body.push(el.text(x(Math.min(1, hi)) + 6, cy, pct(r.s.mean), { dy: '0.35em', 'font-size': 11 }));
  });
  const marks = [{ v: a.reliability, label: `∏(1−p) ${pct(a.reliability)}`, dash: '6 3' }];
  if (Math.abs(a.reliability_with_retries - a.reliability) > 1e-12) marks.push({ v: a.reliability_with_retries, label: `with retries ${pct(a.reliability_with_retries)}`, dash: '2 3' });
  marks.forEach((mk, k) => {
    const mx = x(mk.v);
    body.push(el.line(mx, m.top - 6, mx, bottom + 2, { stroke: COLORS.analytic, 'stroke-width': 2, 'stroke-dasharray': mk.dash }));
    body.push(el.text(mx, m.top - 10 - k * 13, `analytic ${mk.label}`, { 'text-anchor': mx > W - 160 ? 'end' : 'middle', fill: COLORS.analytic, 'font-weight': 600, 'font-size': 11 }));
  });
  const desc = `Simulated success rate ${pct(p.success_rate?.mean)} [${pct(p.success_rate?.ci95[0])}, ${pct(p.success_rate?.ci95[1])}] against analytic ∏(1−p) ${pct(a.reliability)}.`;
  return svg(W, bottom + 26, 'Pipeline success rate vs ∏(1−p)', desc, body);
}

export function makespanChart(p: Pipeline): string | null {
  const mk = p.makespan_s;
  if (!mk) return null;
  const cp = p.analytic.critical_path_s;
  const points = [
    { label: 'mean', s: mk.mean }, { label: 'p50', s: mk.p50 }, { label: 'p95', s: mk.p95 }, { label: 'p99', s: mk.p99 },
  ];
  const maxS = Math.max(cp, ...points.flatMap((q) => (q.s ? [q.s.ci95[1]] : [])), 1);
  const [factor, unit] = maxS >= 2 * 3600 ? [1 / 3600, 'h'] : maxS >= 120 ? [1 / 60, 'min'] : [1, 's'];
  const H = 260, m = { top: 16, right: 130, bottom: 46, left: 66 };
  const y = linearScale(0, maxS * factor, [H - m.bottom, m.top]);
  const clampY = (v: number) => Math.min(H - m.bottom, Math.max(m.top, y(v)));
  const body: string[] = [];
  for (const t of y.ticks) body.push(el.line(m.left, y(t), W - m.right, y(t), { stroke: COLORS.grid }), el.text(m.left - 8, y(t), tickLabel(t), { dy: '0.32em', 'text-anchor': 'end', fill: COLORS.muted }));
  const cy = y(cp * factor);
  body.push(
    el.line(m.left, cy, W - m.right, cy, { stroke: COLORS.analytic, 'stroke-width': 2, 'stroke-dasharray': '6 4' }),
    el.text(W - m.right + 8, cy - 3, 'Critical path', { fill: COLORS.analytic, 'font-weight': 600 }),
    el.text(W - m.right + 8, cy + 12, `(analytic) ${num(cp * factor)} ${unit}`, { fill: COLORS.analytic }),
  );
  const step = (W - m.left - m.right) / points.length;
  points.forEach((q, i) => {
    const x = m.left + step * (i + 0.5);
    body.push(el.text(x, H - m.bottom + 18, q.label, { 'text-anchor': 'middle' }));
    if (!q.s) return;
    const [lo, hi] = q.s.ci95;
    const stroke = { stroke: COLORS.point, 'stroke-width': 1.5 };
    const y0 = clampY(lo * factor), y1 = clampY(hi * factor), yc = clampY(q.s.mean * factor);
    body.push(el.line(x, y0, x, y1, stroke), el.line(x - 7, y0, x + 7, y0, stroke), el.line(x - 7, y1, x + 7, y1, stroke), el.circle(x, yc, 4.5, { fill: COLORS.point }));
    body.push(el.text(x + 11, yc, num(q.s.mean * factor), { dy: '0.32em', 'font-weight': 600, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }));
  });
  body.push(
    el.line(m.left, H - m.bottom, W - m.right, H - m.bottom, { stroke: COLORS.axis }),
    el.text(16, (m.top + H - m.bottom) / 2, `Makespan (${unit})`, { transform: `rotate(-90 16 ${(m.top + H - m.bottom) / 2})`, 'text-anchor': 'middle', fill: COLORS.muted }),
    el.text((m.left + W - m.right) / 2, H - 8, 'Statistic over runs, mean over replications (whiskers: 95% CI)', { 'text-anchor': 'middle', fill: COLORS.muted }),
  );
  const desc = `Makespan p95 ${num((mk.p95?.mean ?? NaN) * factor)} ${unit} against a critical path of ${num(cp * factor)} ${unit}.`;
  return svg(W, H, 'Pipeline makespan vs critical path', desc, body);
}

const STATES = ['success', 'failed', 'upstream_failed', 'skipped'] as const;

export function taskStateChart(p: Pipeline): string | null {
  const tasks = p.tasks;
  if (!tasks || Object.keys(tasks).length === 0) return null;
  const ids = Object.keys(tasks).slice(0, 60);
  const longest = Math.max(...ids.map((id) => id.length));
  const m = { left: Math.min(260, 20 + longest * 6.8), right: 16, top: 8 };
  const rowH = 20, barH = 14;
  const x = linearScale(0, 1, [m.left, W - m.right], 10);
  const bottom = m.top + ids.length * rowH;
  const body: string[] = [];
  for (const t of x.ticks) body.push(el.line(x(t), m.top, x(t), bottom, { stroke: COLORS.grid }), el.text(x(t), bottom + 16, `${tickLabel(t * 100)}%`, { 'text-anchor': 'middle', fill: COLORS.muted }));
  ids.forEach((id, i) => {
    const t = tasks[id]!;
    const y = m.top + i * rowH + (rowH - barH) / 2;
    body.push(el.text(m.left - 8, y + barH / 2, id, { 'text-anchor': 'end', dy: '0.35em' }));
    let acc = 0;
    for (const s of STATES) {
      const v = Math.max(0, t[s]?.mean ?? 0);
      if (v <= 0) continue;
      body.push(el.rect(x(acc), y, x(Math.min(1, acc + v)) - x(acc), barH, { fill: COLORS[s] }));
      acc += v;
    }
    const ok = t.success?.mean;
    if (ok !== undefined && ok !== null && x(ok) - m.left > 46) body.push(el.text(m.left + 5, y + barH / 2, pct(ok, 1), { dy: '0.35em', fill: '#fff', 'font-size': 10, 'font-weight': 600 }));
  });
  const lg = legend(STATES.map((s) => ({ label: s.replace('_', ' '), color: COLORS[s] })), m.left, bottom + 36, W - m.left - m.right);
  body.push(lg.svg);
  const desc = ids.map((id) => `${id}: ${STATES.map((s) => `${s} ${pct(tasks[id]![s]?.mean)}`).join(', ')}`).join('; ');
  const more = Object.keys(tasks).length > ids.length ? ` (first ${ids.length} of ${Object.keys(tasks).length} tasks)` : '';
  return svg(W, bottom + 36 + lg.height, `Final state of each task over runs${more}`, `${desc}.`, body);
}
