// Straggler calibration for the app (docs/cluster.md, "Straggler calibration"): the file's text
// is parsed and fitted (simulation/cluster/calibrate.ts) on a worker thread, because a file with
// many workers takes seconds to fit and the backend's thread also serves the preview's requests.
// A file that cannot be used comes back as a result naming its line, as the CLI prints it.
import type { CalibrationOptions, CalibrationResult, ImportFile } from '../../common/contract';
import { runWorkerGroup } from '../runs/worker-group';
import type { CalibrateWorkerInit, FromCalibrateWorker } from '../runs/worker-protocol';

/** Wall-clock cap on one calibration. */
export const CALIBRATION_MAX_WALL_MS = 60_000;

export function calibrateFile(file: ImportFile, options: CalibrationOptions = {}, maxWallMs = CALIBRATION_MAX_WALL_MS): Promise<CalibrationResult> {
  const init: CalibrateWorkerInit = { kind: 'calibrate', text: file.text, timeScale: options.timeScale, slowThreshold: options.slowThreshold };
  return runWorkerGroup<FromCalibrateWorker, CalibrationResult>([init], {
    label: 'the calibration worker',
    maxWallMs,
    onWallCap: () => ({
      ok: false, file: file.name, line: null,
      message: `${file.name}: the fit was stopped after ${Math.round(maxWallMs / 1000)} s; try \`headroom calibrate-stragglers\`, which has no cap`,
    }),
    onMessage(m, _w, _i, group) {
      if (m.type === 'fit') group.finish({ ok: true, file: file.name, fit: m.fit });
      else if (m.type === 'bad-file') group.finish({ ok: false, file: file.name, line: m.line, message: `${file.name} line ${m.line}: ${m.message}` });
      else group.finish(new Error(`could not fit ${file.name}: ${m.message}`));
    },
    // The worker posts its answer and stays; any exit before that is a failure.
    onExit: (code, _i, group) => group.finish(new Error(`the calibration worker exited with code ${code}`)),
  });
}
