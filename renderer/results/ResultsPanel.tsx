// Results: run controls and progress, the selected run's charts, then the analytic table beside
// each service's analytic-vs-simulated comparison.
import { useAppStore } from '../store';
import { LiveWhatIf } from '../whatif/LiveWhatIf';
import { WhatIfPanel } from '../whatif/WhatIfPanel';
import { RunBar } from './RunBar';
import { RunResult, useSloPercentile } from './RunResult';
import { ServiceComparison } from './ServiceComparison';
import { serviceEntries } from './service-results';
import { SummaryTable, useNotSimulated } from './SummaryTable';
import type { AnalyticOnlyService, ServiceResult } from '../../simulation';

function Comparison({ id, svc }: { id: string; svc: ServiceResult | AnalyticOnlyService }) {
  const slo = useSloPercentile(id);
  return <ServiceComparison serviceId={id} service={svc} sloPercentile={slo} />;
}

export function ResultsPanel() {
  const hasScenario = useAppStore((s) => s.editorScenarioId !== null);
  const result = useAppStore((s) => (s.selectedRunId ? s.results[s.selectedRunId] : undefined));
  const notSimulated = useNotSimulated();
  if (!hasScenario) return null;
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
    </section>
  );
}
