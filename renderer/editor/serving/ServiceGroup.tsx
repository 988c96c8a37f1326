// One service of the serving section: a collapsible group named by its id, with every field of
// the format (docs/scenario-format.md), the optional blocks behind switches, and Duplicate and
// Remove. Collapsed, it renders no fields, so the open services' labels stay unique on the page.
import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../../store';
import { DistPicker } from '../DistPicker';
import { getAtPath } from '../json-path';
import { ValueField } from '../ScenarioFields';
import { useFieldIssues } from '../use-field';
import { ArrivalsFields } from './ArrivalsFields';
import { StrayNote } from '../IssueNote';
import { LLM_REFUSED_KEYS } from './llm-block';
import { LlmFields, ServiceModelField } from './LlmFields';
import { OptionalBlock } from '../OptionalBlock';
import { OptionalValueField } from './OptionalValueField';
import { blockStarter, serviceSummary } from './service-blocks';

/** Every key of a service the group has a field for; issues at any other key show at its top. */
const SERVICE_KEYS = [
  'id', 'arrivals', 'replicas', 'concurrency', 'service_time_ms', 'latency_ms', 'latency_budget_ms', 'slo_percentile',
  'queue_limit', 'timeout_ms', 'batching', 'autoscaling', 'replica_failures', 'cost_per_replica_hour', 'llm',
] as const;

type RefusedKey = (typeof LLM_REFUSED_KEYS)[number];

interface Props {
  index: number;
  open: boolean;
  /** Focus the group's toggle once it is rendered (just added, duplicated, or next to a removed one). */
  focus: boolean;
  onToggle(): void;
  onDuplicate(): void;
  /** Absent for the only service (the section's own Remove removes it). */
  onRemove?: () => void;
}

export function ServiceGroup({ index, open, focus, onToggle, onDuplicate, onRemove }: Props) {
  const path = ['serving', 'services', index] as const;
  const at = (...rest: string[]) => [...path, ...rest];
  const id = useAppStore((s) => getAtPath(s.raw, at('id')));
  const summary = useAppStore((s) => (open ? '' : serviceSummary(getAtPath(s.raw, path))));
  // Keys this form has no field for (a newer format's block, say): named, to edit in the JSON view.
  const others = useAppStore((s) => {
    const svc = getAtPath(s.raw, path);
    return typeof svc === 'object' && svc !== null ? Object.keys(svc).filter((k) => !(SERVICE_KEYS as readonly string[]).includes(k)).join(', ') : '';
  });
  // An LLM service hides the request-level fields it refuses, unless one is set (to be removed).
  const llm = useAppStore((s) => open && getAtPath(s.raw, at('llm')) !== undefined);
  const setRefused = useAppStore((s) => {
    const svc = getAtPath(s.raw, path);
    return typeof svc === 'object' && svc !== null ? LLM_REFUSED_KEYS.filter((k) => k in svc).join(' ') : '';
  });
  const shows = (key: RefusedKey) => !llm || setRefused.split(' ').includes(key);
  // A closed group still says that it has problems (the problem list names them).
  const problems = useFieldIssues(path).length;
  const bodyId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) toggle.current?.focus();
  }, [focus]);
  const name = typeof id === 'string' && id !== '' ? id : `#${index + 1}`;

  return (
    <div role="group" aria-label={`Service ${name}`} className={`service-group${open ? ' open' : ''}`}>
      <div className="service-head">
        <button ref={toggle} type="button" className="service-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span className="service-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <code>{name}</code>
          {summary && <span className="service-summary">{summary}</span>}
          {!open && problems > 0 && <span className="service-problems">{problems} problem{problems === 1 ? '' : 's'}</span>}
        </button>
        <span className="service-actions">
          <button type="button" className="link-button" aria-label={`Duplicate service ${name}`} onClick={onDuplicate}>Duplicate</button>
          {onRemove && <button type="button" className="link-button" aria-label={`Remove service ${name}`} onClick={onRemove}>Remove</button>}
        </span>
      </div>
      <div id={bodyId} className="service-body" hidden={!open}>
        {open && (
          <>
            <StrayNote path={path} shownKeys={SERVICE_KEYS} />
            {others && <p className="field-note">Also set: <code>{others}</code> — edit in the JSON view.</p>}
            <div className="field-grid">
              <ValueField label="Service id" path={at('id')} numeric={false} wide />
            </div>
            <ServiceModelField path={path} />
            <fieldset>
              <legend>Arrivals</legend>
              <div className="field-grid">
                <ArrivalsFields path={at('arrivals')} serviceId={id} />
              </div>
            </fieldset>
            <fieldset>
              <legend>Capacity</legend>
              <div className="field-grid">
                <ValueField label="Replicas" path={at('replicas')} />
                {shows('concurrency') && <ValueField label="Concurrency per replica" path={at('concurrency')} defaultValue={1} />}
                {shows('service_time_ms') && <DistPicker name="Service time" unit="ms" path={at('service_time_ms')} />}
              </div>
            </fieldset>
            {llm && <LlmFields path={path} />}
            <fieldset>
              <legend>Latency</legend>
              <div className="field-grid">
                <ValueField label="Latency budget (ms)" path={at('latency_budget_ms')} hint={llm ? 'End to end: the whole response' : undefined} />
                <ValueField label="SLO percentile" path={at('slo_percentile')} defaultValue={99} />
                <p className="field-note">Added to every request outside the replica:</p>
                <StrayNote path={at('latency_ms')} shownKeys={['feature', 'network', 'postprocess']} />
                <DistPicker name="Feature latency" unit="ms" path={at('latency_ms', 'feature')} optional absentMeans="0 ms" />
                <DistPicker name="Network latency" unit="ms" path={at('latency_ms', 'network')} optional absentMeans="0 ms" />
                <DistPicker name="Post-processing latency" unit="ms" path={at('latency_ms', 'postprocess')} optional absentMeans="0 ms" />
              </div>
            </fieldset>
            <fieldset>
              <legend>{llm ? 'Cost' : 'Queue and cost'}</legend>
              <div className="field-grid">
                {shows('queue_limit') && <OptionalValueField label="Queue limit" path={at('queue_limit')} absentMeans="unbounded" />}
                {shows('timeout_ms') && <OptionalValueField label="Timeout (ms)" path={at('timeout_ms')} absentMeans="none" />}
                <OptionalValueField label="Cost per replica-hour" path={at('cost_per_replica_hour')} absentMeans="none" />
              </div>
            </fieldset>
            {shows('batching') && <OptionalBlock label="Batching" path={at('batching')} starter={(raw) => blockStarter('batching', getAtPath(raw, path))} offMeans="one request per slot" shownKeys={['max_batch', 'max_wait_ms', 'batch_time_ms']}>
              <ValueField label="Max batch size" path={at('batching', 'max_batch')} />
              <ValueField label="Max wait (ms)" path={at('batching', 'max_wait_ms')} />
              <StrayNote path={at('batching', 'batch_time_ms')} shownKeys={['base', 'per_item']} />
              <ValueField label="Batch time base (ms)" path={at('batching', 'batch_time_ms', 'base')} />
              <ValueField label="Batch time per item (ms)" path={at('batching', 'batch_time_ms', 'per_item')} />
            </OptionalBlock>}
            {shows('autoscaling') && <OptionalBlock label="Autoscaling" path={at('autoscaling')} starter={(raw) => blockStarter('autoscaling', getAtPath(raw, path))} offMeans="a fixed number of replicas" shownKeys={['min_replicas', 'max_replicas', 'target_utilization', 'interval_s', 'cold_start_s', 'cooldown_s']}>
              <ValueField label="Min replicas" path={at('autoscaling', 'min_replicas')} />
              <ValueField label="Max replicas" path={at('autoscaling', 'max_replicas')} />
              <ValueField label="Target utilization (0–1)" path={at('autoscaling', 'target_utilization')} />
              <ValueField label="Scaling interval (s)" path={at('autoscaling', 'interval_s')} />
              <ValueField label="Cooldown (s)" path={at('autoscaling', 'cooldown_s')} defaultValue={0} />
              <DistPicker name="Cold start" unit="s" path={at('autoscaling', 'cold_start_s')} optional absentMeans="0 s" />
            </OptionalBlock>}
            {shows('replica_failures') && <OptionalBlock label="Replica failures" path={at('replica_failures')} starter={(raw) => blockStarter('replica_failures', getAtPath(raw, path))} offMeans="replicas never fail" shownKeys={['mtbf_s', 'restart_s']}>
              <ValueField label="Mean time between failures (s)" path={at('replica_failures', 'mtbf_s')} wide />
              <DistPicker name="Restart time" unit="s" path={at('replica_failures', 'restart_s')} />
            </OptionalBlock>}
          </>
        )}
      </div>
    </div>
  );
}
