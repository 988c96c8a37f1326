// Solve: the fewest replicas of a service that meet its SLO with confidence, or the fewest units
// of a pool whose jobs' queueing delay at a percentile stays under a target. Targets are picked
// from the saved scenario's services and pools.
import { useId, useState } from 'react';
import type { AnalysisRequest } from '../../electron/common/contract';
import { MAX_SWEEP_REPLICATIONS } from '../../electron/common/limits';
import { QUEUE_DELAY_PERCENTILES } from '../../simulation';
import { OptionalInt, parseOptionalInt } from './OptionalInt';
import { sectionIds } from './use-saved-scenario';

interface Props {
  raw: unknown;
  busy: boolean;
  onRun: (request: AnalysisRequest) => void;
}

type Target = 'service' | 'pool';

/** Whether service `id` of the saved scenario is served at token level (an `llm` block), judged on TTFT and TPOT. */
function isLlmService(raw: unknown, id: string): boolean {
  const services = (raw as { serving?: { services?: unknown } } | null)?.serving?.services;
  const spec = Array.isArray(services) ? (services as { id?: unknown; llm?: unknown }[]).find((s) => s?.id === id) : undefined;
  return typeof spec?.llm === 'object' && spec.llm !== null;
}

export function SolveForm({ raw, busy, onRun }: Props) {
  const { services, pools } = sectionIds(raw);
  const [target, setTarget] = useState<Target>(services.length > 0 ? 'service' : 'pool');
  const [serviceId, setServiceId] = useState('');
  const [poolId, setPoolId] = useState('');
  const [maxDelay, setMaxDelay] = useState('3600');
  const [percentile, setPercentile] = useState('95');
  const [replications, setReplications] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  // The picked id, or the first when it is not (or no longer) in the scenario.
  const service = services.find((s) => s.id === serviceId) ?? services[0];
  const pool = pools.find((p) => p.id === poolId) ?? pools[0];
  const isLlm = service !== undefined && isLlmService(raw, service.id);

  const submit = () => {
    setProblem(null);
    const reps = parseOptionalInt(replications, 'Replications per count', 1, MAX_SWEEP_REPLICATIONS);
    if (typeof reps === 'string') return setProblem(reps);
    const r = reps === null ? {} : { replications: reps };
    if (target === 'service') {
      if (!service) return setProblem('Service: the saved scenario has no service');
      return onRun({ kind: 'solve', target: 'service', id: service.id, ...r });
    }
    if (!pool) return setProblem('Pool: the saved scenario has no pool');
    const d = maxDelay.trim() === '' ? NaN : Number(maxDelay);
    if (!(Number.isFinite(d) && d >= 0)) return setProblem('Max queueing delay (s): must be a number ≥ 0');
    onRun({ kind: 'solve', target: 'pool', id: pool.id, maxQueueDelayS: d, percentile: Number(percentile), ...r });
  };

  if (services.length === 0 && pools.length === 0) return <p className="muted">The saved scenario has no service or pool to solve for.</p>;
  return (
    <form
      className="wi-form"
      aria-label="Solve"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="segmented wi-target">
        <legend className="visually-hidden">Solve for</legend>
        {([['service', 'Service replicas', services.length], ['pool', 'Pool units', pools.length]] as const).map(([value, text, count]) => (
          <label key={value} className={target === value ? 'on' : undefined}>
            <input type="radio" name={`${id}-target`} value={value} checked={target === value} disabled={busy || count === 0} onChange={() => setTarget(value)} />
            {text}
          </label>
        ))}
      </fieldset>
      {target === 'service' ? (
        <div className="wi-row">
          <label className="wi-field">
            <span>Service</span>
            <select value={service?.id ?? ''} disabled={busy} onChange={(e) => setServiceId(e.target.value)}>
              {services.map((s) => <option key={s.id} value={s.id}>{s.id}{s.autoscaling ? ' (autoscaling)' : ''}</option>)}
            </select>
          </label>
          <OptionalInt label="Replications per count" placeholder="≥ 10" value={replications} onChange={setReplications} disabled={busy} min={1} max={MAX_SWEEP_REPLICATIONS} />
          <button type="submit" className="primary" disabled={busy}>Solve replicas</button>
        </div>
      ) : (
        <div className="wi-row">
          <label className="wi-field">
            <span>Pool</span>
            <select value={pool?.id ?? ''} disabled={busy} onChange={(e) => setPoolId(e.target.value)}>
              {pools.map((p) => <option key={p.id} value={p.id}>{p.id} ({p.units} units now)</option>)}
            </select>
          </label>
          <label className="wi-field">
            <span>Max queueing delay (s)</span>
            <input type="number" min={0} step="any" value={maxDelay} disabled={busy} onChange={(e) => setMaxDelay(e.target.value)} />
          </label>
          <label className="wi-field">
            <span>At percentile</span>
            <select value={percentile} disabled={busy} onChange={(e) => setPercentile(e.target.value)}>
              {QUEUE_DELAY_PERCENTILES.map((p) => <option key={p} value={p}>p{p}</option>)}
            </select>
          </label>
          <OptionalInt label="Replications per count" placeholder="≥ 10" value={replications} onChange={setReplications} disabled={busy} min={1} max={MAX_SWEEP_REPLICATIONS} />
          <button type="submit" className="primary" disabled={busy}>Solve units</button>
        </div>
      )}
      <p className="wi-hint">
        {target === 'service' && isLlm
          ? 'Meets the SLOs with confidence: the upper ends of the 95% CIs of TTFT and TPOT at their SLO percentiles are both within their SLOs (an LLM service’s latency budget is not judged).'
          : target === 'service'
          ? 'Meets the SLO with confidence: the upper end of the 95% CI of the latency at the SLO percentile is within the budget.'
          : 'Meets the target with confidence: the upper end of the 95% CI of that percentile of queueing delay is within it. Only this pool and its jobs are simulated.'}
      </p>
      {problem && <p className="message error" role="alert">{problem}</p>}
    </form>
  );
}
