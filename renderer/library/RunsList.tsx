// Runs of the open scenario, newest first; status updates arrive as run events.
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../electron/common/contract';
import { formatDuration, formatWhen } from '../format/numbers';
import { useAppStore } from '../store';

/** Replications kept of a run that did not finish (committed one by one as they finished). */
function kept(run: RunSummary): string | null {
  if (run.status !== 'failed' && run.status !== 'cancelled') return null;
  return run.replicationsStored > 0 ? `${run.replicationsStored} of ${run.replications} replications kept` : null;
}

function describe(run: RunSummary): string {
  const wall = run.wallMs === null ? '' : `, wall time ${formatDuration(run.wallMs)}`;
  const partial = kept(run);
  return `Run ${run.status}, version ${run.scenarioVersion}, seed ${run.seed}, ${run.replications} replications${partial ? ` (${partial})` : ''}, ${formatWhen(run.createdAt)}${wall}`;
}

export function RunsList() {
  const runs = useAppStore(useShallow((s) => s.runs));
  const selectedRunId = useAppStore((s) => s.selectedRunId);
  const selectRun = useAppStore((s) => s.selectRun);
  const status = useAppStore((s) => s.runsStatus);
  const error = useAppStore((s) => s.runsError);
  const hasScenario = useAppStore((s) => s.editorScenarioId !== null);

  return (
    <section className="panel runs" aria-labelledby="runs-heading">
      <div className="panel-head">
        <h2 id="runs-heading">Runs</h2>
      </div>
      {error && <p className="message error">{error}</p>}
      {hasScenario && status === 'ready' && runs.length === 0 && <p className="muted">No runs yet. Press Run (Ctrl+Enter).</p>}
      <ul className="run-list" aria-label="Runs">
        {runs.map((run) => (
          <li key={run.id}>
            <button
              type="button"
              className={run.id === selectedRunId ? 'run-item selected' : 'run-item'}
              aria-current={run.id === selectedRunId ? 'true' : undefined}
              aria-label={describe(run)}
              onClick={() => void selectRun(run.id)}
            >
              <span className="run-line">
                <span className={`status status-${run.status}`}>{run.status}</span>
                <span>v{run.scenarioVersion}</span>
                <span>seed {run.seed}</span>
                <span>{run.replications} reps</span>
              </span>
              <span className="run-line muted">
                <time dateTime={run.createdAt}>{formatWhen(run.createdAt)}</time>
                {run.wallMs !== null && <span>{formatDuration(run.wallMs)}</span>}
                {kept(run) && <span>{kept(run)}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
