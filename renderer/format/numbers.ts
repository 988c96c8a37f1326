// Number formatting for tables and charts: the precision a planner would put on a slide,
// and confidence intervals written as "123.4 ms [118.2, 128.9]".
import type { MaybeStat } from '../../simulation/result/types';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Decimals that keep three or four significant figures without going past 2 d.p. */
function decimalsFor(value: number): number {
  const a = Math.abs(value);
  if (a >= 1000) return 0;
  if (a >= 10) return 1;
  return 2;
}

/**
 * With `decimals`, exactly that many (tables of comparable figures, CI bounds); without, up to
 * the default precision and no trailing zeros ("200 ms", "453.1 ms").
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
  if (decimals === 0) return grouped.format(value);
  const max = decimals ?? decimalsFor(value);
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals ?? 0, maximumFractionDigits: max }).format(value);
}

export function formatMs(value: number): string {
  return `${formatNumber(value)} ms`;
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)} %`;
}

/** "mean [lo, hi]" with the mean's precision applied to the bounds too. */
export function formatStat(stat: MaybeStat, unit = '', scale = 1, decimals?: number): string {
  if (!stat) return '—';
  const mean = stat.mean * scale;
  const d = decimals ?? decimalsFor(mean); // one precision for the mean and both bounds
  const [lo, hi] = stat.ci95.map((v) => formatNumber(v * scale, d)) as [string, string];
  const suffix = unit ? ` ${unit}` : '';
  if (lo === hi && lo === formatNumber(mean, d)) return `${lo}${suffix}`;
  return `${formatNumber(mean, d)}${suffix} [${lo}, ${hi}]`;
}

export function formatStatMs(stat: MaybeStat): string {
  return formatStat(stat, 'ms');
}

export function formatStatPercent(stat: MaybeStat): string {
  return formatStat(stat, '%', 100, 1);
}

/** Wall time or ETA: "350 ms", "4.2 s", "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  const min = Math.floor(whole / 60);
  if (min < 60) return `${min} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** "1.23 M" style for rates such as events per second. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  const units: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, suffix] of units) {
    if (value >= size) return `${(value / size).toPrecision(3)} ${suffix}`;
  }
  return value.toPrecision(3);
}

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
