// A distribution in a few words, for a table cell that opens the full picker ("lognormal, mean
// 1.6 s, cv 0.12"). It reads the raw JSON, so it also describes what is being typed or invalid.
import { textFromValue } from '../field-input';

const field = (d: Record<string, unknown>, key: string) => textFromValue(d[key]) || '?';

export function distSummary(raw: unknown, unit: string): string {
  if (typeof raw === 'number') return `${raw} ${unit}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw === undefined ? 'not set' : textFromValue(raw);
  const d = raw as Record<string, unknown>;
  const u = (key: string) => `${field(d, key)} ${unit}`;
  switch (d.dist) {
    case 'fixed': return u('value');
    case 'exponential': return `exponential, mean ${u('mean')}`;
    case 'lognormal':
    case 'gamma': return `${d.dist}, mean ${u('mean')}, cv ${field(d, 'cv')}`;
    case 'normal': return `normal, mean ${u('mean')}, sd ${field(d, 'sd')}`;
    case 'uniform': return `uniform, ${field(d, 'min')}–${u('max')}`;
    case 'weibull': return `Weibull, shape ${field(d, 'shape')}, scale ${u('scale')}`;
    case 'pareto': return `Pareto, min ${u('min')}, alpha ${field(d, 'alpha')}`;
    case 'empirical': return Array.isArray(d.values) ? `empirical, ${d.values.length} value${d.values.length === 1 ? '' : 's'}` : 'empirical';
    default: return typeof d.dist === 'string' ? d.dist : 'not a distribution';
  }
}
