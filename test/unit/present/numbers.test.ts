// The one number formatter: its three precisions, the CI forms, the locale, and the edge cases
// (null, 0, −0, negative, huge, tiny, non-finite).
import { describe, expect, it } from 'vitest';
import { clock, durationUnit, wallTime } from '../../../simulation/present/durations';
import { EN_US, NumberText } from '../../../simulation/present/numbers';
import { statWithUnit, valueWithUnit } from '../../../simulation/present/units';

describe('the shared number formatter', () => {
  it('rounds the exact binary value, as toFixed does, in every precision', () => {
    expect(EN_US.plain(1.005, 2)).toBe('1'); // 1.005 is 1.00499999… in binary
    expect(EN_US.number(1.005, 2)).toBe('1.00');
    expect(EN_US.fixed(1.005, 2)).toBe('1.00');
    expect(EN_US.plain(2.5, 0)).toBe('3');
    expect(EN_US.plain(-2.5, 0)).toBe('-3');
  });

  it('plain (CLI): no grouping, trailing zeros dropped, −0 folded', () => {
    expect(EN_US.plain(203)).toBe('203');
    expect(EN_US.plain(0.75158, 4)).toBe('0.7516');
    expect(EN_US.plain(1234567.25, 1)).toBe('1234567.3');
    expect(EN_US.plain(-0)).toBe('0');
    expect(EN_US.plain(0)).toBe('0');
    expect(EN_US.plain(-0.00001)).toBe('-0');
    expect(EN_US.plain(Infinity)).toBe('Infinity');
    expect(EN_US.plainStat({ mean: 12.5, ci95: [11, 14] }, ' ms')).toBe('12.5 ms [11, 14]');
    expect(EN_US.plainStat({ mean: 12.5, ci95: [12.5, 12.5] }, ' ms')).toBe('12.5 ms');
    expect(EN_US.plainStat(null)).toBe('—');
  });

  it('slide precision (app): grouped, at most 2 d.p., ∞ and — for non-finite', () => {
    expect(EN_US.number(1234567)).toBe('1,234,567');
    expect(EN_US.number(453.14)).toBe('453.1');
    expect(EN_US.number(0.0412)).toBe('0.04');
    expect(EN_US.number(203, 1)).toBe('203.0');
    expect(EN_US.number(-1500)).toBe('-1,500');
    expect(EN_US.number(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(EN_US.number(-Infinity)).toBe('−∞');
    expect(EN_US.number(Number.NaN)).toBe('—');
    expect(EN_US.statMs({ mean: 123.44, ci95: [118.21, 128.93] })).toBe('123.4 ms [118.2, 128.9]');
    expect(EN_US.statPercent({ mean: 0.9981, ci95: [0.9975, 0.9987] })).toBe('99.8 % [99.8, 99.9]');
    expect(EN_US.rate(1_234_567)).toBe('1.23 M');
    expect(EN_US.rate(5)).toBe('5.00');
  });

  it('three significant digits (reports): typographic minus, never −0, tiny values kept', () => {
    expect(EN_US.sig(1349.4)).toBe('1,349');
    expect(EN_US.sig(0.0568123)).toBe('0.0568');
    expect(EN_US.sig(0.000001234)).toBe('0.000001');
    expect(EN_US.sig(-1149)).toBe('−1,149');
    expect(EN_US.sig(-0.0001, 2)).toBe('0.00');
    expect(EN_US.sig(null)).toBe('—');
    expect(EN_US.sigPercent(0.75158755814774)).toBe('75.2%');
    expect(statWithUnit(EN_US, { mean: 25391.7, ci95: [11470.6, 39312.9] }, 's')).toBe('7.05 h [3.19, 10.92]');
    expect(statWithUnit(EN_US, { mean: -1149, ci95: [-1702.1, -595.9] }, 'ms')).toBe('−1,149 ms [−1,702, −596]');
    expect(valueWithUnit(EN_US, 90, 's')).toBe('90 s');
    expect(valueWithUnit(EN_US, 10 * 86_400, 's')).toBe('10 d');
  });

  it('spells the same rounded figure in the locale it is given', () => {
    const de = new NumberText('de-DE');
    expect(de.number(1234.56)).toBe('1.235');
    expect(de.number(12.34)).toBe('12,3');
    expect(de.sig(-1349.4)).toBe('−1.349');
    expect(de.statMs({ mean: 123.44, ci95: [118.21, 128.93] })).toBe('123,4 ms [118,2, 128,9]');
    expect(de.plain(0.25)).toBe('0,25');
  });

  it('durations: one unit from the magnitude, wall time, prose', () => {
    expect([60, 600, 86_400, 6 * 86_400].map((s) => durationUnit(s).unit)).toEqual(['s', 'min', 'h', 'd']);
    expect(wallTime(125_000)).toBe('2 min 05 s');
    expect(wallTime(-1)).toBe('—');
    expect(clock(12_180)).toBe('3 h 23 min');
  });
});
