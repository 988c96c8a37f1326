// The readiness table (`readiness[]`): one row per dimension with its score, technical debt and
// criticality (each from 0 to 1), Add row and Remove row. A row's issues show in a line right
// under its cells, each input described by its own message (a cell is too narrow for them).
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatPath, type ValidationIssue } from '../../simulation';
import { useAppStore } from '../store';
import { getAtPath } from './json-path';
import { useFieldIssues, useFieldValue } from './use-field';
import { ValueInput } from './ValueInput';
import { READINESS_COLUMNS, readinessRowStarter } from './serving/readiness-rows';
import { IssueNote, StrayNote } from './IssueNote';
import { strayIssues } from './stray-issues';

const PATH = ['readiness'] as const;
const NONE: unknown[] = [];
const COLUMN_KEYS = READINESS_COLUMNS.map((c) => c.key);

/** Row edits get their own undo step even when two follow within the typing-coalescing window. */
let rowEdit = 0;

export function ReadinessForm() {
  const dimensions = useAppStore(useShallow((s) => {
    const rows = getAtPath(s.raw, PATH);
    return Array.isArray(rows) ? rows.map((r) => getAtPath(r, ['dimension'])) : NONE;
  }));
  const isList = useAppStore((s) => Array.isArray(getAtPath(s.raw, PATH)));
  const editFields = useAppStore((s) => s.editFields);

  return (
    <div className="readiness-form">
      <StrayNote path={PATH} shownKeys={dimensions.map((_, i) => i)} />
      {isList ? (
        <>
          <table className="readiness-table">
            <caption className="field-hint">Each value from 0 to 1; technical debt and criticality are optional.</caption>
            <thead>
              <tr>
                {READINESS_COLUMNS.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
                <th scope="col"><span className="visually-hidden">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {dimensions.map((d, i) => (
                <ReadinessRow
                  key={i}
                  index={i}
                  dimension={d}
                  onRemove={() => editFields([{ path: [...PATH, i], value: undefined }], `readiness-rows ${++rowEdit}`)}
                />
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="add-row"
            onClick={() => editFields([{ path: [...PATH, dimensions.length], value: readinessRowStarter(getAtPath(useAppStore.getState().raw, PATH)), insert: true }], `readiness-rows ${++rowEdit}`)}
          >
            Add row
          </button>
        </>
      ) : (
        <p className="field-note">The readiness table is not a list: fix it in the JSON view.</p>
      )}
    </div>
  );
}

function ReadinessRow({ index, dimension, onRemove }: { index: number; dimension: unknown; onRemove(): void }) {
  const path = [...PATH, index];
  const rowId = useId();
  const all = useFieldIssues(path);
  const prefix = formatPath(path);
  const stray = strayIssues(all, prefix, COLUMN_KEYS);
  const cellIssues = READINESS_COLUMNS.map((c) => ({ column: c, issues: issuesOf(all, `${prefix}.${c.key}`) }));
  const anyIssue = stray.length > 0 || cellIssues.some((c) => c.issues.length > 0);
  const name = typeof dimension === 'string' && dimension !== '' ? ` (${dimension})` : '';
  return (
    <>
      <tr className={anyIssue ? 'invalid' : undefined}>
        {READINESS_COLUMNS.map((c, k) => (
          <td key={c.key}>
            <ReadinessCell path={[...path, c.key]} label={`${c.label} (row ${index + 1})`} numeric={c.numeric} errorId={`${rowId}-${c.key}-error`} invalid={cellIssues[k]!.issues.length > 0} />
          </td>
        ))}
        <td>
          <button type="button" className="row-remove" aria-label={`Remove row ${index + 1}${name}`} onClick={onRemove}>×</button>
        </td>
      </tr>
      {anyIssue && (
        <tr className="readiness-issues">
          <td colSpan={READINESS_COLUMNS.length + 1}>
            {cellIssues.map(({ column, issues }) =>
              issues.length > 0 ? (
                <p key={column.key} id={`${rowId}-${column.key}-error`} className="field-error">
                  {column.label}: {issues.map((i) => i.message).join('; ')}
                </p>
              ) : null,
            )}
            <IssueNote issues={stray} path={path} />
          </td>
        </tr>
      )}
    </>
  );
}

const issuesOf = (issues: readonly ValidationIssue[], path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));

function ReadinessCell({ path, label, numeric, errorId, invalid }: { path: readonly (string | number)[]; label: string; numeric: boolean; errorId: string; invalid: boolean }) {
  const value = useFieldValue(path);
  const id = `${errorId}-input`;
  return (
    <>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <ValueInput key={formatPath(path)} id={id} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} path={path} value={value} numeric={numeric} />
    </>
  );
}
