// A figure from random sampling: the mean over replications with its Student-t 95% confidence
// interval, or null when it is computed over an empty set.

export interface Stat {
  mean: number;
  ci95: [number, number];
}

export type MaybeStat = Stat | null;
