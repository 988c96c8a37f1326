// One synchronous data-parallel step of a job, drawn without one draw per worker where the
// distribution allows it. The job's workers are two i.i.d. groups: n1 on normal nodes and n2 on
// persistently slow nodes (times × slowdown). The step's compute ends when the k-th slowest
// worker ends: k = 1 is the plain barrier; k = b + 1 under `backup_workers` (the b slowest are
// dropped). `draw()` returns that compute time and leaves in `busy` the workers' compute
// Σ min(tᵢ, end), exact in expectation (see dist-tail.ts).
//
// Closed form (exponential, uniform, weibull, pareto, lognormal, untruncated normal): the top k
// order statistics of a group of n come from the uniform spacings U_(n) = U^{1/n},
// U_(n−i) = U_(n−i+1)·V^{1/(n−i)}, mapped through the upper-tail quantile; the workers below them
// contribute their conditional mean. Other distributions loop over the workers (n draws).
import type { Rng } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { Dist } from '../scenario/dist-schema';
import { constantValue, tailModel, type TailModel } from './dist-tail';

export interface StepSampler {
  /**
   * Draws one step: `end` is the time at which its compute ends (the barrier), `busy` the sum
   * over the workers of min(own compute, end). Fields, not return values, so the hot loop boxes
   * no double.
   */
  draw(): void;
  end: number;
  busy: number;
}

/** Upper tail of the maximum of n uniforms: 1 − U^{1/n}, in (0, 1]. */
function topTail(u: number, n: number): number {
  if (n === 1) return 1 - u;
  return u === 0 ? 1 : -Math.expm1(Math.log(u) / n);
}

export function stepSampler(dist: Dist, n1: number, n2: number, slowdown: number, k: number, rng: Rng): StepSampler {
  const n = n1 + n2;
  if (!(k >= 1 && k <= n)) throw new Error(`step sampler: rank ${k} outside 1..${n}`);
  const c = constantValue(dist);
  if (c !== null) return constantStep(c, n1, n2, slowdown, k);
  const tm = tailModel(dist);
  if (tm === null) return loopStep(compileDist(dist, rng), n1, n2, slowdown, k);
  return k === 1 ? new MaxStep(tm, n1, n2, slowdown, rng) : new TopKStep(tm, n1, n2, slowdown, k, rng);
}

function constantStep(v: number, n1: number, n2: number, s: number, k: number): StepSampler {
  // Sorted from the top: n2 values s·v, then n1 values v.
  const end = n2 >= k ? s * v : v;
  const busy = n1 * Math.min(v, end) + n2 * Math.min(s * v, end);
  return { draw: () => undefined, end, busy };
}

class MaxStep implements StepSampler {
  end = 0;
  busy = 0;
  constructor(private readonly tm: TailModel, private readonly n1: number, private readonly n2: number,
    private readonly s: number, private readonly rng: Rng) {}

  draw(): void {
    const { tm, n1, n2, s, rng } = this;
    let end = 0, busy = 0;
    if (n1 > 0) {
      const q = topTail(rng.next(), n1);
      if (n1 > 1) {
        tm.at(q);
        end = tm.x;
        busy = end + (n1 - 1) * tm.cm;
      } else {
        end = busy = tm.upper(q);
      }
    }
    if (n2 > 0) {
      const q = topTail(rng.next(), n2);
      let m0: number;
      if (n2 > 1) {
        tm.at(q);
        m0 = tm.x;
        busy += s * (m0 + (n2 - 1) * tm.cm);
      } else {
        m0 = tm.upper(q);
        busy += s * m0;
      }
      if (s * m0 > end) end = s * m0;
    }
    this.busy = busy;
    this.end = end;
  }
}

class TopKStep implements StepSampler {
  end = 0;
  busy = 0;
  /** Drawn top values of both groups (scaled), and per group the conditional mean below them. */
  private readonly vals: Float64Array;
  private readonly sorted: Float64Array;

  constructor(private readonly tm: TailModel, private readonly n1: number, private readonly n2: number,
    private readonly s: number, private readonly k: number, private readonly rng: Rng) {
    this.vals = new Float64Array(2 * k);
    this.sorted = new Float64Array(2 * k);
  }

  draw(): void {
    const { k, vals } = this;
    let m = 0, below = 0;
    if (this.n1 > 0) {
      const j = Math.min(k, this.n1);
      below += this.drawTop(this.n1, j, 1, m);
      m += j;
    }
    if (this.n2 > 0) {
      const j = Math.min(k, this.n2);
      below += this.drawTop(this.n2, j, this.s, m);
      m += j;
    }
    // k-th largest of the drawn values (at most 2k of them): a small insertion sort.
    const srt = this.sorted;
    for (let i = 0; i < m; i++) {
      const v = vals[i] as number;
      let p = i;
      while (p > 0 && (srt[p - 1] as number) < v) { srt[p] = srt[p - 1] as number; p--; }
      srt[p] = v;
    }
    const end = srt[k - 1] as number;
    // Workers below a group's drawn top are below the end: they count with their conditional mean.
    let busy = below;
    for (let i = 0; i < m; i++) busy += Math.min(vals[i] as number, end);
    this.busy = busy;
    this.end = end;
  }

  /**
   * Writes the j largest of n scaled draws at vals[at..]; returns the expected total of the other
   * n − j (each ≤ the smallest drawn one).
   */
  private drawTop(n: number, j: number, scale: number, at: number): number {
    const { tm, rng, vals } = this;
    let q = topTail(rng.next(), n);
    for (let i = 0; ; i++) {
      if (i === j - 1) {
        if (n === j) { vals[at + i] = scale * tm.upper(q); return 0; }
        tm.at(q);
        vals[at + i] = scale * tm.x;
        return (n - j) * scale * tm.cm;
      }
      vals[at + i] = scale * tm.upper(q);
      // Next uniform down: u' = u·V^{1/(n−i−1)}, so q' = 1 − (1 − q)·w with w = V^{1/(n−i−1)}.
      const lw = Math.log(rng.next()) / (n - i - 1);
      q = q * Math.exp(lw) - Math.expm1(lw);
    }
  }
}

function loopStep(draw: Sampler, n1: number, n2: number, s: number, k: number): StepSampler {
  const n = n1 + n2;
  const times = new Float64Array(n);
  const top = new Float64Array(k);
  const out: StepSampler = {
    end: 0,
    busy: 0,
    draw(): void {
      let filled = 0;
      for (let i = 0; i < n; i++) {
        const t = i < n1 ? draw() : s * draw();
        times[i] = t;
        // Keep the k largest, descending.
        if (filled < k || t > (top[k - 1] as number)) {
          let p = filled < k ? filled++ : k - 1;
          while (p > 0 && (top[p - 1] as number) < t) { top[p] = top[p - 1] as number; p--; }
          top[p] = t;
        }
      }
      const end = top[k - 1] as number;
      let busy = 0;
      for (let i = 0; i < n; i++) busy += Math.min(times[i] as number, end);
      out.busy = busy;
      out.end = end;
    },
  };
  return out;
}
