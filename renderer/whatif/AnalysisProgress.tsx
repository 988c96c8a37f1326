// The analysis running now: a progress bar (indeterminate for a solve, whose candidates are not
// known in advance), what it is doing, the time so far, and Cancel.
import { useEffect, useState } from 'react';
import { formatDuration } from '../format/numbers';
import { useAppStore } from '../store';

const KIND = { sweep: 'Sweep', solve: 'Solve', sensitivity: 'Sensitivity' } as const;

export function AnalysisProgress() {
  const job = useAppStore((s) => s.analysisJob);
  const cancel = useAppStore((s) => s.cancelAnalysis);
  const requestId = job?.requestId ?? null;
  const [elapsed, setElapsed] = useState(0);
  // A new analysis counts from zero (reset while rendering, not in an effect).
  const [countedFor, setCountedFor] = useState(requestId);
  if (countedFor !== requestId) {
    setCountedFor(requestId);
    setElapsed(0);
  }
  useEffect(() => {
    if (!requestId) return;
    const at = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - at), 500);
    return () => clearInterval(timer);
  }, [requestId]);
  if (!job) return null;
  const determinate = job.kind !== 'solve';
  const pct = Math.round(job.fraction * 100);
  const label = job.kind === 'solve' && job.label !== 'starting' ? `simulating ${job.label}` : job.label;
  const text = `${KIND[job.kind]}: ${label}`;
  return (
    <div className="wi-progress" aria-live="polite">
      <div
        className={determinate ? 'progress-track' : 'progress-track indeterminate'}
        role="progressbar"
        aria-label="Analysis progress"
        aria-valuemin={determinate ? 0 : undefined}
        aria-valuemax={determinate ? 100 : undefined}
        aria-valuenow={determinate ? pct : undefined}
        aria-valuetext={determinate ? `${pct}% — ${text}` : text}
      >
        <div className="progress-fill" style={determinate ? { width: `${pct}%` } : undefined} />
      </div>
      <p className="progress-text">
        {determinate && <strong>{pct}% </strong>}{text} · {formatDuration(elapsed)}
      </p>
      <button type="button" onClick={() => void cancel()}>Cancel analysis</button>
    </div>
  );
}
