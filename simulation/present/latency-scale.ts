// When the latency chart's axis is logarithmic, in the app and in the report alike: when the
// drawn values (means, upper CI bounds and the budget) span more than 30× (~1.5 decades), as
// when an unstable queue dwarfs the budget. Pure.
export const LOG_SCALE_RATIO = 30;

export function wantsLogScale(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_SCALE_RATIO;
}
