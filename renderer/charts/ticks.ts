// Axis tick labels in milliseconds: short enough for a slide ("20k" rather than "20,000"), in
// the locale of the numbers around them ("2.000" and "0,5" in de-DE), through the app's formatter.
import { formatNumber } from '../format/numbers';

/** `x` with as many decimals as JavaScript's shortest form has, in the formatter's locale. */
function localized(x: number): string {
  const text = String(x);
  if (/e/i.test(text)) return text; // beyond what an axis shows
  return formatNumber(x, text.split('.')[1]?.length ?? 0);
}

export function msTickLabel(value: number): string {
  const a = Math.abs(value);
  if (a >= 1e6) return `${localized(+(value / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${localized(+(value / 1e3).toPrecision(3))}k`;
  if (a >= 100 || Number.isInteger(value)) return localized(Math.round(value));
  return localized(+value.toPrecision(2));
}
