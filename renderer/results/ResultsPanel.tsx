// Results: run controls and progress, the selected run's charts, then the analytic table beside
// each service's analytic-vs-simulated comparison. With no scenario open: the example gallery.
import { ExampleGallery, StartGallery } from '../library/ExampleGallery';
import { useAppStore } from '../store';
import { LiveWhatIf } from '../whatif/LiveWhatIf';
import { WhatIfPanel } from '../whatif/WhatIfPanel';
import { RunBar } from './RunBar';
import { RunResult, useSloPercentile } from './RunResult';
import { LlmComparison } from './LlmComparison';
import { ServiceComparison } from './ServiceComparison';
import { isSimulated, serviceEntries } from './service-results';
import { SummaryTable, useNotSimulated } from './SummaryTable';
import type { AnalyticOnlyService, ServiceResult } from '../../simulation';

/** A service's analytic-vs-simulated card; an `llm` service's LLM panel first. */
function Comparison({ id, svc }: { id: string; svc: ServiceResult | AnalyticOnlyService }) {
  const slo = useSloPercentile(id);
  return (
    <>
      {isSimulated(svc) && svc.llm && <LlmComparison serviceId={id} service={svc} />}
      <ServiceComparison serviceId={id} service={svc} sloPercentile={slo} />
    </>
  );
}

export function ResultsPanel() {
  const hasScenario = useAppStore((s) => s.editorScenarioId !== null);
  const result = useAppStore((s) => (s.selectedRunId ? s.results[s.selectedRunId] : undefined));
  const notSimulated = useNotSimulated();
  // A scenario never run (a fresh library opens its first example): the gallery under the results.
  const neverRun = useAppStore((s) => s.runsStatus === 'ready' && s.runs.length === 0);
  // The start screen: with no scenario open, the bundled examples and their stories.
  if (!hasScenario) return <StartGallery />;
  return (
    <section className="panel results" aria-labelledby="results-heading">
      <div className="panel-head">
        <h2 id="results-heading">Results</h2>
      </div>
      <RunBar />
      <LiveWhatIf />
      <RunResult />
      <div className="result-tables">
        <SummaryTable notSimulated={notSimulated} />
        {result && serviceEntries(result).map(([id, svc]) => <Comparison key={id} id={id} svc={svc} />)}
      </div>
      <WhatIfPanel />
      {neverRun && (
        <section className="start-gallery" aria-labelledby="start-gallery-heading">
          <h3 id="start-gallery-heading">Or start from an example</h3>
          <ExampleGallery />
        </section>
      )}
    </section>
  );
}
