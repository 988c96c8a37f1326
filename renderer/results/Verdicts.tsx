// The run's verdicts, first thing under its details: one card per layer (each service, the
// cluster, the pipeline) with its status in words and colour, the headline, why, what fixes it and
// the cost per hour (simulation/present/verdicts.ts). They are judged against the scenario
// version that was run, not the editor's text, so an edit since does not change them.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ResultDocument, RunSummary } from '../../electron/common/contract';
import type { SolveResult } from '../../simulation';
import { verdictsOf, type Verdict } from '../../simulation/present';
import { api } from '../api';
import { APP_NUMBERS } from '../format/numbers';
import { useAppStore } from '../store';
import { useRunScenario } from './use-run-scenario';

/** Kept solves are immutable too: each is fetched once. */
const solveDocs = new Map<string, SolveResult | null>();

/**
 * The newest kept serving solve of the version the run ran, if any: the verdict then says how
 * many replicas meet the SLO with confidence instead of pointing at Solve.
 */
function useKeptSolve(run: RunSummary): SolveResult | undefined {
  const summary = useAppStore((s) => s.analyses.find((a) => a.kind === 'solve' && a.scenarioVersionId === run.scenarioVersionId));
  const [, setLoaded] = useState(0);
  const id = summary?.id;
  useEffect(() => {
    if (!id || solveDocs.has(id)) return;
    let live = true;
    api.getAnalysis(id).then(
      (record) => {
        const d = record.document;
        solveDocs.set(id, d.kind === 'solve' && d.solve.target === 'service' ? d.solve : null);
        if (live) setLoaded((n) => n + 1);
      },
      () => { solveDocs.set(id, null); },
    );
    return () => { live = false; };
  }, [id]);
  return id ? solveDocs.get(id) ?? undefined : undefined;
}

/** Solve from the verdict: offered when the run is of the saved version the editor shows, with no kept solve. */
function SolveButton({ run, serviceId }: { run: RunSummary; serviceId: string }) {
  const current = useAppStore((s) => s.editorScenarioId === run.scenarioId && s.editorVersion === run.scenarioVersion && s.text === s.savedText);
  const busy = useAppStore((s) => s.analysisJob !== null);
  const startAnalysis = useAppStore((s) => s.startAnalysis);
  if (!current) return null;
  return (
    <button type="button" className="verdict-solve" disabled={busy} onClick={() => void startAnalysis({ kind: 'solve', target: 'service', id: serviceId })}>
      {busy ? 'An analysis is running…' : `Solve ${serviceId}: fewest replicas that meet the SLO`}
    </button>
  );
}

const LAYER: Record<Verdict['layer'], string> = { serving: 'Serving', cluster: 'Cluster', pipeline: 'Pipeline' };
const MARK: Record<Verdict['tone'], string> = { good: '✓', warn: '!', bad: '✕' };
const COST_FIELD: Record<Verdict['layer'], string | null> = { serving: 'cost_per_replica_hour', cluster: 'cost_per_unit_hour', pipeline: null };

function VerdictCard({ v, action }: { v: Verdict; action?: ReactNode }) {
  const titleId = useId();
  const costField = COST_FIELD[v.layer];
  return (
    <li className={`verdict verdict-${v.tone}`} aria-labelledby={titleId}>
      <div className="verdict-head">
        <h4 id={titleId} className="verdict-title">
          <span className="verdict-status"><span className="verdict-mark" aria-hidden="true">{MARK[v.tone]}</span>{v.status}</span>
          <span className="verdict-layer">{LAYER[v.layer]}</span>
          {(v.layer === 'serving' || v.subject !== v.layer) && <span className="verdict-subject">{v.subject}</span>}
        </h4>
        {costField && (
          <p className="verdict-cost">
            {v.costPerHour === null ? <span className="muted">No cost given ({costField})</span> : <>Cost <strong>{APP_NUMBERS.sig(v.costPerHour)}</strong> per hour</>}
          </p>
        )}
      </div>
      <p className="verdict-headline">{v.headline}</p>
      {v.why.length > 0 && (
        <div className="verdict-part">
          <p className="verdict-label" id={`${titleId}-why`}>Why</p>
          <ul aria-labelledby={`${titleId}-why`}>{v.why.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      )}
      {v.fix.length > 0 && (
        <div className="verdict-part">
          <p className="verdict-label" id={`${titleId}-fix`}>What fixes it</p>
          <ul aria-labelledby={`${titleId}-fix`}>{v.fix.map((f) => <li key={f}>{f}</li>)}</ul>
          {action}
        </div>
      )}
    </li>
  );
}

export function Verdicts({ run, result }: { run: RunSummary; result: ResultDocument }) {
  const scenario = useRunScenario(run);
  const solve = useKeptSolve(run);
  const headingId = useId();
  const verdicts = useMemo(() => (scenario ? verdictsOf(result, scenario, { numbers: APP_NUMBERS, solve }) : []), [result, scenario, solve]);
  if (verdicts.length === 0) return null;
  return (
    <section className="verdicts" aria-labelledby={headingId}>
      <h3 id={headingId} className="verdicts-heading">Verdict</h3>
      <ul className="verdict-list">
        {verdicts.map((v) => (
          <VerdictCard
            key={`${v.layer}:${v.subject}`}
            v={v}
            action={v.layer === 'serving' && v.tone !== 'good' && solve?.service !== v.subject && v.fix.some((f) => f.startsWith('Solve finds')) ? <SolveButton run={run} serviceId={v.subject} /> : undefined}
          />
        ))}
      </ul>
    </section>
  );
}
