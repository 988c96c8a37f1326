// The seed article's analytic table for the scenario in the editor, recomputed on every valid
// edit (no run needed); labels, units and spelling are the figure catalogue's. After a run, sections it did not simulate are marked as analytic only.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analyticSummary } from '../../simulation';
import { SUMMARY_COLUMNS } from '../../simulation/present';
import { useAppStore } from '../store';
import { summaryRows, withRunServingFigures } from './summary-rows';
import { FigureTable } from './FigureTable';

const NONE: string[] = [];

export function SummaryTable({ notSimulated = NONE }: { notSimulated?: readonly string[] }) {
  const scenario = useAppStore((s) => s.lastValid);
  const stale = useAppStore((s) => s.parse !== null && !s.parse.ok && s.lastValid !== null);
  // A trace's rate comes from its file, which only the backend reads: take the selected run's
  // offered rate for it (the same file unless it was replaced since).
  const first = scenario?.serving?.services[0];
  const run = useAppStore((s) => (first?.arrivals.process === 'trace' && s.selectedRunId ? s.results[s.selectedRunId] : undefined));
  const runRate = run?.serving?.[first?.id ?? '']?.offered_rps;
  const traceRate = typeof runRate === 'number' && Number.isFinite(runRate) ? runRate : undefined;
  const summary = useMemo(() => {
    if (!scenario) return null;
    const svc = scenario.serving?.services[0];
    const own = analyticSummary(scenario, svc && traceRate !== undefined ? new Map([[svc.id, traceRate]]) : undefined);
    // An llm service's token lengths from the trace's columns: only the run's document has them.
    return withRunServingFigures(own, run?.summary);
  }, [scenario, traceRate, run]);
  const rows = summary ? summaryRows(summary, notSimulated) : [];

  return (
    <section className="card summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">Analytic summary</h3>
      <p className="card-note">
        The seed article’s back-of-the-envelope figures for the scenario in the editor{stale ? ' (as of its last valid edit)' : ''}.
        {traceRate !== undefined && (first?.llm ? ' The trace’s offered rate, and the figures that need its token lengths, are the selected run’s.' : ' The trace’s offered rate is the selected run’s.')}
      </p>
      {summary === null || rows.length === 0 ? (
        <p className="muted">No analytic figures: the scenario has none of their inputs yet.</p>
      ) : (
        <FigureTable
          labelledBy="summary-heading"
          columns={[SUMMARY_COLUMNS.label, SUMMARY_COLUMNS.value]}
          rows={rows.map((r) => ({
            key: r.key,
            head: (
              <>
                <code className="figure-key">{r.key}</code>
                <span className="figure-label">{r.label}</span>
                {r.analyticOnly && <span className="tag">analytic only (not simulated yet)</span>}
              </>
            ),
            cells: [r.value],
          }))}
        />
      )}
    </section>
  );
}

export function useNotSimulated(): readonly string[] {
  return useAppStore(useShallow((s) => (s.selectedRunId ? s.results[s.selectedRunId]?.not_simulated ?? NONE : NONE)));
}
