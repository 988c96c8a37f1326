// Shared helpers for the benchmarks.
export const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}
