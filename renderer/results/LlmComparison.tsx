// The LLM panel of an `llm` service (docs/llm-serving.md): TTFT, TPOT and end-to-end latency
// statistics with 95% CIs against the SLOs of the scenario that ran, goodput and token
// throughput, the replicas' KV cache, FLOP and bandwidth utilization, and the roofline's figures
// beside the simulated ones. Rows, labels and cells come from ./llm-figures.ts (the catalogue).
import { useId, useMemo } from 'react';
import type { RunSummary } from '../../electron/common/contract';
import type { ServiceResult } from '../../simulation';
import { formatNumber } from '../format/numbers';
import { useAppStore } from '../store';
import { ComparisonTable } from './ComparisonTable';
import { FigureTable } from './FigureTable';
import { LLM_LATENCY_COLUMNS, llmPanel, llmSettings } from './llm-figures';
import { useRunScenario } from './use-run-scenario';

interface Props {
  serviceId: string;
  service: ServiceResult;
}

/** "36.5 ms [34.3, 38.7]" as the mean over its CI (three such columns fit the results panel); a missed SLO flagged. */
function StatCell({ text, missed }: { text: string; missed: boolean }) {
  const i = text.indexOf(' [');
  const [mean, ci] = i === -1 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
  return (
    <span className={missed ? 'llm-stat llm-missed' : 'llm-stat'}>
      <span>{mean}{missed && <> <span className="tag danger">missed</span></>}</span>
      {ci && <>{' '}<span className="llm-ci">{ci}</span></>}
    </span>
  );
}

/** Nothing for a request-level service, or while the selected run is not known. */
export function LlmComparison({ serviceId, service }: Props) {
  const run = useAppStore((s) => s.runs.find((r) => r.id === s.selectedRunId));
  if (!run || !service.llm) return null;
  return <LlmCard run={run} serviceId={serviceId} service={service} />;
}

function LlmCard({ run, serviceId, service }: Props & { run: RunSummary }) {
  const scenario = useRunScenario(run);
  const panel = useMemo(() => llmPanel(serviceId, service, llmSettings(scenario, serviceId, service)), [scenario, serviceId, service]);
  const id = useId();
  if (!panel) return null;
  const c = panel.counts;
  return (
    <section className="card llm-results" aria-labelledby={`${id}-h`} data-service={serviceId}>
      <h3 id={`${id}-h`}>LLM serving — <code>{serviceId}</code></h3>
      <p className="card-note">
        Token level: TTFT from joining a replica’s line to the first token, TPOT per later token (both at the engine); end-to-end latency adds the
        feature, network and post-processing times. Simulated figures are means over the replications with their 95% CI; headroom is the
        SLO minus the value at its percentile, attainment the share of requests within the SLO.
      </p>
      <h4 id={`${id}-lat`}>Latency against the SLOs</h4>
      <div className="llm-latency">
        <FigureTable
          labelledBy={`${id}-lat`}
          columns={['Statistic', ...LLM_LATENCY_COLUMNS]}
          rows={panel.latency.map((r) => ({
            key: r.key,
            head: r.slo ? <span className="llm-slo-row">{r.label}</span> : r.label,
            // The SLOs are words ("30,000 ms at p99 (budget)") that may wrap; the statistics are numbers over their CIs.
            cells: r.key === 'target' ? r.cells : r.cells.map((text, i) => <StatCell key={i} text={text} missed={r.missed[i]!} />),
          }))}
        />
      </div>
      <h4 id={`${id}-thr`}>Throughput and utilization</h4>
      <ComparisonTable rows={panel.throughput} labelledBy={`${id}-thr`} />
      <h4 id={`${id}-roof`}>Roofline (analytic, one replica) beside simulated</h4>
      <ComparisonTable rows={panel.roofline} labelledBy={`${id}-roof`} />
      <p className="card-note">
        {formatNumber(c.requests, 0)} requests · {formatNumber(c.completed, 0)} completed · {formatNumber(c.rejected, 0)} rejected (prompt longer than max_seq_len) ·{' '}
        {formatNumber(c.preemptions, 0)} preemptions · {formatNumber(c.recomputed, 0)} tokens recomputed
      </p>
    </section>
  );
}
