// Axis tick labels in milliseconds: short enough for a slide ("20k" rather than "20,000").
export function msTickLabel(value: number): string {
  const a = Math.abs(value);
  if (a >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(value / 1e3).toPrecision(3)}k`;
  if (a >= 100 || Number.isInteger(value)) return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(+value.toPrecision(2));
}
