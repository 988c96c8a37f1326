// The comparison's intervals against theory: over many pairs of samples from known normal
// distributions, the 95% CI of B − A (Welch's, read back from each side's Student-t CI, and the
// paired one) covers the true difference about 95% of the time, and calls a zero difference
// significant about 5% of the time. Tolerances: 2,000 trials give a standard error of 0.49
// percentage points on a 95% coverage, so ±1.6 points is over 3 standard errors.
import { describe, expect, it } from 'vitest';
import { pairedDiff, welchDiff } from '../../simulation';
import { deriveStream } from '../../simulation/random/rng';
import { statOf } from '../../simulation/stats/stat';
import { recordFidelity } from './fidelity-record';

const WELCH = 'Welch (1947) interval, df floored';
const PAIRED = 'paired Student-t interval (Student, 1908)';

const TRIALS = 2000;

function normal(rng: { next(): number }): number {
  // Box–Muller on two uniforms in (0, 1).
  const u = 1 - rng.next(), v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function sample(rng: { next(): number }, n: number, mean: number, sd: number): number[] {
  return Array.from({ length: n }, () => mean + sd * normal(rng));
}

describe('Welch interval from two Student-t CIs', () => {
  it.each([
    [5, 5, 1, 1],
    [5, 10, 1, 3],
    [3, 8, 2, 0.5],
  ])('n=%i and %i, sd %d and %d: covers the true difference 95% of the time', (na, nb, sa, sb) => {
    const rng = deriveStream(42, na * 100 + nb, 'welch');
    let covered = 0;
    for (let t = 0; t < TRIALS; t++) {
      const a = statOf(sample(rng, na, 10, sa))!;
      const b = statOf(sample(rng, nb, 12, sb))!;
      const { diff } = welchDiff(a, b, na, nb);
      if (diff!.ci95[0] <= 2 && 2 <= diff!.ci95[1]) covered++;
    }
    recordFidelity({
      model: 'what-if', truth: '95% CI coverage of the true difference B − A', source: WELCH, case: `normal samples, n = ${na} and ${nb}, sd ${sa} and ${sb}`,
      measured: covered / TRIALS, expected: 0.95, tolerance: { range: [0.95 - 0.016, 0.99] }, replications: `${TRIALS} trials`,
    });
    // Flooring Welch's fractional degrees of freedom errs wide: coverage at or a little above 95%.
    expect(covered / TRIALS).toBeGreaterThan(0.95 - 0.016);
    expect(covered / TRIALS).toBeLessThan(0.99);
  });

  it('matches a worked example (two samples, hand-computed Welch)', () => {
    // A = 1..5 (mean 3, s² 2.5), B = 2,4,6,8,10 (mean 6, s² 10): se² = 0.5 + 2 = 2.5,
    // df = 2.5² / (0.5²/4 + 2²/4) = 6.25 / 1.0625 = 5.88 → floored to 5 (t = 2.5706).
    const a = statOf([1, 2, 3, 4, 5])!, b = statOf([2, 4, 6, 8, 10])!;
    const { diff, significant } = welchDiff(a, b, 5, 5);
    const half = 2.570581836 * Math.sqrt(2.5);
    recordFidelity({
      model: 'what-if', truth: 'Welch 95% CI upper end, 3 + t₅ · √2.5', source: 'hand computation (in the test)', case: 'A = 1…5, B = 2, 4, …, 10',
      measured: diff!.ci95[1], expected: 3 + half, tolerance: { abs: 5e-10 },
    });
    expect(diff!.mean).toBeCloseTo(3, 12);
    expect(diff!.ci95[0]).toBeCloseTo(3 - half, 9);
    expect(diff!.ci95[1]).toBeCloseTo(3 + half, 9);
    // 3 ± 4.06 includes 0: with five replications each, this much spread hides a doubling.
    expect(significant).toBe(false);
  });

  it('one replication: no interval, and no claim either way', () => {
    expect(welchDiff({ mean: 1, ci95: [1, 1] }, { mean: 2, ci95: [2, 2] }, 1, 1)).toEqual({ diff: null, significant: null });
  });

  it('no spread on either side: the difference is exact', () => {
    expect(welchDiff({ mean: 180, ci95: [180, 180] }, { mean: 180, ci95: [180, 180] }, 5, 5)).toEqual({ diff: { mean: 0, ci95: [0, 0] }, significant: false });
  });
});

describe('paired interval', () => {
  it('covers the true difference 95% of the time, and is narrower than Welch under common noise', () => {
    const rng = deriveStream(7, 0, 'paired');
    let covered = 0, falseAlarms = 0, narrower = 0;
    for (let t = 0; t < TRIALS; t++) {
      // Replication i of A and B share most of their noise (the same seed), as the engine's do.
      const common = sample(rng, 5, 0, 3);
      const a = common.map((c) => 10 + c + 0.3 * normal(rng));
      const b = common.map((c) => 11 + c + 0.3 * normal(rng));
      const same = common.map((c) => 10 + c + 0.3 * normal(rng));
      const p = pairedDiff(a, b);
      if (p.diff!.ci95[0] <= 1 && 1 <= p.diff!.ci95[1]) covered++;
      if (pairedDiff(a, same).significant) falseAlarms++;
      const w = welchDiff(statOf(a)!, statOf(b)!, 5, 5);
      if (p.diff!.ci95[1] - p.diff!.ci95[0] < w.diff!.ci95[1] - w.diff!.ci95[0]) narrower++;
    }
    const paired = { model: 'what-if', source: PAIRED, case: 'pairs sharing common noise (sd 3) plus sd 0.3, n = 5', replications: `${TRIALS} trials` } as const;
    recordFidelity({ ...paired, truth: '95% CI coverage of the true difference B − A', measured: covered / TRIALS, expected: 0.95, tolerance: { abs: 0.016 } });
    recordFidelity({ ...paired, truth: 'false-alarm rate at a zero difference, 5%', measured: falseAlarms / TRIALS, expected: 0.05, tolerance: { range: [0, 0.05 + 0.016] } });
    expect(Math.abs(covered / TRIALS - 0.95)).toBeLessThan(0.016);
    expect(falseAlarms / TRIALS).toBeLessThan(0.05 + 0.016);
    expect(narrower / TRIALS).toBeGreaterThan(0.95);
  });

  it('drops pairs where either side is empty', () => {
    expect(pairedDiff([1, null, 3], [2, 5, 4]).diff!.mean).toBeCloseTo(1, 12);
    expect(pairedDiff([1], [2])).toEqual({ diff: null, significant: null });
  });
});
