// Cluster charts: utilization against target per pool (analytic snapshot, allocated and busy,
// with 95% CI whiskers), the allocated time by activity, and the job-completion-time and
// queueing-delay distributions (quantiles with 95% CIs).
import type { ResultDocument } from '../../../simulation';
import { pct, num } from './format';
import { COLORS, el, legend, linearScale, svg, tickLabel } from './svg-charts';

const W = 720;
type Cluster = NonNullable<ResultDocument['cluster']>;

export function utilizationChart(c: Cluster): string {
  const ids = Object.keys(c.analytic.pools);
  const m = { left: 170, right: 64, top: 10 };
  const rowH = 50, barH = 11;
  const x = linearScale(0, 1, [m.left, W - m.right], 5);
  const plotBottom = m.top + ids.length * rowH;
  const body: string[] = [];
  for (const t of x.ticks) {
    body.push(el.line(x(t), m.top, x(t), plotBottom, { stroke: COLORS.grid }), el.text(x(t), plotBottom + 16, `${tickLabel(t * 100)}%`, { 'text-anchor': 'middle', fill: COLORS.muted }));
  }
  const descs: string[] = [];
  ids.forEach((id, i) => {
    const a = c.analytic.pools[id]!;
    const p = c.pools?.[id];
    const y0 = m.top + i * rowH + 5;
    body.push(el.text(m.left - 10, y0 + rowH / 2 - 5, id, { 'text-anchor': 'end', dy: '0.35em', 'font-weight': 600 }));
    const bars: { v: number | null; lo?: number; hi?: number; color: string }[] = [
      { v: a.allocated_utilization, color: COLORS.snapshot },
    ];
    if (p) {
      bars.push({ v: p.utilization?.mean ?? null, lo: p.utilization?.ci95[0], hi: p.utilization?.ci95[1], color: COLORS.allocated });
      bars.push({ v: p.busy_utilization?.mean ?? null, lo: p.busy_utilization?.ci95[0], hi: p.busy_utilization?.ci95[1], color: COLORS.busy });
    }
    bars.forEach((b, k) => {
      const by = y0 + k * (barH + 2);
      if (b.v === null) {
        body.push(el.text(W - m.right + 8, by + barH / 2, '—', { dy: '0.35em', fill: COLORS.muted, 'font-size': 10 }));
        return;
      }
      const clamp = (v: number) => Math.min(W - m.right, Math.max(m.left, x(v)));
      body.push(el.rect(m.left, by, clamp(b.v) - m.left, barH, { fill: b.color }));
      if (b.lo !== undefined && b.hi !== undefined && b.lo !== b.hi) {
        const l = clamp(b.lo), h = clamp(b.hi), cy = by + barH / 2;
        body.push(el.line(l, cy, h, cy, { stroke: COLORS.text, 'stroke-width': 1.2 }), el.line(l, by + 1, l, by + barH - 1, { stroke: COLORS.text }), el.line(h, by + 1, h, by + barH - 1, { stroke: COLORS.text }));
      }
      body.push(el.text(W - m.right + 8, by + barH / 2, pct(b.v, 1), { dy: '0.35em', 'font-size': 10, fill: COLORS.text }));
    });
    const target = p?.utilization_target ?? a.utilization_target;
    if (target !== null) {
      const tx = x(target);
      body.push(el.line(tx, y0 - 3, tx, y0 + bars.length * (barH + 2) + 1, { stroke: COLORS.target, 'stroke-width': 2.5 }));
    }
    descs.push(`${id}: snapshot ${pct(a.allocated_utilization)}${p ? `, allocated ${pct(p.utilization?.mean)}, busy ${pct(p.busy_utilization?.mean)}` : ''}${target === null ? '' : `, target ${pct(target)}`}`);
  });
  body.push(el.text((m.left + W - m.right) / 2, plotBottom + 34, 'Share of the pool\u2019s units (whiskers: 95% CI)', { 'text-anchor': 'middle', fill: COLORS.muted }));
  const items = [
    { label: 'Snapshot allocated (analytic)', color: COLORS.snapshot },
    ...(c.pools ? [{ label: 'Allocated (simulated)', color: COLORS.allocated }, { label: 'Busy: useful work (simulated)', color: COLORS.busy }] : []),
    { label: 'Target', color: COLORS.target, kind: 'line' as const },
  ];
  const lg = legend(items, 12, plotBottom + 56, W - 24);
  body.push(lg.svg);
  return svg(W, plotBottom + 56 + lg.height, 'Utilization vs target per pool', `${descs.join('; ')}.`, body);
}

const ALLOCATION_KEYS = ['compute', 'all_reduce', 'barrier_wait', 'checkpoint', 'restart', 'lost'] as const;

export function allocationChart(c: Cluster): string | null {
  const a = c.allocation;
  if (!a || ALLOCATION_KEYS.every((k) => a[k] === null)) return null;
  const m = { left: 12, right: 12 };
  const barTop = 8, barH = 30;
  const total = ALLOCATION_KEYS.reduce((s, k) => s + Math.max(0, a[k]?.mean ?? 0), 0) || 1;
  const x = linearScale(0, 1, [m.left, W - m.right], 10);
  const body: string[] = [];
  let acc = 0;
  for (const k of ALLOCATION_KEYS) {
    const v = Math.max(0, a[k]?.mean ?? 0) / total;
    if (v <= 0) continue;
    const x0 = x(acc), x1 = x(acc + v);
    body.push(el.rect(x0, barTop, x1 - x0, barH, { fill: COLORS[k], stroke: '#fff' }));
    const label = pct(a[k]!.mean, 1);
    if (x1 - x0 > label.length * 7 + 6) body.push(el.text((x0 + x1) / 2, barTop + barH / 2, label, { dy: '0.35em', 'text-anchor': 'middle', fill: '#fff', 'font-weight': 600 }));
    acc += v;
  }
  const lg = legend(ALLOCATION_KEYS.map((k) => ({ label: `${k.replace('_', '-')} ${pct(a[k]?.mean ?? null, 1)}`, color: COLORS[k] })), m.left, barTop + barH + 22, W - m.left - m.right);
  body.push(lg.svg);
  const desc = ALLOCATION_KEYS.map((k) => `${k.replace('_', '-')} ${pct(a[k]?.mean)}`).join(', ');
  return svg(W, barTop + barH + 22 + lg.height, 'Allocated GPU time by activity (mean share)', `${desc}.`, body);
}

export function quantileChart(c: Cluster): string | null {
  const j = c.jobs;
  if (!j) return null;
  const series = [
    { label: 'Job completion time', q: j.jct_s.quantiles ?? [], color: COLORS.allocated },
    { label: 'Queueing delay', q: j.queue_delay_s.quantiles ?? [], color: COLORS.queue },
  ].filter((s) => s.q.some((e) => e.value !== null));
  if (series.length === 0) return null;
  const all = series.flatMap((s) => s.q.flatMap((e) => (e.value ? [e.value.mean, e.value.ci95[1]] : [])));
  const maxS = Math.max(...all, 1);
  const [factor, unit] = maxS >= 2 * 3600 ? [1 / 3600, 'h'] : maxS >= 120 ? [1 / 60, 'min'] : [1, 's'];
  const H = 280, m = { top: 14, right: 20, bottom: 46, left: 66 };
  const qs = series[0]!.q.map((e) => e.q);
  const xStep = (W - m.left - m.right) / qs.length;
  const xOf = (i: number) => m.left + xStep * (i + 0.5);
  const y = linearScale(0, maxS * factor, [H - m.bottom, m.top]);
  const clampY = (v: number) => Math.min(H - m.bottom, Math.max(m.top, y(v)));
  const body: string[] = [];
  for (const t of y.ticks) body.push(el.line(m.left, y(t), W - m.right, y(t), { stroke: COLORS.grid }), el.text(m.left - 8, y(t), tickLabel(t), { dy: '0.32em', 'text-anchor': 'end', fill: COLORS.muted }));
  qs.forEach((q, i) => body.push(el.text(xOf(i), H - m.bottom + 18, `p${num(q * 100)}`, { 'text-anchor': 'middle' })));
  series.forEach((s, k) => {
    const off = (k - (series.length - 1) / 2) * 8;
    const pts: string[] = [];
    s.q.forEach((e, i) => {
      if (!e.value) return;
      const x = xOf(i) + off;
      const [lo, hi] = e.value.ci95;
      body.push(el.line(x, clampY(lo * factor), x, clampY(hi * factor), { stroke: s.color, 'stroke-width': 1.2, opacity: 0.7 }));
      body.push(el.circle(x, clampY(e.value.mean * factor), 3.5, { fill: s.color }));
      pts.push(`${pts.length === 0 ? 'M' : 'L'}${x.toFixed(2)},${clampY(e.value.mean * factor).toFixed(2)}`);
    });
    body.push(el.path(pts.join(''), { fill: 'none', stroke: s.color, 'stroke-width': 1.5 }));
  });
  body.push(
    el.line(m.left, H - m.bottom, W - m.right, H - m.bottom, { stroke: COLORS.axis }),
    el.text(16, (m.top + H - m.bottom) / 2, `Time (${unit})`, { transform: `rotate(-90 16 ${(m.top + H - m.bottom) / 2})`, 'text-anchor': 'middle', fill: COLORS.muted }),
    el.text((m.left + W - m.right) / 2, H - 8, 'Quantile over jobs, mean over replications (whiskers: 95% CI)', { 'text-anchor': 'middle', fill: COLORS.muted }),
  );
  const lg = legend(series.map((s) => ({ label: s.label, color: s.color, kind: 'dot' as const })), m.left + 8, m.top + 8, 400);
  body.push(lg.svg);
  const p95 = (s: typeof series[number]) => s.q.find((e) => e.q === 0.95)?.value?.mean;
  const desc = series.map((s) => `${s.label} p95 ${num((p95(s) ?? NaN) * factor)} ${unit}`).join('; ');
  return svg(W, H, 'Job completion time and queueing delay distribution', `${desc}.`, body);
}
