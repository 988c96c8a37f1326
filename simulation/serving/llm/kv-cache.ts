// One replica's KV cache as vLLM's block manager sees it, without prefix caching: a pool of
// fixed-size blocks of block_size tokens; a sequence holding t tokens holds ⌈t ÷ block_size⌉ of
// them, and frees all of them when it finishes or is preempted. Only counts are needed (which
// physical block is which does not change any time), so this is two numbers.
export class KvCache {
  /** Blocks not held by any sequence. */
  free: number;

  constructor(readonly total: number, readonly blockSize: number) {
    this.free = total;
  }

  get used(): number {
    return this.total - this.free;
  }

  /** Blocks a sequence needs to hold `tokens` tokens. */
  blocksFor(tokens: number): number {
    return Math.ceil(tokens / this.blockSize);
  }

  /** Takes `n` blocks when that many are free; false (nothing taken) otherwise. */
  tryAllocate(n: number): boolean {
    if (n > this.free) return false;
    this.free -= n;
    return true;
  }

  release(n: number): void {
    this.free += n;
  }
}
