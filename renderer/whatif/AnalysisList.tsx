// The analyses kept with the open scenario, newest first: what each is, the version it ran on and
// when, with Open and Delete (Delete asks first, in place).
import { useState } from 'react';
import type { AnalysisSummary } from '../../electron/common/contract';
import { formatDuration, formatWhen } from '../format/numbers';
import { useAppStore } from '../store';

const KIND: Record<AnalysisSummary['kind'], string> = { sweep: 'Sweep', solve: 'Solve', sensitivity: 'Sensitivity' };

function Entry({ a, open }: { a: AnalysisSummary; open: boolean }) {
  const showAnalysis = useAppStore((s) => s.showAnalysis);
  const deleteAnalysis = useAppStore((s) => s.deleteAnalysis);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={open ? 'wi-kept open' : 'wi-kept'}>
      <div className="wi-kept-text">
        <span className="tag">{KIND[a.kind]}</span> <span className="wi-kept-title">{a.title}</span>
        <span className="muted wi-kept-meta">
          v{a.scenarioVersion} · <time dateTime={a.createdAt}>{formatWhen(a.createdAt)}</time> · {formatDuration(a.wallMs)}
        </span>
      </div>
      <div className="wi-kept-actions">
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void deleteAnalysis(a.id)} aria-label={`Confirm delete ${a.title}`}>Delete</button>
            <button type="button" onClick={() => setConfirming(false)} aria-label={`Keep ${a.title}`}>Keep</button>
          </>
        ) : (
          <>
            <button type="button" aria-current={open ? 'true' : undefined} aria-label={`Open ${a.title}`} onClick={() => void showAnalysis(a.id)}>Open</button>
            <button type="button" aria-label={`Delete ${a.title}`} onClick={() => setConfirming(true)}>Delete</button>
          </>
        )}
      </div>
    </li>
  );
}

export function AnalysisList() {
  const analyses = useAppStore((s) => s.analyses);
  const openId = useAppStore((s) => s.openAnalysis?.summary.id ?? null);
  if (analyses.length === 0) return <p className="muted wi-none">No analyses kept yet: each sweep, solve and sensitivity run is kept here with the scenario version it ran on.</p>;
  return (
    <ul className="wi-kept-list" aria-label="Kept analyses">
      {analyses.map((a) => <Entry key={a.id} a={a} open={a.id === openId} />)}
    </ul>
  );
}
