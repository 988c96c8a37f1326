import { describe, expect, it } from 'vitest';
import { NumberText } from '../../../simulation/present';
import { formatDuration, formatNumber, formatRate, formatStat, formatStatMs, formatStatPercent, withChartNumbers } from '../../../renderer/format/numbers';
import { msTickLabel } from '../../../renderer/charts/ticks';

describe('number formatting', () => {
  it('writes a statistic with its 95% CI at the mean’s precision', () => {
    expect(formatStatMs({ mean: 123.44, ci95: [118.21, 128.93] })).toBe('123.4 ms [118.2, 128.9]');
    expect(formatStatMs({ mean: 4321.6, ci95: [4000.2, 4700.9] })).toBe('4,322 ms [4,000, 4,701]');
    expect(formatStatPercent({ mean: 0.9981, ci95: [0.9975, 0.9987] })).toBe('99.8 % [99.8, 99.9]');
  });

  it('drops the interval when there is one replication', () => {
    expect(formatStat({ mean: 12.5, ci95: [12.5, 12.5] }, 'ms')).toBe('12.5 ms');
    expect(formatStat(null)).toBe('—');
  });

  it('formats numbers, durations, rates and ticks', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(200)).toBe('200');
    expect(formatNumber(453.14)).toBe('453.1');
    expect(formatNumber(0.0412)).toBe('0.04');
    expect(formatNumber(203, 1)).toBe('203.0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatDuration(350)).toBe('350 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatRate(1_234_567)).toBe('1.23 M');
    expect(msTickLabel(200)).toBe('200');
    expect(msTickLabel(2000)).toBe('2,000');
    expect(msTickLabel(20000)).toBe('20k');
    expect(msTickLabel(0.5)).toBe('0.5');
    expect([msTickLabel(-1234), msTickLabel(12_500), msTickLabel(2_500_000), msTickLabel(0.0025)]).toEqual(['-1,234', '12.5k', '2.5M', '0.0025']);
  });

  it('spells tick labels in the locale of the charts being rendered (a report in de-DE)', () => {
    const de = new NumberText('de-DE');
    expect(withChartNumbers(de, () => [msTickLabel(2000), msTickLabel(0.5), msTickLabel(12_500), formatNumber(1234.5, 1)])).toEqual(['2.000', '0,5', '12,5k', '1.234,5']);
    expect(msTickLabel(2000)).toBe('2,000');
  });
});
