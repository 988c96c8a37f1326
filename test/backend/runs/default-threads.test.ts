// The default thread count (docs/cli.md, --threads): every core, bounded so that the workers'
// memory — what the scenario needs, at most their heap limits — adds up to at most half the
// machine's, and never below one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultThreadCount, WORKER_BASE_MB, workerMemoryMb } from '../../../electron/backend/runs/default-threads';
import { WORKER_HEAP_LIMIT_MB } from '../../../electron/backend/runs/worker-group';
import { estimateResources, parseScenarioText } from '../../../simulation';

const GiB = 1024 ** 3;

describe('defaultThreadCount (cores, total memory, heap limit) → threads', () => {
  it('uses every core when the heap limits fit in half the memory: 16 cores, 64 GiB, 2 GiB each', () => {
    expect(defaultThreadCount(16, 64 * GiB, 2048)).toBe(16);
    expect(defaultThreadCount(64, 512 * GiB, 2048)).toBe(64); // no fixed cap (it was 8)
  });

  it('is bounded by memory: workers × heap limit ≤ half of it', () => {
    expect(defaultThreadCount(16, 32 * GiB, 2048)).toBe(8);
    expect(defaultThreadCount(16, 24 * GiB, 2048)).toBe(6);
    expect(defaultThreadCount(16, 33 * GiB, 2048)).toBe(8); // 8.25 rounds down
    expect(defaultThreadCount(16, 32 * GiB, 1024)).toBe(16); // a lower heap limit lets more run
    for (const [cores, mem, heap] of [[16, 32 * GiB, 2048], [12, 20 * GiB, 2048], [128, 100 * GiB, 512]] as const) {
      const t = defaultThreadCount(cores, mem, heap);
      expect(t * heap * 1024 * 1024).toBeLessThanOrEqual(mem / 2);
      expect(t).toBeLessThanOrEqual(cores);
    }
  });

  it('never goes below one thread', () => {
    expect(defaultThreadCount(8, 2 * GiB, 2048)).toBe(1);
    expect(defaultThreadCount(0, 64 * GiB, 2048)).toBe(1);
    expect(defaultThreadCount(1, 64 * GiB, 2048)).toBe(1);
  });

  it('ignores a heap limit or memory it cannot use, and fractional core counts', () => {
    expect(defaultThreadCount(6, 64 * GiB, 0)).toBe(6);
    expect(defaultThreadCount(6, Number.NaN, 2048)).toBe(6);
    expect(defaultThreadCount(6.5, 64 * GiB, 2048)).toBe(6);
  });

  it('with the workers\' real heap limit, a 16-core workstation with 64 GiB uses its 16 cores', () => {
    expect(WORKER_HEAP_LIMIT_MB).toBe(2048);
    expect(defaultThreadCount(16, 64 * GiB, WORKER_HEAP_LIMIT_MB)).toBe(16);
  });

  it('a worker needs what its scenario needs, not its whole heap limit: a 16-core workstation with 8 GiB uses its 16 cores', () => {
    const MiB = 1024 * 1024;
    expect(workerMemoryMb(0, 2048)).toBe(WORKER_BASE_MB);
    expect(workerMemoryMb(100 * MiB, 2048)).toBe(WORKER_BASE_MB + 200);
    expect(workerMemoryMb(1.5 * GiB, 2048)).toBe(2048); // never past the heap limit
    expect(workerMemoryMb(Number.NaN, 2048)).toBe(2048); // the scenario not known: the limit
    for (const name of ['risk-model-api', 'gpu-training-cluster', 'nightly-retraining']) {
      const text = fs.readFileSync(path.resolve(__dirname, `../../../assets/examples/${name}.json`), 'utf8');
      const r = parseScenarioText(text);
      if (!r.ok) throw new Error(name);
      const mb = workerMemoryMb(estimateResources(r.scenario).bytes, WORKER_HEAP_LIMIT_MB);
      expect(mb).toBeLessThan(256);
      expect(defaultThreadCount(16, 32 * GiB, mb)).toBe(16);
      expect(defaultThreadCount(16, 8 * GiB, mb)).toBe(16);
    }
    // A scenario near the engine's cap still gets what its heap limit allows.
    expect(defaultThreadCount(16, 32 * GiB, workerMemoryMb(1.9 * GiB, WORKER_HEAP_LIMIT_MB))).toBe(8);
  });
});
