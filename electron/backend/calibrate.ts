// Straggler calibration for the app (docs/cluster.md, "Straggler calibration"): the file's text
// is parsed and fitted (simulation/cluster/calibrate.ts) on a worker thread, because a file with
// many workers takes seconds to fit and the backend's thread also serves the preview's requests.
// A file that cannot be used comes back as a result naming its line, as the CLI prints it.
import { Worker } from 'node:worker_threads';
import type { CalibrationOptions, CalibrationResult, ImportFile } from '../common/contract';
import { appPaths } from './paths';
import { WORKER_HEAP_LIMIT_MB, workerError } from './run-pool';
import type { CalibrateWorkerInit, FromCalibrateWorker } from './worker-protocol';

/** Wall-clock cap on one calibration. */
export const CALIBRATION_MAX_WALL_MS = 60_000;

export function calibrateFile(file: ImportFile, options: CalibrationOptions = {}, maxWallMs = CALIBRATION_MAX_WALL_MS): Promise<CalibrationResult> {
  const init: CalibrateWorkerInit = { kind: 'calibrate', text: file.text, timeScale: options.timeScale, slowThreshold: options.slowThreshold };
  return new Promise<CalibrationResult>((resolve, reject) => {
    const worker = new Worker(appPaths().workerScript, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB } });
    let settled = false;
    const finish = (value: CalibrationResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const timer = setTimeout(() => finish({
      ok: false, file: file.name, line: null,
      message: `${file.name}: the fit was stopped after ${Math.round(maxWallMs / 1000)} s; try \`headroom calibrate-stragglers\`, which has no cap`,
    }), maxWallMs);
    worker.on('message', (m: FromCalibrateWorker) => {
      if (m.type === 'fit') finish({ ok: true, file: file.name, fit: m.fit });
      else if (m.type === 'bad-file') finish({ ok: false, file: file.name, line: m.line, message: `${file.name} line ${m.line}: ${m.message}` });
      else finish(new Error(`could not fit ${file.name}: ${m.message}`));
    });
    worker.on('error', (e) => finish(workerError(e)));
    worker.on('exit', (code) => finish(new Error(`the calibration worker exited with code ${code}`)));
  });
}
