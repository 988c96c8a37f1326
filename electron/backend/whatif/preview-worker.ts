// The live preview's own worker thread, started on first use and kept warm: a slider's preview
// must redraw within 300 ms, and starting a worker (loading the engine bundle) costs a good part
// of that. One preview runs at a time; a newer one cancels the one running (its cancel flag),
// and a worker that dies is replaced on the next preview. The thread is unref'd, so it never
// keeps the process alive.
import { Worker } from 'node:worker_threads';
import type { HostInputs, ReplicationOutcome, Scenario } from '../../../simulation';
import { appPaths } from '../paths';
import { workerError, WORKER_HEAP_LIMIT_MB } from '../runs/worker-group';
import type { FromPreviewWorker, PreviewWorkerInit, ToPreviewWorker } from '../runs/worker-protocol';

interface Pending {
  resolve(o: ReplicationOutcome | null): void;
  reject(e: Error): void;
  cancel: Int32Array;
}

export class PreviewWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(appPaths().workerScript, {
      workerData: { kind: 'preview' } satisfies PreviewWorkerInit,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB },
    });
    w.unref();
    w.on('message', (m: FromPreviewWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.type === 'preview-outcome') p.resolve(Atomics.load(p.cancel, 0) === 1 ? null : m.outcome);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on('error', (e) => fail(workerError(e)));
    w.on('exit', (code) => fail(new Error(`the preview worker exited with code ${code}`)));
    this.worker = w;
    return w;
  }

  /** One replication of `scenario`; null when a newer preview or `signal` cancelled it. */
  run(scenario: Scenario, inputs: HostInputs, maxEvents: number, signal?: AbortSignal): Promise<ReplicationOutcome | null> {
    // Only the newest preview matters: stop any still running.
    for (const p of this.pending.values()) Atomics.store(p.cancel, 0, 1);
    const flag = new SharedArrayBuffer(4);
    const cancel = new Int32Array(flag);
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, cancel });
      signal?.addEventListener('abort', () => Atomics.store(cancel, 0, 1), { once: true });
      this.ensure().postMessage({ type: 'preview', id, scenario, inputs, maxEvents, cancelFlag: flag } satisfies ToPreviewWorker);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) Atomics.store(p.cancel, 0, 1);
    if (w) await w.terminate();
  }
}
