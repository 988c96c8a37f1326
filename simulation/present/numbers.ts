// The one number formatter of the app, the reports and the command line: value + unit → text,
// "mean [lo, hi]" for a 95% CI, percentages and durations. Pure (no DOM, no Node), so the
// renderer and the backend share it.
//
// Rounding is the exact binary value's, as Number.prototype.toFixed rounds (1.005 → "1.00");
// Intl.NumberFormat only localizes the rounded decimal string (grouping, decimal mark), so the
// figures are the same in every locale and only their spelling changes. The locale is injected:
// the app and its reports pass the user's, the CLI and the golden tests the fixed 'en-US'.
//
// Three precisions, one per kind of reader:
// - `plain`: up to n decimals, no grouping, trailing zeros dropped (the CLI: 203, 0.7516).
// - `number`/`stat`: a slide's precision, 0 d.p. from 1,000, 1 from 10, else 2 (the app).
// - `sig`/`statSig`: about three significant digits and a CI's decimals chosen from its width
//   (the reports: 1,349 · 0.0568 · "7.05 h [3.19, 10.92]").
import type { MaybeStat } from '../result/types';

export const DASH = '—';
export const FIXED_LOCALE = 'en-US';

interface DecimalOptions {
  /** Keep trailing zeros up to `digits` (203.0) or drop them (203). */
  pad: boolean;
  grouping: boolean;
  /** "−" (U+2212) instead of "-", and no sign on a value that rounds to zero. */
  typographic: boolean;
}

const intlCache = new Map<string, Intl.NumberFormat>();

function intl(locale: string, digits: number, o: DecimalOptions): Intl.NumberFormat {
  const key = `${locale}|${digits}|${o.pad}|${o.grouping}|${o.typographic}`;
  let f = intlCache.get(key);
  if (!f) {
    // signDisplay 'negative' (no sign on a zero) is ES2023; the layers compile against ES2022.
    const options = {
      minimumFractionDigits: o.pad ? digits : 0, maximumFractionDigits: Math.max(digits, 0),
      useGrouping: o.grouping, signDisplay: o.typographic ? 'negative' : 'auto',
    };
    f = new Intl.NumberFormat(locale, options as Intl.NumberFormatOptions);
    intlCache.set(key, f);
  }
  return f;
}

/** A finite number rounded to `digits` decimals (toFixed's rounding), spelled in `locale`. */
export function decimal(x: number, digits: number, o: DecimalOptions, locale: string): string {
  const rounded = (x === 0 ? 0 : x).toFixed(digits); // x === 0 folds −0 into 0
  // format(string) keeps the decimal exactly (Intl.NumberFormat v3).
  const text = intl(locale, digits, o).format(rounded as unknown as number);
  return o.typographic ? text.replace(/-/g, '−') : text;
}

/** Decimals of a slide: 0 from 1,000, 1 from 10, else 2. */
export function slideDecimals(value: number): number {
  const a = Math.abs(value);
  if (a >= 1000) return 0;
  if (a >= 10) return 1;
  return 2;
}

/** Decimals that show about three significant digits of |x| (0 for ≥ 100, at most 6). */
export function significantDecimals(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(a)));
}

const trimZeros = (s: string, mark: string) => (s.includes(mark) ? s.replace(new RegExp(`\\${mark}?0+$`), '') : s);

/** "mean [lo, hi]" with the suffix after the mean (or after every number), or the mean alone. */
function interval(mean: string, lo: string, hi: string, suffix: string, unitInside = false): string {
  return unitInside ? `${mean}${suffix} [${lo}${suffix}, ${hi}${suffix}]` : `${mean}${suffix} [${lo}, ${hi}]`;
}

/** The formatter for one locale; its methods may be destructured (`const { plain } = EN_US`). */
export class NumberText {
  private readonly mark: string;

  constructor(readonly locale: string = FIXED_LOCALE) {
    this.mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  }

  // —— plain: the command line ——

  /** Up to `digits` decimals, trailing zeros dropped, no grouping: 203, 0.7516, 0.25. */
  readonly plain = (x: number, digits = 4): string => {
    if (!Number.isFinite(x)) return String(x);
    return trimZeros(decimal(x, digits, { pad: false, grouping: false, typographic: false }, this.locale), this.mark);
  };

  /** `mean unit [lo, hi]`, or the mean alone when the interval is a point, or — for null. */
  readonly plainStat = (s: MaybeStat | undefined, unit = '', digits = 2): string => {
    if (!s) return DASH;
    const [lo, hi] = s.ci95;
    const f = (x: number) => this.plain(x, digits);
    return lo === hi ? `${f(s.mean)}${unit}` : interval(f(s.mean), f(lo), f(hi), unit);
  };

  // —— slide precision: the app ——

  /**
   * With `decimals`, exactly that many (tables of comparable figures, CI bounds); without, up to
   * a slide's precision and no trailing zeros ("200", "453.1").
   */
  readonly number = (value: number, decimals?: number): string => {
    if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : DASH;
    const text = decimal(value, decimals ?? slideDecimals(value), { pad: true, grouping: true, typographic: false }, this.locale);
    return decimals === undefined ? trimZeros(text, this.mark) : text;
  };

  readonly ms = (value: number): string => {
    return `${this.number(value)} ms`;
  };

  /** A fraction as "12.3 %". */
  readonly percent = (fraction: number, decimals = 1): string => {
    return `${this.number(fraction * 100, decimals)} %`;
  };

  /** "mean unit [lo, hi]" with the mean's precision applied to the bounds too. */
  readonly stat = (stat: MaybeStat, unit = '', scale = 1, decimals?: number): string => {
    if (!stat) return DASH;
    const mean = stat.mean * scale;
    const d = decimals ?? slideDecimals(mean); // one precision for the mean and both bounds
    const [lo, hi] = stat.ci95.map((v) => this.number(v * scale, d)) as [string, string];
    const suffix = unit ? ` ${unit}` : '';
    if (lo === hi && lo === this.number(mean, d)) return `${lo}${suffix}`;
    return interval(this.number(mean, d), lo, hi, suffix);
  };

  readonly statMs = (stat: MaybeStat): string => {
    return this.stat(stat, 'ms');
  };

  readonly statPercent = (stat: MaybeStat): string => {
    return this.stat(stat, '%', 100, 1);
  };

  /** "1.23 M" style for rates such as events per second. */
  readonly rate = (value: number): string => {
    if (!Number.isFinite(value) || value <= 0) return '0';
    const units: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    const three = (x: number) => this.number(Number(x.toPrecision(3)), Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)) + 1e-12)));
    for (const [size, suffix] of units) {
      if (value >= size) return `${three(value / size)} ${suffix}`;
    }
    return three(value);
  };

  // —— about three significant digits: the reports ——

  /** `decimals` places, grouped, "−" for negatives, never "−0": 1,349 · 0.0568 · −1,149. */
  readonly fixed = (x: number, decimals: number): string => {
    if (!Number.isFinite(x)) return DASH;
    return decimal(x, decimals, { pad: true, grouping: true, typographic: true }, this.locale);
  };

  /** About three significant digits: 1,349 · 80.0 → 80 · 0.0568. Integers stay integers. */
  readonly sig = (x: number | null | undefined, decimals?: number): string => {
    if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
    if (decimals !== undefined) return this.fixed(x, decimals);
    if (Number.isInteger(x)) return this.fixed(x, 0);
    return trimZeros(this.fixed(x, significantDecimals(x)), this.mark);
  };

  /** A fraction as a percentage with about three significant digits: 0.7629 → 76.3%. */
  readonly sigPercent = (x: number | null | undefined, decimals?: number): string => {
    if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
    const p = x * 100;
    if (decimals !== undefined) return `${this.fixed(p, decimals)}%`;
    return `${trimZeros(this.fixed(p, Math.min(significantDecimals(p), 4)), this.mark)}%`;
  };

  /**
   * "mean [lo, hi]" in one scale and with one number of decimals, chosen from the interval's
   * width: the half-width's first significant digit, at most one more than the mean's own three
   * significant digits, never fewer than the mean's (capped at 1 for percents). A point
   * interval prints the mean alone; null prints "—".
   */
  readonly statSig = (s: MaybeStat | undefined, scale: { factor: number; suffix: string; percent: boolean }, unitInside = false): string => {
    if (!s) return DASH;
    const [lo, hi] = s.ci95;
    const { factor, suffix, percent } = scale;
    const m = s.mean * factor, l = lo * factor, h = hi * factor;
    const half = Math.abs(h - l) / 2;
    const byWidth = half > 0 ? Math.max(0, -Math.floor(Math.log10(half))) : 0;
    const own = significantDecimals(m === 0 ? half : m);
    const d = Math.min(percent ? 3 : 6, Math.max(Math.min(own, percent ? 1 : 2), Math.min(byWidth, own + 1)));
    const f = (x: number) => this.fixed(x, d);
    if (lo === hi) return `${Number.isInteger(m) ? this.fixed(m, 0) : f(m)}${suffix}`;
    return interval(f(m), f(l), f(h), suffix, unitInside);
  };
}

/** The fixed-locale formatter of the CLI, the golden documents and the default reports. */
export const EN_US = new NumberText(FIXED_LOCALE);
