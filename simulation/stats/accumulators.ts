// Streamed mean and variance (Welford), numerically stable for long runs.

export class Welford {
  count = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
  }

  /** Sample variance (n − 1); null with fewer than two values. */
  variance(): number | null {
    return this.count > 1 ? this.m2 / (this.count - 1) : null;
  }

  meanOrNull(): number | null {
    return this.count > 0 ? this.mean : null;
  }
}
