// SVG primitives for the report charts, computed by hand (no DOM, no D3 at run time): linear and
// log scales with "nice" ticks, and small string builders. Every chart is a self-contained
// <svg role="img"> with a <title> and a <desc>, sized by its viewBox so it scales to the page.
import { esc, fixed } from './format';

export const COLORS = {
  text: '#18202b', muted: '#5a6576', grid: '#e3e8ee', axis: '#aab4c2', point: '#1f3f8f',
  ok: '#1d7a3a', okSoft: 'rgba(34,160,76,0.16)', danger: '#b42318', dangerSoft: 'rgba(220,50,40,0.14)',
  budget: '#18202b', analytic: '#8a5a00', target: '#b42318',
  feature: '#7c5cd6', queue: '#d9485f', service: '#2f7fc1', network: '#d99a00', postprocess: '#2e9c78',
  // The app's light-theme colours (renderer/styles/theme.css, cluster.css, pipeline.css), so a
  // figure looks the same in the app and in its report.
  allocated: '#2f7fc1', busy: '#2e9c78', snapshot: '#c4ccd6',
  success: '#1d7a3a', failed: '#b42318', upstream_failed: '#d99a00', skipped: '#aab4c2',
  compute: '#2f7fc1', all_reduce: '#7c5cd6', barrier_wait: '#d99a00', checkpoint: '#2e9c78', restart: '#5a6576', lost: '#b42318',
} as const;

export type Scale = ((x: number) => number) & { ticks: number[]; domain: [number, number] };

/** A d3-style step: 1, 2 or 5 × 10^k, giving about `count` ticks over [lo, hi]. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const err = raw / power;
  return power * (err >= 7.07 ? 10 : err >= 3.16 ? 5 : err >= 1.41 ? 2 : 1);
}

/** A linear scale whose domain is widened to whole ticks. */
export function linearScale(lo: number, hi: number, range: [number, number], count = 5): Scale {
  if (!(hi > lo)) hi = lo + 1;
  const step = tickStep(lo, hi, count);
  const d0 = Math.floor(lo / step) * step, d1 = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let k = Math.round(d0 / step); k <= Math.round(d1 / step); k++) ticks.push(+(k * step).toPrecision(12));
  const f = ((x: number) => range[0] + ((x - d0) / (d1 - d0)) * (range[1] - range[0])) as Scale;
  f.ticks = ticks;
  f.domain = [d0, d1];
  return f;
}

/** A log10 scale over whole decades, ticks at 1, 2, 5 × 10^k (or decades only when wide). */
export function logScale(lo: number, hi: number, range: [number, number]): Scale {
  const d0 = 10 ** Math.floor(Math.log10(Math.max(lo, 1e-9)));
  const d1 = 10 ** Math.ceil(Math.log10(Math.max(hi, d0 * 10)));
  const decades = Math.round(Math.log10(d1 / d0));
  const ticks: number[] = [];
  for (let e = Math.log10(d0); e <= Math.log10(d1); e++) {
    for (const m of decades > 3 ? [1] : [1, 2, 5]) {
      const t = +(m * 10 ** e).toPrecision(12);
      if (t <= d1) ticks.push(t);
    }
  }
  const f = ((x: number) => range[0] + (Math.log10(Math.max(x, d0) / d0) / Math.log10(d1 / d0)) * (range[1] - range[0])) as Scale;
  f.ticks = ticks;
  f.domain = [d0, d1];
  return f;
}

/** Short tick labels: 20k, 1.5M, 250, 0.05. */
export function tickLabel(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${+(x / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(x / 1e3).toPrecision(3)}k`;
  if (a >= 100 || Number.isInteger(x)) return fixed(x, 0);
  return String(+x.toPrecision(2));
}

const r2 = (x: number) => String(Math.round(x * 100) / 100);

type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${typeof v === 'number' ? r2(v) : esc(v as string)}"`).join('');
}

export const el = {
  line: (x1: number, y1: number, x2: number, y2: number, a: Attrs = {}) => `<line${attrs({ x1, y1, x2, y2, ...a })}/>`,
  rect: (x: number, y: number, width: number, height: number, a: Attrs = {}) => `<rect${attrs({ x, y, width: Math.max(0, width), height: Math.max(0, height), ...a })}/>`,
  circle: (cx: number, cy: number, r: number, a: Attrs = {}) => `<circle${attrs({ cx, cy, r, ...a })}/>`,
  text: (x: number, y: number, content: string, a: Attrs = {}) => `<text${attrs({ x, y, ...a })}>${esc(content)}</text>`,
  path: (d: string, a: Attrs = {}) => `<path${attrs({ d, ...a })}/>`,
  group: (body: string[], a: Attrs = {}) => `<g${attrs(a)}>${body.join('')}</g>`,
};

let chartCounter = 0;

/** Resets the id counter so that a report is byte-identical for the same document. */
export function resetChartIds(): void {
  chartCounter = 0;
}

/** The <svg> wrapper: role="img", a <title> and a <desc> for screen readers and tooltips. */
export function svg(width: number, height: number, title: string, desc: string, body: string[]): string {
  const id = `chart-${++chartCounter}`;
  return `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif" font-size="12" fill="${COLORS.text}"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body.join('')}</svg>`;
}

/** A horizontal legend: swatches and labels, wrapping onto further rows; returns its height. */
export function legend(items: { label: string; color: string; kind?: 'box' | 'line' | 'dash' | 'dot' }[], x: number, y: number, maxWidth: number): { svg: string; height: number } {
  const parts: string[] = [];
  let cx = x, cy = y;
  for (const it of items) {
    const w = 22 + it.label.length * 7 + 16;
    if (cx + w > x + maxWidth && cx > x) {
      cx = x;
      cy += 18;
    }
    if (it.kind === 'line' || it.kind === 'dash') parts.push(el.line(cx, cy, cx + 16, cy, { stroke: it.color, 'stroke-width': 2, 'stroke-dasharray': it.kind === 'dash' ? '5 3' : undefined }));
    else if (it.kind === 'dot') parts.push(el.circle(cx + 8, cy, 4.5, { fill: it.color }));
    else parts.push(el.rect(cx, cy - 6, 16, 12, { fill: it.color, rx: 2 }));
    parts.push(el.text(cx + 22, cy, it.label, { dy: '0.35em', fill: COLORS.text }));
    cx += w;
  }
  return { svg: parts.join(''), height: cy - y + 18 };
}
