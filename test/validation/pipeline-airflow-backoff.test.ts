// `backoff: "airflow"` against Airflow 2's TaskInstance.next_retry_datetime, transcribed here:
//   min_backoff = ceil(retry_delay · 2^(try_number − 2)), at least 1   (try_number = n + 1 for retry n)
//   delay = min(min_backoff + hash % min_backoff, MAX_RETRY_DELAY = 24 h), then min(max_retry_delay, delay)
// Airflow's hash is a SHA-1 of the task instance, uniform over the residues for our purposes;
// Headroom draws the residue from the task's seeded `backoff` stream. Checked: the support (whole
// seconds in [m, 2m − 1]), the mean (3m − 1)/2, uniformity (χ² over the m values), the caps, and
// that the exact mode and every other draw are unchanged.
import { describe, expect, it } from 'vitest';
import { emptyPlan, TaskDraws } from '../../simulation/pipeline/attempts';
import { pipelineScenario, type TaskInput } from '../unit/pipeline/helpers';
import { recordCases, recordFidelity, type FidelityCheck } from './fidelity-record';

const DRAWS = 20_000;

const SOURCE = 'Apache Airflow 2.10, TaskInstance.next_retry_datetime';
const airflow = { model: 'pipeline', source: SOURCE, replications: '20,000 draws' } as const satisfies Partial<FidelityCheck>;

/** Retry waits of `DRAWS` independent courses of one always-failing task. */
function waits(task: Partial<TaskInput>, seed = 7): number[][] {
  const s = pipelineScenario([{ id: 'flaky', duration_s: 1, failure_probability: 1, retries: 4, retry_delay_s: 10, retry_exponential_backoff: true, ...task }]);
  const draws = new TaskDraws(s.pipeline!, seed, 0);
  const out: number[][] = [[], [], [], []];
  for (let i = 0; i < DRAWS; i++) {
    const plan = emptyPlan();
    draws.draw(0, plan);
    plan.delays.forEach((d, n) => out[n]!.push(d));
  }
  return out;
}

/** Airflow's lower bound for retry n (1-based) with retry_delay d. */
const minBackoff = (d: number, n: number) => Math.max(1, Math.ceil(d * 2 ** ((n + 1) - 2)));

describe('backoff: "airflow" (Airflow 2 next_retry_datetime)', () => {
  const w = waits({ backoff: 'airflow' });

  it('retry n waits a whole number of seconds in [m, 2m − 1], m = ⌈d·2^(n−1)⌉', () => {
    let ends = 0;
    for (let n = 1; n <= 4; n++) {
      const m = minBackoff(10, n);
      const xs = w[n - 1]!;
      recordCases({
        ...airflow, truth: 'retry wait: whole seconds in [m, 2m − 1], m = ⌈d · 2^(n−1)⌉', case: `retry ${n}, retry_delay 10 s (m = ${m} s): every draw`,
        agree: xs.filter((x) => Number.isInteger(x) && x >= m && x <= 2 * m - 1).length, total: DRAWS,
      });
      ends += Number(Math.min(...xs) === m) + Number(Math.max(...xs) === 2 * m - 1);
      expect(xs.length).toBe(DRAWS);
      expect(xs.every((x) => Number.isInteger(x) && x >= m && x <= 2 * m - 1)).toBe(true);
      // Both ends are reached (the jitter covers the whole range).
      expect(Math.min(...xs)).toBe(m);
      expect(Math.max(...xs)).toBe(2 * m - 1);
    }
    recordCases({ ...airflow, truth: 'retry wait: both ends, m and 2m − 1, are drawn', case: 'retries 1–4, retry_delay 10 s: 2 ends each', agree: ends, total: 8 });
  });

  it('the mean is (3m − 1)/2 within 4 standard errors', () => {
    for (let n = 1; n <= 4; n++) {
      const m = minBackoff(10, n);
      const xs = w[n - 1]!;
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt((m * m - 1) / 12); // discrete uniform over m values
      recordFidelity({
        ...airflow, truth: 'mean retry wait, (3m − 1)/2 (uniform on whole seconds in [m, 2m − 1])', case: `retry ${n}, retry_delay 10 s (m = ${m} s); tolerance 4 standard errors`,
        measured: mean, expected: (3 * m - 1) / 2, tolerance: { abs: 4 * sd / Math.sqrt(xs.length) },
      });
      expect(Math.abs(mean - (3 * m - 1) / 2)).toBeLessThan(4 * sd / Math.sqrt(xs.length));
    }
  });

  it('the jitter is uniform over the m values (χ², 9 degrees of freedom, p = 0.001)', () => {
    const m = minBackoff(10, 1);
    const counts = new Array<number>(m).fill(0);
    for (const x of w[0]!) counts[x - m]!++;
    const e = DRAWS / m;
    const chi2 = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    // The band is the test's: below χ²₉'s 0.999 quantile; the truth shown is χ²₉'s mean, 9.
    recordFidelity({
      ...airflow, truth: 'retry wait uniform over its m values: χ² statistic, 9 degrees of freedom', case: 'retry 1, retry_delay 10 s (m = 10 values); band: below χ²₉ at p = 0.001, truth: its mean',
      measured: chi2, expected: m - 1, tolerance: { range: [0, 27.88] },
    });
    expect(chi2).toBeLessThan(27.88);
  });

  it('max_retry_delay_s caps the jittered wait; a delay below 1 s becomes 1 s, as in Airflow', () => {
    const capped = waits({ backoff: 'airflow', max_retry_delay_s: 50 });
    const tiny = waits({ backoff: 'airflow', retry_delay_s: 0.3 });
    recordCases({
      ...airflow, truth: 'max_retry_delay caps the jittered wait: min(max_retry_delay, delay)', case: 'retry_delay 10 s, max_retry_delay 50 s: retry 3 in [40, 50], retry 4 = 50, every draw',
      agree: capped[2]!.filter((x) => x >= 40 && x <= 50).length + capped[3]!.filter((x) => x === 50).length, total: 2 * DRAWS,
    });
    // Retry 3 draws 40…79 uniformly, so 30 of the 40 values are capped to 50; the test asks for over half.
    recordFidelity({
      ...airflow, truth: 'share of waits cut to max_retry_delay, P(m + jitter ≥ cap)', case: 'retry 3, retry_delay 10 s (m = 40 s), max_retry_delay 50 s: 30 of 40 values',
      measured: capped[2]!.filter((x) => x === 50).length / DRAWS, expected: 30 / 40, tolerance: { range: [0.5, 1] },
    });
    recordCases({
      ...airflow, truth: 'minimum backoff of 1 s: m = max(1, ⌈d · 2^(n−1)⌉)', case: 'retry_delay 0.3 s: retries 1 and 2 wait 1 s, retry 3 waits 2 or 3 s, every draw',
      agree: tiny[0]!.filter((x) => x === 1).length + tiny[1]!.filter((x) => x === 1).length + tiny[2]!.filter((x) => x === 2 || x === 3).length, total: 3 * DRAWS,
    });
    expect(capped[2]!.every((x) => x >= 40 && x <= 50)).toBe(true);
    expect(capped[2]!.filter((x) => x === 50).length).toBeGreaterThan(DRAWS / 2); // 50…79 → 50
    expect(capped[3]!.every((x) => x === 50)).toBe(true); // 80…159 → 50
    expect(tiny[0]!.every((x) => x === 1)).toBe(true);
    expect(tiny[1]!.every((x) => x === 1)).toBe(true); // ⌈0.6⌉ = 1
    expect(new Set(tiny[2]!)).toEqual(new Set([2, 3])); // ⌈1.2⌉ = 2
  });

  it('the exact mode doubles exactly, and the jitter stream leaves every other draw alone', () => {
    const exact = waits({});
    exact.forEach((xs, i) => expect(xs.every((x) => x === 10 * 2 ** i)).toBe(true));
    const courses = (task: Partial<TaskInput>) => {
      const s = pipelineScenario([{ id: 'flaky', duration_s: { dist: 'exponential', mean: 30 }, failure_probability: 0.5, retries: 3, retry_delay_s: 10, retry_exponential_backoff: true, ...task }]);
      const d = new TaskDraws(s.pipeline!, 3, 1);
      return Array.from({ length: 200 }, () => { const p = emptyPlan(); d.draw(0, p); return p.times; });
    };
    expect(courses({ backoff: 'airflow' })).toEqual(courses({}));
  });

  it('is deterministic by seed and differs between seeds', () => {
    expect(waits({ backoff: 'airflow' }, 7)[0]!.slice(0, 50)).toEqual(w[0]!.slice(0, 50));
    expect(waits({ backoff: 'airflow' }, 8)[0]!.slice(0, 50)).not.toEqual(w[0]!.slice(0, 50));
  });
});
