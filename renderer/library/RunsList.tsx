// Runs of the open scenario, newest first; status updates arrive as run events. Each run says
// what changed since the one before it, its SLO verdict in a line, and the label it was given.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../electron/common/contract';
import { formatDuration, formatWhen } from '../format/numbers';
import { useAppStore } from '../store';
import { RunLabelForm } from './RunLabelForm';
import { changesText, describeRun, headlineParts, keptText } from './run-text';

function RunEntry({ run, selected }: { run: RunSummary; selected: boolean }) {
  const selectRun = useAppStore((s) => s.selectRun);
  const [labelling, setLabelling] = useState(false);
  const labelButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const kept = keptText(run);
  const headline = run.headline ? headlineParts(run.headline) : null;

  // Closing the form puts the focus back where it was opened from.
  useEffect(() => {
    if (!labelling && refocus.current) {
      refocus.current = false;
      labelButton.current?.focus();
    }
  }, [labelling]);

  return (
    <li className="run-entry">
      <button
        type="button"
        className={selected ? 'run-item selected' : 'run-item'}
        aria-current={selected ? 'true' : undefined}
        aria-label={describeRun(run)}
        onClick={() => void selectRun(run.id)}
      >
        <span className="run-line run-first-line">
          <span className={`status status-${run.status}`}>{run.status}</span>
          <span>v{run.scenarioVersion}</span>
          <span>seed {run.seed}</span>
          <span>{run.replications} reps</span>
        </span>
        {run.label && <span className="run-label">{run.label}</span>}
        {headline && (
          <span className="run-headline" title={headline.text}>
            <span className={`status tone-${headline.tone}`}>{headline.word}</span> {headline.text}
          </span>
        )}
        {run.changes.length > 0 && (
          <span className="run-changes" title={changesText(run)}>
            {changesText(run)}
          </span>
        )}
        <span className="run-line muted">
          <time dateTime={run.createdAt}>{formatWhen(run.createdAt)}</time>
          {run.wallMs !== null && <span>{formatDuration(run.wallMs)}</span>}
          {kept && <span>{kept}</span>}
        </span>
      </button>
      {labelling ? (
        <RunLabelForm
          run={run}
          onClose={() => {
            refocus.current = true;
            setLabelling(false);
          }}
        />
      ) : (
        <button
          ref={labelButton}
          type="button"
          className="run-label-button"
          aria-label={`Label run v${run.scenarioVersion}, seed ${run.seed}, ${formatWhen(run.createdAt)}`}
          onClick={() => setLabelling(true)}
        >
          Label
        </button>
      )}
    </li>
  );
}

export function RunsList() {
  const runs = useAppStore(useShallow((s) => s.runs));
  const selectedRunId = useAppStore((s) => s.selectedRunId);
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
          <RunEntry key={run.id} run={run} selected={run.id === selectedRunId} />
        ))}
      </ul>
    </section>
  );
}
