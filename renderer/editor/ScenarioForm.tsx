// The form view: the scenario's run settings and its first serving service. It edits the same
// text as the JSON view, field by field; what the form does not cover stays as written.
import { useAppStore } from '../store';
import { getAtPath } from './json-path';
import { DistPicker } from './DistPicker';
import { DistField, ValueField } from './ScenarioFields';

const SVC = ['serving', 'services', 0] as const;

export function ScenarioForm() {
  const syntaxOk = useAppStore((s) => s.raw !== undefined);
  const serviceId = useAppStore((s) => getAtPath(s.raw, [...SVC, 'id']));
  const hasService = useAppStore((s) => getAtPath(s.raw, SVC) !== undefined);
  const process = useAppStore((s) => getAtPath(s.raw, [...SVC, 'arrivals', 'process']));
  const serviceCount = useAppStore((s) => {
    const list = getAtPath(s.raw, ['serving', 'services']);
    return Array.isArray(list) ? list.length : 0;
  });

  if (!syntaxOk) {
    return <p className="message warn">The JSON has a syntax error, so the form is unavailable. Fix it in the JSON view (the problem list says where).</p>;
  }

  return (
    <form className="scenario-form" aria-label="Scenario form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Scenario</legend>
        <div className="field-grid">
          <ValueField label="Scenario name" path={['name']} numeric={false} wide />
          <ValueField label="Seed" path={['seed']} defaultValue={1} />
          <ValueField label="Replications" path={['replications']} defaultValue={5} />
          <ValueField label="Horizon (s)" path={['horizon_s']} defaultValue={3600} />
          <ValueField label="Warm-up (s)" path={['warmup_s']} defaultValue={0} />
        </div>
      </fieldset>
      {hasService ? (
        <fieldset>
          <legend>
            Serving service {typeof serviceId === 'string' ? <code>{serviceId}</code> : null}
            {serviceCount > 1 && <span className="muted"> (first of {serviceCount}; edit the others in JSON)</span>}
          </legend>
          <div className="field-grid">
            <ValueField label="Service name (id)" path={[...SVC, 'id']} numeric={false} wide />
            {process === 'poisson' ? (
              <ValueField label="Arrival rate (rps)" path={[...SVC, 'arrivals', 'rate_rps']} hint="Poisson arrivals" />
            ) : (
              <p className="field-note">Arrivals: {typeof process === 'string' ? process : 'not set'} — edit them in the JSON view.</p>
            )}
            <ValueField label="Replicas" path={[...SVC, 'replicas']} />
            <ValueField label="Concurrency per replica" path={[...SVC, 'concurrency']} defaultValue={1} />
            <DistPicker name="Service time" unit="ms" path={[...SVC, 'service_time_ms']} />
            <DistField label="Feature lookup (ms)" path={[...SVC, 'latency_ms', 'feature']} optional />
            <DistField label="Network (ms)" path={[...SVC, 'latency_ms', 'network']} optional />
            <DistField label="Post-processing (ms)" path={[...SVC, 'latency_ms', 'postprocess']} optional />
            <ValueField label="Latency budget (ms)" path={[...SVC, 'latency_budget_ms']} />
            <ValueField label="SLO percentile" path={[...SVC, 'slo_percentile']} defaultValue={99} />
          </div>
        </fieldset>
      ) : (
        <p className="field-note">This scenario has no serving section; edit its pipeline and cluster in the JSON view.</p>
      )}
    </form>
  );
}
