// "Checkpoint interval…": runs the checkpoint-interval sweep of the saved scenario in the
// backend (worker threads; cancellable), then shows goodput against the interval with the
// Young/Daly interval √(2 · MTBF_job · C) beside the simulated optimum, the table of points, and
// buttons that write either interval into `cluster.failures.checkpoint_interval_s`.
import { useEffect, useId, useRef, useState } from 'react';
import type { CheckpointSweepResult } from '../../electron/common/contract';
import { MAX_FACTOR, MAX_FACTORS, MIN_FACTOR } from '../../electron/common/limits';
import { api } from '../api';
import { formatScenarioJson } from '../editor/scenario-json-format';
import { checkpointSweepTable, valueText } from '../../simulation/present';
import { APP_NUMBERS, formatDuration } from '../format/numbers';
import { errorMessage } from '../store/session';
import { useAppStore } from '../store';
import { CheckpointChart } from './CheckpointChart';
import { secondsLabel } from './checkpoint-chart';
import { clusterShape, roundInterval, withCheckpointInterval } from './scenario-edits';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';

type Ok = Extract<CheckpointSweepResult, { ok: true }>;

const DEFAULT_FACTORS = '0.25, 0.5, 0.71, 1, 1.41, 2, 4';

/** The sweep's points with the CLI's headings and cells (simulation/present/figures-checkpoint.ts). */
function SweepTable({ result }: { result: Ok }) {
  const { sweep } = result;
  const { heads, rows } = checkpointSweepTable(APP_NUMBERS, sweep);
  return (
    <table className="ct-table ct-points" aria-label="Checkpoint intervals simulated">
      <thead>
        <tr>
          {heads.map((h) => <th key={h} scope="col">{h}</th>)}
        </tr>
      </thead>
      <tbody>
        {sweep.points.map((p, i) => (
          <tr key={p.factor} className={p.factor === sweep.best.factor ? 'ct-best-row' : undefined} aria-current={p.factor === sweep.best.factor ? 'true' : undefined}>
            {rows[i]!.map((cell, c) => <td key={heads[c]}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function parseFactors(text: string): number[] | string {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length < 1 || parts.length > MAX_FACTORS) return `Factors: give 1 to ${MAX_FACTORS} numbers, e.g. 0.5, 1, 2`;
  const values = parts.map(Number);
  const bad = values.find((v) => !(Number.isFinite(v) && v >= MIN_FACTOR && v <= MAX_FACTOR));
  if (bad !== undefined) return `Factors: each must be a number from ${MIN_FACTOR} to ${MAX_FACTOR} (got ${parts[values.indexOf(bad)]})`;
  return values;
}

export function CheckpointDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModal(open);
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const raw = useAppStore((s) => s.raw);
  const dirty = useAppStore((s) => s.text !== s.savedText);
  const valid = useAppStore((s) => s.parse?.ok === true);
  const setText = useAppStore((s) => s.setText);
  const save = useAppStore((s) => s.saveScenario);
  const shape = clusterShape(raw);
  const [factors, setFactors] = useState(DEFAULT_FACTORS);
  const [replications, setReplications] = useState('');
  const [running, setRunning] = useState<{ requestId: string; started: number } | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<CheckpointSweepResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed(Date.now() - running.started), 250);
    return () => clearInterval(timer);
  }, [running]);

  // A different scenario in the editor: the previous one's sweep no longer applies (reset while
  // rendering, as React advises for state derived from a prop, rather than in an effect).
  const [sweptScenario, setSweptScenario] = useState(scenarioId);
  if (sweptScenario !== scenarioId) {
    setSweptScenario(scenarioId);
    setResult(null);
    setProblem(null);
    setApplied(null);
  }

  const cancel = () => {
    const requestId = current.current;
    current.current = null;
    setRunning(null);
    if (requestId) void api.cancelCheckpointSweep(requestId).catch(() => undefined);
  };

  const close = () => {
    if (current.current) cancel();
    onClose();
  };

  const run = async () => {
    if (!scenarioId) return;
    setProblem(null);
    setApplied(null);
    const f = parseFactors(factors);
    if (typeof f === 'string') return setProblem(f);
    const reps = replications.trim() === '' ? undefined : Number(replications);
    if (reps !== undefined && !(Number.isInteger(reps) && reps >= 1 && reps <= 200)) return setProblem('Replications: must be an integer from 1 to 200');
    // The sweep simulates the saved scenario: save pending valid edits first.
    if (dirty && valid && !(await save())) return setProblem('Could not save the scenario first; see the editor');
    const requestId = crypto.randomUUID();
    current.current = requestId;
    setRunning({ requestId, started: Date.now() });
    setElapsed(0);
    try {
      const r = await api.checkpointSweep(scenarioId, { factors: f, ...(reps === undefined ? {} : { replications: reps }), requestId });
      if (current.current !== requestId) return; // cancelled or superseded
      if (r.ok || r.reason !== 'cancelled') setResult(r);
    } catch (e) {
      if (current.current === requestId) setProblem(`The sweep failed: ${errorMessage(e)}`);
    } finally {
      if (current.current === requestId) {
        current.current = null;
        setRunning(null);
      }
    }
  };

  const use = (seconds: number, what: string) => {
    if (raw === undefined) return;
    setText(formatScenarioJson(withCheckpointInterval(raw, seconds)), 'cluster.failures.checkpoint_interval_s');
    setApplied(`Set cluster.failures.checkpoint_interval_s to ${roundInterval(seconds).toLocaleString('en-US')} s (${what}). Undo with Ctrl+Z; the scenario is saved automatically.`);
  };

  const ok = result?.ok ? result : null;
  const best = ok?.sweep.points.find((p) => p.factor === ok.sweep.best.factor);
  // The optimum is a point estimate: say when Young/Daly's own point is within its noise.
  const yd = ok?.sweep.points.find((p) => p.factor === 1);
  const ydOverlap = !!best?.goodput && !!yd?.goodput && yd !== best && yd.goodput.ci95[1] >= best.goodput.ci95[0];
  return (
    <dialog ref={dialog} className="dialog ct-dialog ct-wide" aria-labelledby={`${id}-title`} onClose={close} aria-busy={running !== null || undefined}>
      <DialogHead titleId={`${id}-title`} title="Checkpoint interval" onClose={close} />
      <p className="muted dialog-note">
        Simulates the saved scenario with <code>cluster.failures.checkpoint_interval_s</code> at multiples of the Young/Daly interval
        √(2 · MTBF_job · C), on the same seeds, and finds the interval with the highest goodput.
      </p>
      {!shape.failures ? (
        <p className="message warn" role="alert">
          This scenario has no <code>cluster.failures</code>: without node failures (<code>node_mtbf_s</code>) and a checkpoint cost
          (<code>checkpoint_cost_s</code>) there is no interval to choose. Add them in the JSON view first.
        </p>
      ) : (
        <form
          className="ct-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="ct-field ct-grow">
            <span>Factors (× Young/Daly)</span>
            <input type="text" value={factors} onChange={(e) => setFactors(e.target.value)} disabled={running !== null} />
          </label>
          <label className="ct-field">
            <span>Replications</span>
            <input type="number" min="1" max="200" step="1" placeholder="scenario’s" value={replications} onChange={(e) => setReplications(e.target.value)} disabled={running !== null} />
          </label>
          {running ? (
            <button type="button" onClick={cancel}>Cancel</button>
          ) : (
            <button type="submit" className="primary">{result ? 'Run again' : 'Run sweep'}</button>
          )}
        </form>
      )}
      <div aria-live="polite">
        {running && (
          <div className="ct-progress" role="status">
            <progress aria-label="Checkpoint sweep in progress" />
            <span>Simulating… {formatDuration(elapsed)}</span>
          </div>
        )}
        {problem && <p className="message error" role="alert">{problem}</p>}
        {result && !result.ok && <p className="message error" role="alert">{result.message}</p>}
      </div>
      {ok && (
        <section aria-label="Checkpoint sweep result" className="ct-results">
          <dl className="ct-summary">
            <div>
              <dt>Young/Daly interval</dt>
              <dd data-testid="young-daly">{secondsLabel(ok.sweep.young_daly_interval_s)} s</dd>
            </div>
            <div>
              <dt>Simulated optimum</dt>
              <dd data-testid="optimum">
                {secondsLabel(ok.sweep.best.interval_s)} s <span className="muted">({ok.sweep.best.factor} × Young/Daly{best?.goodput ? `, goodput ${valueText(APP_NUMBERS, best.goodput.mean, 'fraction')}` : ''})</span>
                {ydOverlap && <span className="muted"> — not clearly better than Young/Daly: their 95% CIs overlap</span>}
              </dd>
            </div>
            <div>
              <dt>Inputs</dt>
              <dd className="muted">
                jobs spanning {ok.sweep.nodes} node{ok.sweep.nodes === 1 ? '' : 's'}: MTBF_job {secondsLabel(ok.sweep.mtbf_job_s)} s, C {secondsLabel(ok.sweep.checkpoint_cost_s)} s;
                v{ok.scenarioVersion}, {ok.replications} replication{ok.replications === 1 ? '' : 's'} per interval, {formatDuration(ok.wallMs)}
              </dd>
            </div>
          </dl>
          <CheckpointChart sweep={ok.sweep} />
          <SweepTable result={ok} />
          <p className="ct-explain">Goodput: share of the jobs’ allocated GPU time spent in steps that were kept; short intervals pay in checkpoint writes, long ones in work lost to failures.</p>
          <div className="row ct-apply">
            <button type="button" className="primary" disabled={raw === undefined} onClick={() => use(ok.sweep.best.interval_s, 'the simulated optimum')}>
              Use this interval ({roundInterval(ok.sweep.best.interval_s).toLocaleString('en-US')} s)
            </button>
            <button type="button" disabled={raw === undefined} onClick={() => use(ok.sweep.young_daly_interval_s, 'Young/Daly')}>
              Use Young/Daly ({roundInterval(ok.sweep.young_daly_interval_s).toLocaleString('en-US')} s)
            </button>
          </div>
          {applied && <p className="ct-applied" role="status">{applied}</p>}
        </section>
      )}
    </dialog>
  );
}
