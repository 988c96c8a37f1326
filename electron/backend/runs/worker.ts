// Worker-thread entry: runs the replications the pool hands it, one at a time, and posts
// progress and outcomes. The wall clock and cancel flag are injected into the pure engine here.
// A worker started for a checkpoint sweep (`kind: 'checkpoint-sweep'`) runs its share of the
// sweep's intervals instead, posts the partial sweep and is done; one started to calibrate
// stragglers (`kind: 'calibrate'`) parses and fits the file, posts the fit and is done.
import { parentPort, workerData } from 'node:worker_threads';
import { checkpointSweep, fitStragglers, parseWorkerSteps, runReplication } from '../../../simulation';
import type {
  CalibrateWorkerInit, FromCalibrateWorker, FromPreviewWorker, FromSweepWorker, FromWorker, PreviewWorkerInit, SweepWorkerInit,
  ToPreviewWorker, ToWorker, WorkerInit,
} from './worker-protocol';

const data = workerData as WorkerInit | SweepWorkerInit | CalibrateWorkerInit | PreviewWorkerInit;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

if (data.kind === 'checkpoint-sweep') runSweepShare(data);
else if (data.kind === 'calibrate') runCalibration(data);
else if (data.kind === 'preview') runPreviews();
else runReplications(data);

function runPreviews(): void {
  const post = (m: FromPreviewWorker) => port!.postMessage(m);
  port!.on('message', (msg: ToPreviewWorker) => {
    const cancel = new Int32Array(msg.cancelFlag);
    try {
      const outcome = runReplication(msg.scenario, 0, {
        maxEvents: msg.maxEvents,
        now: () => Date.now(),
        isCancelled: () => Atomics.load(cancel, 0) === 1,
      }, msg.inputs);
      post({ type: 'preview-outcome', id: msg.id, outcome });
    } catch (e) {
      post({ type: 'preview-error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
}

function runCalibration(init: CalibrateWorkerInit): void {
  const post = (m: FromCalibrateWorker) => port!.postMessage(m);
  try {
    const parsed = parseWorkerSteps(init.text);
    if (!parsed.ok) post({ type: 'bad-file', line: parsed.line, message: parsed.message });
    else post({ type: 'fit', fit: fitStragglers(parsed.rows, { timeScale: init.timeScale, slowThreshold: init.slowThreshold }) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', message: err.message, stack: err.stack });
  }
}

function runSweepShare(init: SweepWorkerInit): void {
  const post = (m: FromSweepWorker) => port!.postMessage(m);
  try {
    // One factor at a time, so the host can show progress; each factor's figures depend only
    // on (scenario, factor, replication), never on which worker ran it.
    const parts = init.factors.map((factor) => {
      const part = checkpointSweep(init.scenario, [factor], init.inputs);
      post({ type: 'sweep-point', factor });
      return part;
    });
    const first = parts[0];
    if (!first) throw new Error('no factors to simulate');
    post({ type: 'sweep', sweep: { ...first, points: parts.flatMap((p) => p.points) } });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', message: err.message, stack: err.stack });
  }
}

function runReplications(init: WorkerInit): void {
  const cancel = new Int32Array(init.cancelFlag);
  const post = (m: FromWorker) => port!.postMessage(m);
  port!.on('message', (msg: ToWorker) => {
    if (msg.type === 'close') {
      port!.close();
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
}
