// Serving charts: latency percentiles against the budget (headroom shaded, 95% CI whiskers) and
// the latency budget broken down by component.
import type { MaybeStat, ServiceResult } from '../../../simulation';
import { wantsLogScale } from '../../../simulation/present/latency-scale';
import { num } from './format';
import { percentileName } from './scenario-info';
import { COLORS, el, legend, linearScale, logScale, svg, tickLabel, type Scale } from './svg-charts';

const W = 720;

export function latencyChart(id: string, svc: ServiceResult, budgetMs: number | null, sloPercentile: number): string {
  const l = svc.latency_ms;
  const sloName = percentileName(sloPercentile);
  const points: { label: string; s: MaybeStat; slo: boolean }[] = [
    { label: 'p50', s: l.p50, slo: sloPercentile === 50 },
    { label: 'p95', s: l.p95, slo: sloPercentile === 95 },
    { label: 'p99', s: l.p99, slo: sloPercentile === 99 },
    { label: 'p99.9', s: l.p999, slo: sloPercentile === 99.9 },
  ];
  if (!points.some((p) => p.slo)) {
    points.push({ label: sloName, s: svc.latency_at_slo_ms, slo: true });
    points.sort((a, b) => Number(a.label.slice(1)) - Number(b.label.slice(1)));
  }
  const H = 316, m = { top: 34, right: 104, bottom: 46, left: 66 };
  const plot = { left: m.left, right: W - m.right, top: m.top, bottom: H - m.bottom };
  const present = points.filter((p) => p.s !== null) as { label: string; s: NonNullable<MaybeStat>; slo: boolean }[];
  const highs = present.map((p) => p.s.ci95[1]);
  const lows = present.map((p) => Math.max(p.s.ci95[0], p.s.mean * 0.5)).filter((x) => x > 0);
  const top = Math.max(budgetMs ?? 0, ...highs, 1);
  const low = Math.min(budgetMs ?? Infinity, ...lows);
  // The app's rule (means, upper bounds and the budget); the axis still starts at the lowest whisker.
  const useLog = Number.isFinite(low) && low > 0 && wantsLogScale([...present.flatMap((p) => [p.s.mean, p.s.ci95[1]]), ...(budgetMs === null ? [] : [budgetMs])]);
  const y: Scale = useLog ? logScale(low, top, [plot.bottom, plot.top]) : linearScale(0, top, [plot.bottom, plot.top]);
  const clampY = (v: number) => Math.min(plot.bottom, Math.max(plot.top, y(v)));
  const body: string[] = [];
  for (const t of y.ticks) {
    const ty = y(t);
    body.push(el.line(plot.left, ty, plot.right, ty, { stroke: COLORS.grid }), el.text(plot.left - 8, ty, tickLabel(t), { dy: '0.32em', 'text-anchor': 'end', fill: COLORS.muted }));
  }
  const slo = present.find((p) => p.slo);
  let desc = `Budget ${budgetMs === null ? 'unknown' : `${num(budgetMs)} ms`}; no latency was measured.`;
  if (budgetMs !== null) {
    const by = y(budgetMs);
    if (slo) {
      const over = slo.s.mean > budgetMs;
      const sy = clampY(slo.s.mean);
      const gap = Math.abs(slo.s.mean - budgetMs);
      body.push(el.rect(plot.left, Math.min(by, sy), plot.right - plot.left, Math.max(Math.abs(by - sy), 1), { fill: over ? COLORS.dangerSoft : COLORS.okSoft }));
      const note = over ? `${sloName} ${num(slo.s.mean)} ms: over budget by ${num(gap)} ms (shaded)` : `${sloName} ${num(slo.s.mean)} ms: ${num(gap)} ms headroom under budget (shaded)`;
      body.push(el.rect(plot.left, 6, 12, 12, { fill: over ? COLORS.dangerSoft : COLORS.okSoft, stroke: over ? COLORS.danger : COLORS.ok }));
      body.push(el.text(plot.left + 18, 12, note, { dy: '0.35em', fill: over ? COLORS.danger : COLORS.ok, 'font-weight': 600 }));
      desc = `${sloName} latency ${num(slo.s.mean)} ms [${num(slo.s.ci95[0])}, ${num(slo.s.ci95[1])}] against a ${num(budgetMs)} ms budget: ${over ? `over budget by ${num(gap)} ms` : `${num(gap)} ms headroom`}.`;
    }
    body.push(
      el.line(plot.left, by, plot.right, by, { stroke: COLORS.budget, 'stroke-width': 2, 'stroke-dasharray': '6 4' }),
      el.text(plot.right + 8, by - 3, 'Budget', { 'font-weight': 600 }),
      el.text(plot.right + 8, by + 12, `${num(budgetMs)} ms`, { fill: COLORS.muted }),
    );
  }
  const step = (plot.right - plot.left) / points.length;
  points.forEach((p, i) => {
    const x = plot.left + step * (i + 0.5);
    body.push(el.text(x, plot.bottom + 18, p.slo ? `${p.label} (SLO)` : p.label, { 'text-anchor': 'middle', 'font-weight': p.slo ? 600 : undefined }));
    if (!p.s) {
      body.push(el.text(x, plot.bottom - 10, '—', { 'text-anchor': 'middle', fill: COLORS.muted }));
      return;
    }
    const [lo, hi] = p.s.ci95;
    const y0 = clampY(lo), y1 = clampY(hi), yc = clampY(p.s.mean);
    const stroke = { stroke: COLORS.point, 'stroke-width': 1.5 };
    body.push(el.line(x, y0, x, y1, stroke), el.line(x - 7, y0, x + 7, y0, stroke), el.line(x - 7, y1, x + 7, y1, stroke));
    body.push(el.circle(x, yc, p.slo ? 6 : 4.5, { fill: COLORS.point }));
    body.push(el.text(x + 11, yc, num(p.s.mean), { dy: '0.32em', 'font-weight': 600, fill: COLORS.text, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }));
  });
  body.push(
    el.line(plot.left, plot.bottom, plot.right, plot.bottom, { stroke: COLORS.axis }),
    el.text(16, (plot.top + plot.bottom) / 2, `Latency (ms${useLog ? ', log scale' : ''})`, { transform: `rotate(-90 16 ${(plot.top + plot.bottom) / 2})`, 'text-anchor': 'middle', fill: COLORS.muted }),
    el.text((plot.left + plot.right) / 2, H - 8, 'Latency percentile, mean over replications (whiskers: 95% CI)', { 'text-anchor': 'middle', fill: COLORS.muted }),
  );
  return svg(W, H, `Latency percentiles vs budget — ${id}`, desc, body);
}

const COMPONENTS = ['feature', 'queue', 'service', 'network', 'postprocess'] as const;

export function breakdownChart(id: string, components: ServiceResult['components_ms'], budgetMs: number | null): string {
  const segs = COMPONENTS.map((key) => ({ key, ms: components[key]?.mean ?? null }));
  const total = segs.reduce((s, x) => s + Math.max(0, x.ms ?? 0), 0);
  const m = { left: 12, right: 24 };
  const barTop = 30, barH = 30;
  const x = linearScale(0, Math.max(total, budgetMs ?? 0, 1), [m.left, W - m.right], 6);
  const body: string[] = [];
  for (const t of x.ticks) {
    const tx = x(t);
    body.push(el.line(tx, barTop - 4, tx, barTop + barH + 4, { stroke: COLORS.grid }), el.text(tx, barTop + barH + 18, tickLabel(t), { 'text-anchor': 'middle', fill: COLORS.muted }));
  }
  let acc = 0;
  for (const s of segs) {
    if (s.ms === null || s.ms <= 0) continue;
    const x0 = x(acc), x1 = x(acc + s.ms);
    body.push(el.rect(x0, barTop, x1 - x0, barH, { fill: COLORS[s.key], stroke: '#fff', 'stroke-width': 1 }));
    const label = `${num(s.ms)}`;
    if (x1 - x0 > label.length * 7 + 8) body.push(el.text((x0 + x1) / 2, barTop + barH / 2, label, { dy: '0.35em', 'text-anchor': 'middle', fill: '#fff', 'font-weight': 600 }));
    acc += s.ms;
  }
  const over = budgetMs !== null && total > budgetMs;
  if (budgetMs !== null) {
    const bx = x(budgetMs);
    body.push(el.line(bx, barTop - 10, bx, barTop + barH + 6, { stroke: COLORS.budget, 'stroke-width': 2, 'stroke-dasharray': '6 4' }));
    body.push(el.text(bx, barTop - 14, `Budget ${num(budgetMs)} ms`, { 'text-anchor': bx > W - 120 ? 'end' : bx < 90 ? 'start' : 'middle', 'font-weight': 600 }));
  }
  body.push(el.text((m.left + W - m.right) / 2, barTop + barH + 36, 'Mean time per request (ms)', { 'text-anchor': 'middle', fill: COLORS.muted }));
  const lg = legend(segs.map((s) => ({ label: `${s.key} ${s.ms === null ? '—' : `${num(s.ms)} ms`}`, color: COLORS[s.key] })), m.left, barTop + barH + 52, W - m.left - m.right);
  body.push(lg.svg);
  const H = barTop + barH + 52 + lg.height;
  const desc = `${segs.map((s) => `${s.key} ${s.ms === null ? 'none measured' : `${num(s.ms)} ms`}`).join(', ')}; total ${num(total)} ms ${budgetMs === null ? '' : `${over ? 'over' : 'within'} a ${num(budgetMs)} ms budget`}.`;
  return svg(W, H, `Latency budget breakdown (mean ms) — ${id}`, desc, body);
}
