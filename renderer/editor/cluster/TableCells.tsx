// Inputs of the cluster form's tables: a value cell and a pool select, each bound to one JSON
// path, named by a visually hidden label ("Units of job llm-7b"), and described by its row's
// issue line. A cell the engine ignores is disabled, described by the reason.
import { useId } from 'react';
import { formatPath } from '../../../simulation';
import { useAppStore } from '../../store';
import type { JsonPath } from '../json-path';
import { useFieldIgnored, useFieldValue } from '../use-field';
import { ValueInput } from '../ValueInput';

interface CellProps {
  label: string;
  path: JsonPath;
  /** Id of the row's message about this cell, when it has one. */
  errorId?: string;
}

/** Not a pool id (ids have no spaces): the option of a value that names no pool. */
const UNKNOWN = ' unknown';

const describedBy = (...ids: (string | undefined | false)[]) => ids.filter(Boolean).join(' ') || undefined;

export function CellInput({ label, path, errorId, numeric = true, placeholder }: CellProps & { numeric?: boolean; placeholder?: string }) {
  const value = useFieldValue(path);
  const ignored = useFieldIgnored(path);
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <ValueInput
        key={formatPath(path)}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(errorId, ignored && `${id}-ignored`)}
        disabled={ignored ? true : undefined}
        readOnly={ignored ? true : undefined}
        path={path}
        value={value}
        numeric={numeric}
        placeholder={placeholder}
      />
      {ignored && <span id={`${id}-ignored`} className="visually-hidden">{ignored}</span>}
    </>
  );
}

/** A select over the scenario's pool ids; a value that names no pool stays shown as such. */
export function PoolSelectCell({ label, path, errorId, pools }: CellProps & { pools: readonly string[] }) {
  const value = useFieldValue(path);
  const setField = useAppStore((s) => s.setField);
  const id = useId();
  const known = typeof value === 'string' && pools.includes(value);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <select
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        value={value === undefined ? '' : known ? value : UNKNOWN}
        onChange={(e) => setField(path, e.target.value === '' ? undefined : e.target.value)}
      >
        {value === undefined && <option value="">not set</option>}
        {value !== undefined && !known && <option value={UNKNOWN} disabled>{String(value)} (no such pool)</option>}
        {pools.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    </>
  );
}
