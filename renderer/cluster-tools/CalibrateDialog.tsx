// "Calibrate stragglers…": the user picks one real job's per-worker step times (a CSV such as
// the Alibaba PAI job_*_norm.csv files), the backend fits the straggler settings (as
// `headroom calibrate-stragglers` does), and "Apply to scenario" writes them into the editor as
// one undoable edit (autosaved like any other).
import { useId, useMemo, useState } from 'react';
import type { CalibrationResult, StragglerFit } from '../../electron/common/contract';
import { api } from '../api';
import { MAX_CALIBRATION_FILE_BYTES } from '../../electron/common/limits';
import { formatScenarioJson } from '../editor/scenario-json-format';
import { formatNumber } from '../format/numbers';
import { errorMessage } from '../store/session';
import { useAppStore } from '../store';
import { fittedSettings, stepTimeTargets, withStragglerFit } from './scenario-edits';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';

function FitTable({ fit }: { fit: StragglerFit }) {
  const m = fit.measured;
  const s = fittedSettings(fit);
  const slow = m.slow_workers.length === 0
    ? 'none'
    : `${m.slow_workers.length} of ${fit.workers} (${m.slow_workers.join(', ')}), ${formatNumber(m.slow_worker_ratio ?? 1, 3)}× the others`;
  const rows: [string, string, string][] = [
    ['Workers', String(fit.workers), 'one worker per node in the fitted pool'],
    ['Steps', String(fit.steps), ''],
    ['Measured sync slowdown', m.sync_slowdown.toFixed(4), 'mean per-step slowest ÷ mean per-step mean'],
    ['Slow workers', slow, ''],
    ['step_time_s', `lognormal, mean ${s.step_time_s.mean} s, cv ${s.step_time_s.cv}`, 'the other workers’ compute time per step'],
    ['slow_node_probability', String(s.stragglers.slow_node_probability), 'share of nodes persistently slow'],
    ['slowdown', String(s.stragglers.slowdown), 'a slow node’s step times × this'],
    ['Sync slowdown of the fit', fit.predicted_sync_slowdown.toFixed(4), 'expected in a simulation with these settings (the fit’s target: the measured value)'],
  ];
  return (
    <table className="ct-table ct-fit" aria-label="Straggler fit">
      <tbody>
        {rows.map(([name, value, hint]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="ct-value">{value}</td>
            <td className="muted ct-hint">{hint}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalibrateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModal(open);
  const raw = useAppStore((s) => s.raw);
  const setText = useAppStore((s) => s.setText);
  const targets = useMemo(() => stepTimeTargets(raw), [raw]);
  const [file, setFile] = useState<File | null>(null);
  const [timeScale, setTimeScale] = useState('1');
  const [threshold, setThreshold] = useState('1.05');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CalibrationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState<string | null>(null);
  const id = useId();

  const fit = async (chosen: File | null) => {
    setApplied(null);
    setResult(null);
    setProblem(null);
    if (!chosen) return;
    const scale = Number(timeScale), slow = Number(threshold);
    if (!(Number.isFinite(scale) && scale > 0)) return setProblem('Time scale: must be a number > 0 (seconds per unit of the file’s time column)');
    if (!(Number.isFinite(slow) && slow >= 1 && slow <= 100)) return setProblem('Slow threshold: must be a number from 1 to 100');
    if (chosen.size > MAX_CALIBRATION_FILE_BYTES) return setProblem(`${chosen.name} is larger than ${MAX_CALIBRATION_FILE_BYTES / 1024 / 1024} MiB`);
    setBusy(true);
    try {
      const text = await chosen.text();
      setResult(await api.calibrateStragglers({ name: chosen.name, text }, { timeScale: scale, slowThreshold: slow }));
    } catch (e) {
      setProblem(`Could not fit ${chosen.name}: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const apply = () => {
    if (!result?.ok || raw === undefined) return;
    const chosen = target === '' ? null : targets[Number(target)] ?? null;
    setText(formatScenarioJson(withStragglerFit(raw, result.fit, chosen?.path ?? null)), 'cluster.stragglers');
    const s = fittedSettings(result.fit).stragglers;
    setApplied(`Applied slow_node_probability ${s.slow_node_probability} and slowdown ${s.slowdown}${chosen ? ` and the step time of ${chosen.label}` : ''}. Undo with Ctrl+Z; the scenario is saved automatically.`);
  };

  return (
    <dialog ref={dialog} className="dialog ct-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <DialogHead titleId={`${id}-title`} title="Calibrate stragglers" onClose={onClose} />
      <p className="muted dialog-note">
        Fits <code>cluster.stragglers</code> from one real job’s per-worker step times: a CSV with a worker column, a step column and a
        time column (e.g. the Alibaba PAI <code>job_*_norm.csv</code> files), as <code>headroom calibrate-stragglers</code> does.
      </p>
      <form
        className="ct-form"
        onSubmit={(e) => {
          e.preventDefault();
          void fit(file);
        }}
      >
        <label className="ct-field ct-file">
          <span>Per-worker step times (CSV)</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              void fit(chosen);
            }}
          />
        </label>
        <label className="ct-field">
          <span>Time scale (s per unit)</span>
          <input type="number" min="0" step="any" inputMode="decimal" value={timeScale} onChange={(e) => setTimeScale(e.target.value)} />
        </label>
        <label className="ct-field">
          <span>Slow threshold (× median)</span>
          <input type="number" min="1" step="0.01" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </label>
        <button type="submit" disabled={!file || busy}>{busy ? 'Fitting…' : 'Fit'}</button>
      </form>
      <div aria-live="polite">
        {busy && <p className="muted" role="status">Fitting {file?.name}…</p>}
        {problem && <p className="message error" role="alert">{problem}</p>}
        {result && !result.ok && <p className="message error" role="alert">{result.message}</p>}
      </div>
      {result?.ok && (
        <section aria-label="Fitted settings" className="ct-results">
          <h3 className="dialog-subtitle">{result.file}: {result.fit.workers} workers, {result.fit.steps} steps</h3>
          <FitTable fit={result.fit} />
          <p className="ct-explain">
            The barrier waits for the slowest worker: a simulated job with these settings (one worker per node) slows down by the
            measured factor on average. A simulated job draws its slow nodes at random, so it may get fewer than the real job had;
            the fitted <code>slowdown</code> is then larger than the slow workers’ measured ratio, to keep the average right.
          </p>
          {/_norm\.csv$/i.test(result.file) && (
            <p className="message warn">
              This file’s times look normalised (<code>*_norm.csv</code>): the stragglers fit does not depend on the unit, but set the
              time scale to seconds per unit before also setting a job’s <code>step_time_s</code>.
            </p>
          )}
          <div className="ct-apply row">
            <label className="ct-field">
              <span>Also set the step time of</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">no job (stragglers only)</option>
                {targets.map((t, i) => <option key={i} value={String(i)}>{t.label}</option>)}
              </select>
            </label>
            <button type="button" className="primary" disabled={raw === undefined} onClick={apply}>Apply to scenario</button>
          </div>
          {raw === undefined && <p className="message warn">The editor’s JSON has a syntax error: fix it before applying.</p>}
          {applied && <p className="ct-applied" role="status">{applied}</p>}
        </section>
      )}
    </dialog>
  );
}
