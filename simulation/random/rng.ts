// xoshiro128** (Blackman & Vigna) on 32-bit integers via Math.imul: small state, fast in V8,
// and good enough statistically for simulation. Each concern gets its own stream, seeded by
// hashing (master seed, replication index, stream name), so adding a draw to one concern never
// shifts the numbers another concern sees, and replications never share a stream.

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** lowbias32 (Chris Wellons): a strong 32-bit integer finalizer. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a list of 32-bit words and a string into one word, starting from `salt`. */
function hashWords(salt: number, words: readonly number[], name: string): number {
  let h = mix32(salt);
  for (const w of words) h = mix32(h ^ mix32(w + 0x9e3779b9));
  for (let i = 0; i < name.length; i++) h = mix32(h ^ Math.imul(name.charCodeAt(i) + 1, 0x85ebca6b));
  return mix32(h ^ name.length);
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    // The all-zero state is the one fixed point of xoshiro; hashing makes it astronomically
    // unlikely, but guard anyway.
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    this.s0 = s0 | 0; this.s1 = s1 | 0; this.s2 = s2 | 0; this.s3 = s3 | 0;
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The stream `name` of replication `replication` under master seed `seed` (0 ≤ seed < 2^53). */
export function deriveStream(seed: number, replication: number, name: string): Rng {
  const words = [seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0, replication >>> 0];
  return new Rng(
    hashWords(0x243f6a88, words, name),
    hashWords(0x85a308d3, words, name),
    hashWords(0x13198a2e, words, name),
    hashWords(0x03707344, words, name),
  );
}
