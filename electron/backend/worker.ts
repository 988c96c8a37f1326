// Worker-thread entry: runs the replications the pool hands it, one at a time, and posts
// progress and outcomes. The wall clock and cancel flag are injected into the pure engine here.
import { parentPort, workerData } from 'node:worker_threads';
import { runReplication } from '../../simulation';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const cancel = new Int32Array(init.cancelFlag);
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'close') {
    port.close();
    return;
  }
  const { index } = msg;
  try {
    const started = Date.now();
    const outcome = runReplication(init.scenario, index, {
      maxEvents: init.maxEvents,
      now: () => Date.now(),
      maxWallMs: init.deadline === null ? undefined : Math.max(0, init.deadline - started),
      isCancelled: () => Atomics.load(cancel, 0) === 1,
      onProgress: (p) => post({ type: 'progress', index, fraction: p.fraction, events: p.events }),
    }, init.inputs);
    post({ type: 'outcome', outcome });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', index, message: err.message, stack: err.stack });
  }
});
post({ type: 'ready' });
