// The shown run (A) compared with another (B), in place of the run's own charts: what each run
// was, how B − A was judged, the inputs that differ, each service's latency percentiles of both
// on one chart, and every figure side by side (./CompareTable). Closing it returns to the run.
import { useEffect, useId, useMemo, useState } from 'react';
import type { ResultDocument } from '../../electron/common/contract';
import { documentFigures } from '../../simulation/present';
import { api } from '../api';
import { APP_NUMBERS } from '../format/numbers';
import { budgetMs } from '../results/service-results';
import { useAppStore } from '../store';
import { serviceLatencies } from './compare-chart';
import { inputRows, legendText, methodText, sideText } from './compare-rows';
import { CompareChart } from './CompareChart';
import { COMPARE_SELECT_ID } from './CompareControl';
import { CompareTable } from './CompareTable';

/** Results of runs outside the store (B may be another scenario's run); immutable, kept once fetched. */
const fetchedResults = new Map<string, ResultDocument | null>();

/** B's result, for its figures' labels and budgets; undefined until known (the table does without). */
function useRunResult(runId: string | undefined): ResultDocument | null | undefined {
  const inStore = useAppStore((s) => (runId ? s.results[runId] : undefined));
  const [, setFetched] = useState(0);
  useEffect(() => {
    if (!runId || inStore !== undefined || fetchedResults.has(runId)) return;
    let live = true;
    api.getRunResult(runId).then(
      (r) => { fetchedResults.set(runId, r); if (live) setFetched((n) => n + 1); },
      () => { fetchedResults.set(runId, null); }, // labels then come from the catalogue's definitions
    );
    return () => { live = false; };
  }, [runId, inStore]);
  return inStore ?? (runId ? fetchedResults.get(runId) : undefined);
}

function serviceBudget(result: ResultDocument | null | undefined, id: string): number | null {
  const svc = result?.serving?.[id];
  return svc ? budgetMs(svc.analytic) : null;
}

export function CompareView({ result }: { result: ResultDocument }) {
  const status = useAppStore((s) => s.comparisonStatus);
  const error = useAppStore((s) => s.comparisonError);
  const doc = useAppStore((s) => s.comparison);
  const clearComparison = useAppStore((s) => s.clearComparison);
  const resultB = useRunResult(doc?.b.runId);
  const headingId = useId();
  const catalogue = useMemo(() => [...(resultB ? documentFigures(resultB) : []), ...documentFigures(result)], [result, resultB]);
  const services = useMemo(() => (doc ? serviceLatencies(doc) : []), [doc]);

  const close = () => {
    clearComparison();
    document.getElementById(COMPARE_SELECT_ID)?.focus();
  };

  if (status === 'loading') return <p className="placeholder" role="status">Comparing the two runs…</p>;
  if (status === 'error') {
    return (
      <div className="message error">
        Cannot compare the runs: {error} <button type="button" className="link" onClick={close}>Back to this run</button>
      </div>
    );
  }
  if (!doc) return null;
  const named = doc.a.name !== doc.b.name;
  const inputs = inputRows(doc, APP_NUMBERS);
  return (
    <section className="cmp" aria-labelledby={headingId}>
      <div className="cmp-head">
        <h3 id={headingId}>Comparison of two runs</h3>
        <button type="button" onClick={close}>Close comparison</button>
      </div>
      <dl className="cmp-sides">
        <div><dt><span className="cmp-key cmp-key-a" aria-hidden="true" />A (this run)</dt><dd>{sideText(doc.a, named)}</dd></div>
        <div><dt><span className="cmp-key cmp-key-b" aria-hidden="true" />B</dt><dd>{sideText(doc.b, named)}</dd></div>
      </dl>
      <p className="cmp-method">B − A: {methodText(doc)}; 95% confidence intervals.</p>
      {doc.truncated && (
        <p className="callout warn"><strong>Partial result:</strong> a run stopped early ({doc.truncated.reason}); its figures cover the simulated part only.</p>
      )}
      <div className="cmp-inputs">
        {inputs.length === 0 ? (
          <p><strong>Inputs:</strong> the same in A and B.</p>
        ) : (
          <>
            <h4 id={`${headingId}-inputs`}>Inputs that differ, A → B</h4>
            <ul aria-labelledby={`${headingId}-inputs`}>
              {inputs.map((r) => (
                <li key={r.path}><code>{r.path}</code> <span className="cmp-input-values">{r.a} → {r.b}</span></li>
              ))}
            </ul>
          </>
        )}
      </div>
      {services.map((s) => (
        <CompareChart
          key={s.id}
          serviceId={s.id}
          points={s.points}
          budgetMs={serviceBudget(result, s.id) ?? serviceBudget(resultB, s.id)}
          legendA={legendText('A', doc.a, named)}
          legendB={legendText('B', doc.b, named)}
        />
      ))}
      <CompareTable doc={doc} catalogue={catalogue} />
    </section>
  );
}
