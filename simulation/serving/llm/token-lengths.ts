// A request's prompt and output lengths (`llm.prompt_tokens`, `llm.output_tokens`): draws of a
// Dist, rounded to the nearest integer and at least 1 (like every count in the format), each on
// its own seeded stream; or, with trace arrivals, the request's row of a trace column (rounded,
// at least 1, too). Also their moments, which the analytic figures use.
import { distMean } from '../../random/dist-mean';
import { distSecondMoment } from '../../random/dist-moments';
import type { Rng } from '../../random/rng';
import { compileDist } from '../../random/samplers';
import { isTraceColumn, type LlmSpec, type TokenLengthSpec } from '../../scenario/llm-schema';
import type { TraceTokenColumns } from '../../run/types';

/** The token count of the request on trace row `row` (−1 without a trace; Dists ignore it). */
export type TokenDraw = (row: number) => number;

/** Rounded, at least 1 (NaN too), at most 2³¹ − 1 (so counts fit Int32 arrays; longer than any max_seq_len). */
const asCount = (x: number) => (x >= 1.5 ? Math.min(Math.round(x), 2147483647) : 1);

export function tokenSampler(spec: TokenLengthSpec, rng: Rng, column: ArrayLike<number> | undefined, what: string): TokenDraw {
  if (!isTraceColumn(spec)) {
    const draw = compileDist(spec, rng);
    return () => asCount(draw());
  }
  if (!column) throw new Error(`${what}: the trace column was not provided by the host (HostInputs.traceTokens)`);
  return (row) => asCount(row >= 0 && row < column.length ? (column[row] as number) : Number.NaN);
}

/** E[p], E[p²], E[o], E[o²] and E[p·o] of the prompt (p) and output (o) lengths. */
export interface TokenMoments {
  p1: number;
  p2: number;
  o1: number;
  o2: number;
  po: number;
}

/**
 * The moments the analytic figures use: a Dist's own (before rounding, and before capping at
 * max_seq_len), or a column's over its rows (rounded, at least 1). Null when a column's data is
 * missing.
 */
export function tokenMoments(llm: LlmSpec, data?: TraceTokenColumns): TokenMoments | null {
  const p = one(llm.prompt_tokens, data?.prompt);
  const o = one(llm.output_tokens, data?.output);
  if (!p || !o) return null;
  const both = isTraceColumn(llm.prompt_tokens) && isTraceColumn(llm.output_tokens) && data?.prompt && data.output;
  let po = p.m1 * o.m1; // independent draws
  if (both) {
    const n = Math.min(data.prompt!.length, data.output!.length);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += asCount(data.prompt![i] as number) * asCount(data.output![i] as number);
    po = n > 0 ? sum / n : po;
  }
  return { p1: p.m1, p2: p.m2, o1: o.m1, o2: o.m2, po };
}

function one(spec: TokenLengthSpec, column: ArrayLike<number> | undefined): { m1: number; m2: number } | null {
  if (!isTraceColumn(spec)) return { m1: distMean(spec), m2: distSecondMoment(spec) };
  if (!column || column.length === 0) return null;
  let s1 = 0, s2 = 0;
  for (let i = 0; i < column.length; i++) {
    const x = asCount(column[i] as number);
    s1 += x;
    s2 += x * x;
  }
  return { m1: s1 / column.length, m2: s2 / column.length };
}
