// Queueing formulas shown beside the simulated figures.
// Erlang C via the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)): every term stays in
// [0, 1], so it is stable for thousands of servers where a^c / c! would overflow.

/** Erlang B blocking probability for offered load `a` (Erlangs) on `c` servers. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arrival waits, for load a = λ/μ on c servers (1 when a ≥ c). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface MmcFigures {
  p_wait: number;
  mean_wait_ms: number;
  p99_wait_ms: number;
}

/**
 * M/M/c waiting-time figures: λ in requests/s, mean service in ms, c servers; requires λ·S < c.
 * P(W > t) = C·e^{−(cμ−λ)t}, so the q-quantile is ln(C/(1−q)) / (cμ−λ), or 0 when C ≤ 1−q.
 */
export function mmcWait(lambdaRps: number, meanServiceMs: number, c: number): MmcFigures {
  const lambda = lambdaRps / 1000; // per ms
  const mu = 1 / meanServiceMs;
  const pWait = erlangC(c, lambda / mu);
  const drain = c * mu - lambda;
  return { p_wait: pWait, mean_wait_ms: pWait / drain, p99_wait_ms: mmcWaitQuantile(pWait, drain, 0.99) };
}

/** q-quantile of the M/M/c wait given P(wait) and the drain rate cμ − λ (per ms). */
export function mmcWaitQuantile(pWait: number, drainPerMs: number, q: number): number {
  const tail = 1 - q;
  return pWait <= tail ? 0 : Math.log(pWait / tail) / drainPerMs;
}

/**
 * Pollaczek–Khinchine mean wait (ms) of M/G/1: λ·E[S²] / (2(1 − ρ)); λ in requests/s,
 * E[S²] in ms². Requires ρ = λ·E[S] < 1.
 */
export function pkMeanWait(lambdaRps: number, meanServiceMs: number, secondMomentMs2: number): number {
  const lambda = lambdaRps / 1000;
  const rho = lambda * meanServiceMs;
  return (lambda * secondMomentMs2) / (2 * (1 - rho));
}
