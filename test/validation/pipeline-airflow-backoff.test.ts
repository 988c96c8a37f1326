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

const DRAWS = 20_000;

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
    for (let n = 1; n <= 4; n++) {
      const m = minBackoff(10, n);
      const xs = w[n - 1]!;
      expect(xs.length).toBe(DRAWS);
      expect(xs.every((x) => Number.isInteger(x) && x >= m && x <= 2 * m - 1)).toBe(true);
      // Both ends are reached (the jitter covers the whole range).
      expect(Math.min(...xs)).toBe(m);
      expect(Math.max(...xs)).toBe(2 * m - 1);
    }
  });

  it('the mean is (3m − 1)/2 within 4 standard errors', () => {
    for (let n = 1; n <= 4; n++) {
      const m = minBackoff(10, n);
      const xs = w[n - 1]!;
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt((m * m - 1) / 12); // discrete uniform over m values
      expect(Math.abs(mean - (3 * m - 1) / 2)).toBeLessThan(4 * sd / Math.sqrt(xs.length));
    }
  });

  it('the jitter is uniform over the m values (χ², 9 degrees of freedom, p = 0.001)', () => {
    const m = minBackoff(10, 1);
    const counts = new Array<number>(m).fill(0);
    for (const x of w[0]!) counts[x - m]!++;
    const e = DRAWS / m;
    const chi2 = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it('max_retry_delay_s caps the jittered wait; a delay below 1 s becomes 1 s, as in Airflow', () => {
    const capped = waits({ backoff: 'airflow', max_retry_delay_s: 50 });
    expect(capped[2]!.every((x) => x >= 40 && x <= 50)).toBe(true);
    expect(capped[2]!.filter((x) => x === 50).length).toBeGreaterThan(DRAWS / 2); // 50…79 → 50
    expect(capped[3]!.every((x) => x === 50)).toBe(true); // 80…159 → 50
    const tiny = waits({ backoff: 'airflow', retry_delay_s: 0.3 });
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
