// "What-if analyses" under the results: sweep a field (or two over a grid), solve for the fewest replicas
// or units that meet a target, or rank the inputs that move a figure most. Each runs on the
// saved scenario's latest version in the backend's worker threads, with progress and Cancel, and
// is kept in the library with that version: the list below reopens or deletes them.
import { useEffect, useId, useMemo, useState } from 'react';
import type { AnalysisRequest } from '../../electron/common/contract';
import { formatDuration, formatWhen } from '../format/numbers';
import { useAppStore } from '../store';
import { AnalysisList } from './AnalysisList';
import { AnalysisProgress } from './AnalysisProgress';
import { AnalysisReportExport } from './AnalysisReportExport';
import { figureChoices, scenarioFigureChoices } from '../charts/whatif/figure-choices';
import { SensitivityForm } from './SensitivityForm';
import { SensitivityView } from './SensitivityView';
import { SolveEvidence } from './SolveEvidence';
import { SolveForm } from './SolveForm';
import { SweepForm } from './SweepForm';
import { SweepView } from './SweepView';
import { useSavedRaw } from './use-saved-scenario';

type Kind = AnalysisRequest['kind'];
const KINDS: readonly { kind: Kind; label: string }[] = [
  { kind: 'sweep', label: 'Sweep' },
  { kind: 'solve', label: 'Solve' },
  { kind: 'sensitivity', label: 'Sensitivity' },
];

/** Figures to pick from: the selected run's, else the catalogue's for the scenario's sections. */
function useFigureChoices() {
  const result = useAppStore((s) => (s.selectedRunId ? s.results[s.selectedRunId] : undefined));
  const scenario = useAppStore((s) => s.lastValid);
  return useMemo(() => {
    const fromRun = result ? figureChoices(result) : [];
    return fromRun.length > 0 ? fromRun : scenario ? scenarioFigureChoices(scenario) : [];
  }, [result, scenario]);
}

function OpenAnalysis() {
  const open = useAppStore((s) => s.openAnalysis);
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const close = useAppStore((s) => s.closeAnalysis);
  const choices = useFigureChoices();
  if (!open || open.summary.scenarioId !== scenarioId) return null;
  const { summary, document: d } = open;
  return (
    <section className="wi-open card" aria-labelledby="wi-open-title">
      <div className="wi-open-head">
        <h4 id="wi-open-title">{summary.title}</h4>
        <p className="muted">
          v{summary.scenarioVersion} · seed {d.seed} · {d.replications} replication{d.replications === 1 ? '' : 's'}{d.kind === 'solve' ? ' per count' : ''} · {formatDuration(summary.wallMs)} · <time dateTime={summary.createdAt}>{formatWhen(summary.createdAt)}</time>
        </p>
        <button type="button" className="wi-close" onClick={close} aria-label={`Close ${summary.title}`}>Close</button>
      </div>
      <AnalysisReportExport analysisId={summary.id} title={summary.title} />
      {d.kind === 'sweep' && <SweepView summary={summary} sweep={d.sweep} />}
      {d.kind === 'solve' && <SolveEvidence solve={d.solve} />}
      {d.kind === 'sensitivity' && <SensitivityView result={d.sensitivity} choices={choices} />}
    </section>
  );
}

export function WhatIfPanel() {
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const version = useAppStore((s) => s.editorVersion);
  const dirty = useAppStore((s) => s.text !== s.savedText);
  const busy = useAppStore((s) => s.analysisJob !== null);
  const error = useAppStore((s) => s.analysisError);
  const issues = useAppStore((s) => s.analysisIssues);
  const loadAnalyses = useAppStore((s) => s.loadAnalyses);
  const closeAnalysis = useAppStore((s) => s.closeAnalysis);
  const startAnalysis = useAppStore((s) => s.startAnalysis);
  const raw = useSavedRaw();
  const choices = useFigureChoices();
  const [kind, setKind] = useState<Kind>('sweep');
  const [cancelled, setCancelled] = useState(false);
  const id = useId();

  // Another scenario: its own analyses, none open.
  useEffect(() => {
    closeAnalysis();
    void loadAnalyses();
  }, [scenarioId, loadAnalyses, closeAnalysis]);

  const run = (request: AnalysisRequest) => {
    setCancelled(false);
    void startAnalysis(request).then((ok) => {
      if (!ok && useAppStore.getState().analysisError === null) setCancelled(true);
    });
  };

  if (!scenarioId) return null;
  return (
    <section className="wi-panel" aria-labelledby={`${id}-heading`}>
      <div className="wi-head">
        <h3 id={`${id}-heading`}>What-if analyses</h3>
        <p className={dirty ? 'wi-saved-note warn' : 'wi-saved-note muted'} role={dirty ? 'note' : undefined}>
          {dirty
            ? `The editor has unsaved changes: analyses run on the saved version${version === null ? '' : ` (v${version})`}, without them. Save (Ctrl+S) to include them.`
            : `Runs on the saved version${version === null ? '' : ` v${version}`}; each analysis is kept with it.`}
        </p>
      </div>
      <fieldset className="segmented wi-kinds">
        <legend className="visually-hidden">Analysis</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className={kind === k.kind ? 'on' : undefined}>
            <input type="radio" name={`${id}-kind`} value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="wi-body">
        {kind === 'sweep' && <SweepForm key={scenarioId} raw={raw} busy={busy} onRun={run} />}
        {kind === 'solve' && <SolveForm key={scenarioId} raw={raw} busy={busy} onRun={run} />}
        {kind === 'sensitivity' && <SensitivityForm key={scenarioId} choices={choices} busy={busy} onRun={run} />}
      </div>
      <AnalysisProgress />
      <div aria-live="polite">
        {cancelled && !busy && <p className="muted" role="status">The analysis was cancelled; nothing was kept.</p>}
        {error && (
          <div className="message error" role="alert">
            <p>{issues.length > 0 ? 'The analysis cannot run:' : error}</p>
            {issues.length > 0 && (
              <ul className="wi-issues">
                {issues.map((i, n) => <li key={n}><code>{i.path}</code>: {i.message}</li>)}
              </ul>
            )}
          </div>
        )}
      </div>
      <OpenAnalysis />
      <div className="wi-kept-block">
        <h4>Kept analyses</h4>
        <AnalysisList />
      </div>
    </section>
  );
}
