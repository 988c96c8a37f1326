// The selected task's fields, under the canvas (the editor panel is narrow): its id, duration,
// failures and retries, trigger rule, gate and pool, and the edges into and out of it.
import type { Ref } from 'react';
import { DistPicker } from '../DistPicker';
import { CheckField, ChoiceField, ValueField } from '../ScenarioFields';
import type { Edge } from './dag-edit';
import { GateField } from './GateField';
import { PoolField } from './PoolField';
import { BACKOFF_CHOICES, TRIGGER_RULE_CHOICES } from './task-schema';
import { TaskIdField } from './TaskIdField';

const TRIGGER_OPTIONS = TRIGGER_RULE_CHOICES.map((r) => [r, r] as const);
const BACKOFF_OPTIONS = BACKOFF_CHOICES.map((k) => [k, k === 'airflow' ? 'airflow (jittered)' : k] as const);

interface Props {
  id: string;
  index: number;
  edges: readonly Edge[];
  renameRefusal: (next: string) => string | null;
  onRename: (next: string) => void;
  onRemoveEdge: (edge: Edge) => void;
  onDeselect: () => void;
  idInputRef: Ref<HTMLInputElement>;
}

export function TaskPanel({ id, index, edges, renameRefusal, onRename, onRemoveEdge, onDeselect, idInputRef }: Props) {
  const at = ['pipeline', 'tasks', index] as const;
  const upstream = edges.filter(([, to]) => to === id);
  const downstream = edges.filter(([from]) => from === id);
  return (
    <fieldset className="pe-task-panel">
      <legend>Task {id}</legend>
      <button type="button" className="link-button pe-deselect" onClick={onDeselect}>Deselect task</button>
      <div className="field-grid">
        <TaskIdField key={index} id={id} index={index} refusal={renameRefusal} onRename={onRename} inputRef={idInputRef} />
        <DistPicker name="Duration" unit="s" path={[...at, 'duration_s']} />
        <ValueField label="Failure probability" path={[...at, 'failure_probability']} defaultValue={0} />
        <ValueField label="Retries" path={[...at, 'retries']} defaultValue={0} />
        <DistPicker name="Retry delay" unit="s" path={[...at, 'retry_delay_s']} optional absentMeans="0 s" />
        <CheckField label="Exponential backoff" path={[...at, 'retry_exponential_backoff']} />
        <ChoiceField label="Backoff kind" path={[...at, 'backoff']} options={BACKOFF_OPTIONS} defaultValue="exact" />
        <ValueField label="Max retry delay (s)" path={[...at, 'max_retry_delay_s']} />
        <ValueField label="Timeout (s)" path={[...at, 'timeout_s']} />
        <ChoiceField label="Trigger rule" path={[...at, 'trigger_rule']} options={TRIGGER_OPTIONS} defaultValue="all_success" wide />
        <GateField path={[...at, 'gate']} />
        <PoolField path={[...at, 'pool']} />
        <ValueField label="Units" path={[...at, 'units']} defaultValue={1} />
      </div>
      <EdgeList title="Upstream" empty="none: starts with the run" edges={upstream} show={(e) => e[0]} onRemove={onRemoveEdge} />
      <EdgeList title="Downstream" empty="none" edges={downstream} show={(e) => e[1]} onRemove={onRemoveEdge} />
    </fieldset>
  );
}

interface EdgeListProps {
  title: string;
  empty: string;
  edges: readonly Edge[];
  show: (edge: Edge) => string;
  onRemove: (edge: Edge) => void;
}

function EdgeList({ title, empty, edges, show, onRemove }: EdgeListProps) {
  return (
    <div className="pe-edge-list">
      <span className="pe-edge-list-title">{title}:</span>
      {edges.length === 0 ? <span className="field-hint">{empty}</span> : (
        <ul aria-label={`${title} tasks`}>
          {edges.map((e) => (
            <li key={`${e[0]}→${e[1]}`}>
              <code>{show(e)}</code>
              <button type="button" className="pe-chip-remove" aria-label={`Remove edge ${e[0]} → ${e[1]}`} title={`Remove edge ${e[0]} → ${e[1]}`} onClick={() => onRemove(e)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
