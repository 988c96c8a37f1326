// A lognormal or gamma step time with a cv so small that it is a point in double precision
// (found by test/fuzz/scenario-reader.fuzz.test.ts: cv 1e-12 gave expected_step_s = NaN, since
// ln(1 + cv²) rounds to 0 and the CDF divided 0 by 0): its expected barrier time is the mean.
import { describe, expect, it } from 'vitest';
import { expectedMaxOfGroups, expectedOrderStat } from '../../../simulation/cluster/expected-step';

describe('expected step time with a vanishing cv', () => {
  for (const dist of ['lognormal', 'gamma'] as const) {
    it(`${dist}: cv 1e-9 … 5e-324 gives the mean, for one group and two`, () => {
      for (const cv of [1e-9, 1e-12, 1e-100, 5e-324]) {
        expect(expectedOrderStat({ dist, mean: 1.5, cv }, 16)).toBe(1.5);
        expect(expectedMaxOfGroups({ dist, mean: 1.5, cv }, 12, 4, 2)).toBeCloseTo(3, 3);
      }
    });
    it(`${dist}: a small but real cv still spreads the barrier time above the mean`, () => {
      const e = expectedOrderStat({ dist, mean: 1.5, cv: 1e-3 }, 16) as number;
      expect(e).toBeGreaterThan(1.5);
      expect(e).toBeLessThan(1.51);
    });
  }
});
