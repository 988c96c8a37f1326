// Worker-thread entry: runs the replications the pool hands it, one at a time, and posts
// progress and outcomes. The wall clock and cancel flag are injected into the pure engine here.
// A worker started for a checkpoint sweep (`kind: 'checkpoint-sweep'`) runs the sweep's units
// (interval × replication) it is handed instead, posting each one's sample; one started to calibrate
// stragglers (`kind: 'calibrate'`) parses and fits the file, posts the fit and is done.
import { parentPort, workerData } from 'node:worker_threads';
import { checkpointSample, fitStragglers, parseWorkerSteps, runReplication } from '../../../simulation';
import type {
  CalibrateWorkerInit, FromCalibrateWorker, FromPreviewWorker, FromSweepWorker, FromWorker, PreviewWorkerInit, SweepWorkerInit,
  ToPreviewWorker, ToSweepWorker, ToWorker, WorkerInit,
} from './worker-protocol';

const data = workerData as WorkerInit | SweepWorkerInit | CalibrateWorkerInit | PreviewWorkerInit;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

if (data.kind === 'checkpoint-sweep') runSweepUnits(data);
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

function runSweepUnits(init: SweepWorkerInit): void {
  const post = (m: FromSweepWorker) => port!.postMessage(m);
  port!.on('message', (msg: ToSweepWorker) => {
    if (msg.type === 'close') {
      port!.close();
      return;
    }
    // A unit's sample depends only on (scenario at the interval, replication), never on the worker.
    const { scenario, inputs } = init.cases[msg.case] as SweepWorkerInit['cases'][number];
    try {
      post({ type: 'sample', unit: msg.unit, sample: checkpointSample(scenario, msg.index, inputs) });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ type: 'error', unit: msg.unit, message: err.message, stack: err.stack });
    }
  });
  post({ type: 'ready' });
}

function runReplications(init: WorkerInit): void {
  const cancel = new Int32Array(init.cancelFlag);
  const post = (m: FromWorker) => port!.postMessage(m);
  port!.on('message', (msg: ToWorker) => {
    if (msg.type === 'close') {
      port!.close();
      return;
    }
    const { unit, index } = msg;
    const { scenario, inputs } = init.cases[msg.case] as WorkerInit['cases'][number];
    try {
      const started = Date.now();
      const outcome = runReplication(scenario, index, {
        maxEvents: init.maxEvents,
        now: () => Date.now(),
        maxWallMs: init.deadline === null ? undefined : Math.max(0, init.deadline - started),
        isCancelled: () => Atomics.load(cancel, 0) === 1,
        onProgress: (p) => post({ type: 'progress', unit, fraction: p.fraction, events: p.events }),
      }, inputs);
      post({ type: 'outcome', unit, outcome });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ type: 'error', unit, message: err.message, stack: err.stack });
    }
  });
  post({ type: 'ready' });
}
