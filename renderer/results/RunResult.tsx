// The selected run: what it was (version, seed, engine, wall time), its report export, and its
// charts, or its comparison with another run (renderer/whatif/CompareView).
import type { ComponentProps } from 'react';
import type { ResultDocument, RunSummary } from '../../electron/common/contract';
import { BreakdownChart } from '../charts/BreakdownChart';
import { LatencyChart } from '../charts/LatencyChart';
import { ServingTimeCharts } from '../charts/time/ServingTimeCharts';
import { formatDuration, formatNumber, formatWhen } from '../format/numbers';
import { useAppStore } from '../store';
import { PipelineResults } from './pipeline/PipelineResults';
import { ClusterResults } from './cluster/ClusterResults';
import { PlaybackBar } from './PlaybackBar';
import { ReportExport } from './ReportExport';
import { Verdicts } from './Verdicts';
import { budgetMs, isSimulated, serviceEntries } from './service-results';
import { useRunScenario } from './use-run-scenario';
import { CompareControl } from '../whatif/CompareControl';
import { CompareView } from '../whatif/CompareView';

export function useSloPercentile(serviceId: string): number | null {
  return useAppStore((s) => s.lastValid?.serving?.services.find((x) => x.id === serviceId)?.slo_percentile ?? null);
}

function RunMeta({ run, result }: { run: RunSummary; result: ResultDocument }) {
  const editorVersion = useAppStore((s) => s.editorVersion);
  const dirty = useAppStore((s) => s.text !== s.savedText);
  const differs = dirty || (editorVersion !== null && editorVersion !== run.scenarioVersion);
  return (
    <div className="run-meta">
      <div className="run-meta-head">
        <p>
          Run of <strong>v{run.scenarioVersion}</strong> · seed {result.seed} · {result.replications} replications · horizon {formatNumber(result.horizon_s, 0)} s{result.horizon_s >= 7200 ? ` = ${formatDuration(result.horizon_s * 1000)}` : ''} (warm-up {formatNumber(result.warmup_s, 0)} s) · engine {result.engine.version} · {formatNumber(result.engine.events, 0)} events · {formatDuration(result.engine.wall_ms)} · {formatWhen(run.createdAt)}
        </p>
        <ReportExport key={run.id} run={run} />
      </div>
      {differs && <p className="muted">The editor has changed since this run.</p>}
      <CompareControl run={run} />
      {result.truncated && <p className="callout warn"><strong>Partial result:</strong> stopped by a cap ({result.truncated.reason}).</p>}
      {result.not_simulated && result.not_simulated.length > 0 && (
        <p className="callout info">
          <strong>Analytic only (not simulated yet):</strong> {result.not_simulated.join(', ')}.
        </p>
      )}
    </div>
  );
}

/** The time charts with the playback cursor: only they redraw as it moves. */
function ServiceOverTime(props: Omit<ComponentProps<typeof ServingTimeCharts>, 'cursorS'>) {
  return <ServingTimeCharts {...props} cursorS={useAppStore((s) => s.playbackT)} />;
}

function ServiceCharts({ serviceId, result, run }: { serviceId: string; result: ResultDocument; run: RunSummary }) {
  const svc = result.serving?.[serviceId];
  const sloPercentile = useSloPercentile(serviceId);
  // Over time: the arrivals of the version that ran (a diurnal load varies).
  const arrivals = useRunScenario(run)?.serving?.services.find((x) => x.id === serviceId)?.arrivals;
  if (!svc || !isSimulated(svc)) return null;
  const budget = budgetMs(svc.analytic);
  return (
    <div className="service-charts">
      <LatencyChart serviceId={serviceId} service={svc} budgetMs={budget} sloPercentile={sloPercentile} />
      <BreakdownChart serviceId={serviceId} components={svc.components_ms} budgetMs={budget} sloPercentile={sloPercentile} />
      <ServiceOverTime serviceId={serviceId} service={svc} horizonS={result.horizon_s} warmupS={result.warmup_s} replications={result.replications} budgetMs={budget} arrivals={arrivals} />
    </div>
  );
}

export function RunResult() {
  const run = useAppStore((s) => s.runs.find((r) => r.id === s.selectedRunId));
  const result = useAppStore((s) => (s.selectedRunId ? s.results[s.selectedRunId] : undefined));
  const resultStatus = useAppStore((s) => s.resultStatus);
  const resultError = useAppStore((s) => s.resultError);
  const comparing = useAppStore((s) => s.compareWith !== null);

  if (!run) return <p className="placeholder">No run selected. Press Run (Ctrl+Enter) to simulate this scenario.</p>;
  switch (run.status) {
    case 'queued':
    case 'running':
      return <p className="placeholder">Simulating… the charts appear when the run finishes.</p>;
    case 'failed':
      return <p className="message error">This run failed: {run.error ?? 'unknown error'}</p>;
    case 'cancelled':
      return <p className="placeholder">This run was cancelled; it has no result.</p>;
    default:
      break;
  }
  if (resultStatus === 'error') return <p className="message error">Cannot load the result: {resultError}</p>;
  if (result === undefined) return <p className="placeholder">Loading the result…</p>;
  if (result === null) return <p className="placeholder">No result was stored for this run.</p>;
  if (comparing) {
    return (
      <>
        <RunMeta run={run} result={result} />
        <CompareView result={result} />
      </>
    );
  }
  return (
    <>
      <RunMeta run={run} result={result} />
      <Verdicts run={run} result={result} />
      <PlaybackBar key={run.id} run={run} result={result} />
      {serviceEntries(result).map(([id]) => (
        <ServiceCharts key={id} serviceId={id} result={result} run={run} />
      ))}
      <PipelineResults result={result} />
      {result.cluster && <ClusterResults result={result} />}
    </>
  );
}
