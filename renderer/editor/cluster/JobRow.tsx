// One job of the jobs table: id, pool, arrival, units, steps, a step-time cell that opens the
// distribution picker in a row below, priority, and Duplicate / Remove.
import { useEffect, useId, useRef } from 'react';
import { formatPath } from '../../../simulation';
import { DistPicker } from '../DistPicker';
import { useFieldIssues, useFieldValue } from '../use-field';
import { JOBS } from './cluster-edits';
import { distSummary } from './dist-summary';
import { rowIssues } from './row-issues';
import { RowIssueLine } from './RowIssueLine';
import { CellInput, PoolSelectCell } from './TableCells';

export const JOB_COLUMNS = [
  { key: 'id', head: 'Id', label: 'Id' },
  { key: 'pool', head: 'Pool', label: 'Pool' },
  { key: 'arrival_s', head: 'Arrival (s)', label: 'Arrival' },
  { key: 'units', head: 'Units (GPUs)', label: 'Units' },
  { key: 'steps', head: 'Steps', label: 'Steps' },
  { key: 'step_time_s', head: 'Step time (s)', label: 'Step time' },
  { key: 'priority', head: 'Priority', label: 'Priority' },
] as const;
const KEYS = JOB_COLUMNS.map((c) => c.key);
const SPAN = JOB_COLUMNS.length + 1;

interface Props {
  index: number;
  name: string;
  pools: readonly string[];
  open: boolean;
  onToggle(): void;
  onDuplicate(): void;
  onRemove(): void;
}

export function JobRow({ index, name, pools, open, onToggle, onDuplicate, onRemove }: Props) {
  const path = [...JOBS, index];
  const rowId = useId();
  const { byColumn, other } = rowIssues(useFieldIssues(path), formatPath(path), KEYS);
  const stepTime = useFieldValue([...path, 'step_time_s']);
  const errorId = (key: string) => (byColumn[key]?.length ? `${rowId}-${key}` : undefined);
  const label = (text: string, unit = '') => `${text} of job ${name}${unit}`;
  const summary = distSummary(stepTime, 's');
  const pickerId = `${rowId}-picker`;
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <>
      <tr className={open ? 'cf-open' : undefined}>
        <td className="cf-id"><CellInput label={label('Id')} path={[...path, 'id']} numeric={false} errorId={errorId('id')} /></td>
        <td><PoolSelectCell label={label('Pool')} path={[...path, 'pool']} pools={pools} errorId={errorId('pool')} /></td>
        <td><CellInput label={label('Arrival', ' (s)')} path={[...path, 'arrival_s']} errorId={errorId('arrival_s')} /></td>
        <td><CellInput label={label('Units', ' (GPUs)')} path={[...path, 'units']} errorId={errorId('units')} /></td>
        <td><CellInput label={label('Steps')} path={[...path, 'steps']} errorId={errorId('steps')} /></td>
        <td>
          <button
            type="button"
            className={`cf-dist-cell${errorId('step_time_s') ? ' invalid' : ''}`}
            aria-label={`${label('Step time')}: ${summary}`}
            aria-expanded={open}
            aria-controls={open ? pickerId : undefined}
            aria-describedby={errorId('step_time_s')}
            onClick={onToggle}
            ref={toggle}
          >
            {summary}
          </button>
        </td>
        <td><CellInput label={label('Priority')} path={[...path, 'priority']} errorId={errorId('priority')} placeholder="0" /></td>
        <td className="cf-row-actions">
          <button type="button" className="cf-icon" aria-label={`Duplicate job ${name}`} title={`Duplicate job ${name}`} onClick={onDuplicate}>
            <CopyIcon />
          </button>
          <button type="button" className="cf-icon" aria-label={`Remove job ${name}`} title={`Remove job ${name}`} onClick={onRemove}>×</button>
        </td>
      </tr>
      <RowIssueLine rowId={rowId} columns={JOB_COLUMNS} byColumn={byColumn} other={other} rowPath={formatPath(path)} span={SPAN} />
      {open && (
        <tr className="cf-picker-row">
          <td colSpan={SPAN}>
            <StepTimePicker
              id={pickerId}
              name={name}
              index={index}
              onDone={() => {
                onToggle();
                toggle.current?.focus();
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** The step time's picker, opened under the row: focus moves into it, Done moves it back. */
function StepTimePicker({ id, name, index, onDone }: { id: string; name: string; index: number; onDone(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector('select')?.focus(), []);
  return (
    <div ref={box} id={id} className="cf-sticky cf-picker" role="group" aria-label={`Step time of job ${name}`}>
      <DistPicker name={`Step time of job ${name}`} unit="s" path={[...JOBS, index, 'step_time_s']} />
      <button type="button" aria-label={`Done editing the step time of job ${name}`} onClick={onDone}>Done</button>
    </div>
  );
}

/** Two overlapping sheets: "duplicate" (drawn, as not every system font has a glyph for it). */
function CopyIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className="cf-copy-icon">
      <rect x="3.5" y="0.5" width="8" height="8" rx="1" />
      <rect x="0.5" y="3.5" width="8" height="8" rx="1" />
    </svg>
  );
}
