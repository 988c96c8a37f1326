// Run and Cancel, and the progress of the run started from this window. Runs happen in the
// backend's worker threads; this only shows their events, so the UI never blocks.
import type { RunProgress, RunSummary } from '../../electron/common/contract';
import { MAX_APP_WALL_S } from '../../electron/common/limits';
import { formatDuration, formatRate } from '../format/numbers';
import { IN_FLIGHT } from '../store/runs-slice';
import { useAppStore } from '../store';

function progressText(run: RunSummary, p: RunProgress | undefined): string {
  switch (run.status) {
    case 'queued':
      return 'Queued…';
    case 'running': {
      if (!p) return 'Starting…';
      const eta = p.etaMs === null ? '' : ` · about ${formatDuration(p.etaMs)} left`;
      return `${p.replicationsDone} of ${p.replications} replications · ${formatRate(p.eventsPerSec)} events/s${eta}`;
    }
    case 'done':
      return `Done${run.wallMs === null ? '' : ` in ${formatDuration(run.wallMs)}`} · ${run.replications} replications`;
    case 'truncated':
      return 'Stopped by a cap — the result is partial';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return `Failed: ${run.error ?? 'unknown error'}`;
  }
}

function RunProgressBar({ run }: { run: RunSummary }) {
  const progress = useAppStore((s) => s.progress[run.id]);
  const finished = run.status === 'done' || run.status === 'truncated';
  const pct = finished ? 100 : Math.round((progress?.fraction ?? 0) * 100);
  const text = progressText(run, progress);
  return (
    <div className={`run-progress status-${run.status}`}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${text}`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="progress-text">
        <strong>{pct}%</strong> {text}
      </p>
    </div>
  );
}

export function RunBar() {
  const hasScenario = useAppStore((s) => s.editorScenarioId !== null);
  const active = useAppStore((s) => s.runs.find((r) => r.id === s.activeRunId));
  const runError = useAppStore((s) => s.runError);
  const startRun = useAppStore((s) => s.startRun);
  const cancelRun = useAppStore((s) => s.cancelRun);
  const wallCapText = useAppStore((s) => s.wallCapText);
  const setWallCapText = useAppStore((s) => s.setWallCapText);
  const inFlight = active !== undefined && IN_FLIGHT.includes(active.status);

  return (
    <div className="run-bar">
      <div className="run-actions">
        <button type="button" className="primary" disabled={!hasScenario || inFlight} onClick={() => void startRun()} aria-keyshortcuts="Control+Enter Meta+Enter" title="Save if needed, then simulate (Ctrl+Enter)">
          <span aria-hidden="true">▶</span> Run
        </button>
        {inFlight && (
          <button type="button" onClick={() => void cancelRun()}>Cancel run</button>
        )}
        <label className="wall-cap" title={`A run still going after this long stops, keeping what it simulated (at most ${MAX_APP_WALL_S} s)`}>
          Stop after (s)
          <input type="number" min={1} max={MAX_APP_WALL_S} step={1} inputMode="numeric" value={wallCapText} onChange={(e) => setWallCapText(e.target.value)} />
        </label>
      </div>
      {active && <RunProgressBar run={active} />}
      {runError && <p className="message error">{runError}</p>}
    </div>
  );
}
