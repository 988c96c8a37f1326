// Two results, figure by figure: B − A with its 95% CI and whether it differs from zero. Paired
// on replication means when both runs used the same seed (replication i of each saw the same
// random numbers, so the pairs' differences are much less noisy); otherwise Welch's t on the
// two samples of replication means — taken from the per-replication documents when known, else
// read back from each document's Student-t CI.
import { studentT975 } from '../random/special';
import type { Stat } from '../result/stat';
import { statOf } from '../stats/stat';
import { statLeaves } from './stat-paths';

export type CompareMethod = 'paired' | 'welch';

export interface FigureComparison {
  path: string;
  a: Stat | null;
  b: Stat | null;
  /** b − a: its mean and 95% CI; null when either side has no value or neither varies enough to tell. */
  diff: Stat | null;
  /** The CI of the difference excludes 0; null when it cannot be told (one replication each). */
  significant: boolean | null;
}

/** What compareResults needs of a result document. */
export interface ComparedRun {
  doc: unknown;
  seed: number;
  replications: number;
  /** Each replication's own result document, by index, when known (pairing needs them). */
  perReplication?: readonly unknown[];
}

export interface Comparison {
  method: CompareMethod;
  /** Replication pairs behind a paired comparison (0 for Welch). */
  pairs: number;
  figures: FigureComparison[];
}

/** Student-t 97.5% quantile at a real df (Welch's is fractional): the floor, which errs wide. */
function t975(df: number): number {
  return studentT975(Math.max(1, Math.floor(df)));
}

/** Welch's interval for b − a from two means with Student-t CIs over na and nb replications. */
export function welchDiff(a: Stat, b: Stat, na: number, nb: number): { diff: Stat | null; significant: boolean | null } {
  const mean = b.mean - a.mean;
  if (na < 2 || nb < 2) {
    // One replication has no spread to judge by: the difference is shown, its CI is not.
    return { diff: null, significant: null };
  }
  // Variance of each mean: (half-width / t)², the CI read backwards. A CI clipped to its figure's
  // range (stats/stat.ts) is cut on one side only, so the wider side is the half-width — unless
  // it spans the whole range, where the per-replication values (welchFromValues) are exact.
  const va = (halfWidth(a) / studentT975(na - 1)) ** 2;
  const vb = (halfWidth(b) / studentT975(nb - 1)) ** 2;
  const se2 = va + vb;
  if (!(se2 > 0)) return { diff: { mean, ci95: [mean, mean] }, significant: mean !== 0 };
  const df = se2 ** 2 / ((va ** 2) / (na - 1) + (vb ** 2) / (nb - 1));
  const half = t975(df) * Math.sqrt(se2);
  return { diff: { mean, ci95: [mean - half, mean + half] }, significant: mean - half > 0 || mean + half < 0 };
}

const halfWidth = (s: Stat) => Math.max(s.mean - s.ci95[0], s.ci95[1] - s.mean);

/** Welch's interval for b − a from the per-replication values themselves (nulls are left out). */
export function welchFromValues(as: readonly (number | null | undefined)[], bs: readonly (number | null | undefined)[]): { diff: Stat | null; significant: boolean | null } {
  const xs = as.filter((v): v is number => typeof v === 'number');
  const ys = bs.filter((v): v is number => typeof v === 'number');
  const a = statOf(xs), b = statOf(ys);
  if (!a || !b) return { diff: null, significant: null };
  return welchDiff(a, b, xs.length, ys.length);
}

/** The paired interval for b − a from per-replication values (nulls drop their pair). */
export function pairedDiff(as: readonly (number | null | undefined)[], bs: readonly (number | null | undefined)[]): { diff: Stat | null; significant: boolean | null } {
  const d: number[] = [];
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i], y = bs[i];
    if (typeof x === 'number' && typeof y === 'number') d.push(y - x);
  }
  const s = statOf(d);
  if (!s) return { diff: null, significant: null };
  if (d.length < 2) return { diff: null, significant: null };
  return { diff: s, significant: s.ci95[0] > 0 || s.ci95[1] < 0 };
}

function hasReplications(a: ComparedRun, b: ComparedRun): boolean {
  return (a.perReplication?.length ?? 0) >= 2 && (b.perReplication?.length ?? 0) >= 2;
}

export function compareResults(a: ComparedRun, b: ComparedRun): Comparison {
  const la = statLeaves(a.doc), lb = statLeaves(b.doc);
  const paths = [...la.keys(), ...[...lb.keys()].filter((p) => !la.has(p))];
  const per = hasReplications(a, b);
  const paired = per && a.seed === b.seed;
  const perA = per ? a.perReplication!.map((d) => statLeaves(d)) : [];
  const perB = per ? b.perReplication!.map((d) => statLeaves(d)) : [];
  const figures = paths.map((path): FigureComparison => {
    const sa = la.get(path) ?? null, sb = lb.get(path) ?? null;
    if (!sa || !sb) return { path, a: sa, b: sb, diff: null, significant: null };
    const xs = () => perA.map((m) => m.get(path)?.mean), ys = () => perB.map((m) => m.get(path)?.mean);
    const r = paired ? pairedDiff(xs(), ys()) : per ? welchFromValues(xs(), ys()) : welchDiff(sa, sb, a.replications, b.replications);
    return { path, a: sa, b: sb, ...r };
  });
  return { method: paired ? 'paired' : 'welch', pairs: paired ? Math.min(perA.length, perB.length) : 0, figures };
}
