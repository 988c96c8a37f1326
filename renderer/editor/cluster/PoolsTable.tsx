// `cluster.pools` as a table: id, units, units per node, utilization target, allocated units
// and cost per unit-hour, with Add pool and Remove per row. A row's messages show in a line
// under it, each cell described by its own (a cell is too narrow for them).
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatPath } from '../../../simulation';
import { useAppStore } from '../../store';
import { addPoolEdit, idsAt, POOLS, removeItemEdit, rowNames } from './cluster-edits';
import { PoolIdInput } from './PoolIdInput';
import { rowIssues } from './row-issues';
import { RowIssueLine } from './RowIssueLine';
import { CellInput } from './TableCells';
import { useFieldIssues, useFieldValue } from '../use-field';

const COLUMNS = [
  { key: 'id', head: 'Id', label: 'Id' },
  { key: 'units', head: 'Units (GPUs)', label: 'Units' },
  { key: 'units_per_node', head: 'Units per node', label: 'Units per node' },
  { key: 'utilization_target', head: 'Utilization target (0–1)', label: 'Utilization target' },
  { key: 'allocated_units', head: 'Allocated units', label: 'Allocated units' },
  { key: 'cost_per_unit_hour', head: 'Cost per unit-hour', label: 'Cost per unit-hour' },
] as const;
const KEYS = COLUMNS.map((c) => c.key);

/** Structural edits get their own undo step even when two follow within the coalescing window. */
let rowEdits = 0;

export function PoolsTable() {
  const ids = useAppStore(useShallow((s) => idsAt(s.raw, POOLS)));
  const editFields = useAppStore((s) => s.editFields);
  const names = rowNames(ids);
  const hintId = useId();
  return (
    <>
      <div className="cf-scroll">
        <table className="cf-table cf-pools" aria-describedby={hintId}>
          <caption className="visually-hidden">Pools</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => <th key={c.key} scope="col" className={c.key === 'id' ? 'cf-id' : undefined}>{c.head}</th>)}
              <th scope="col"><span className="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {ids.map((_, i) => (
              <PoolRow
                key={i}
                index={i}
                name={names[i] as string}
                canRemove={ids.length > 1}
                onRemove={() => editFields([removeItemEdit(POOLS, i)], `cluster-rows ${++rowEdits}`)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p id={hintId} className="field-hint">
        Renaming a pool (Enter, or leaving the field) also renames it in the jobs, the generator, the trace and pipeline tasks that use it.
      </p>
      <button type="button" className="cf-add" onClick={() => editFields([addPoolEdit(useAppStore.getState().raw)], `cluster-rows ${++rowEdits}`)}>
        Add pool
      </button>
    </>
  );
}

function PoolRow({ index, name, canRemove, onRemove }: { index: number; name: string; canRemove: boolean; onRemove(): void }) {
  const path = [...POOLS, index];
  const rowId = useId();
  const { byColumn, other } = rowIssues(useFieldIssues(path), formatPath(path), KEYS);
  const units = useFieldValue([...path, 'units']);
  const errorId = (key: string) => (byColumn[key]?.length ? `${rowId}-${key}` : undefined);
  // The engine's default: 8 when the units are a multiple of 8, else the whole pool is one node.
  const perNode = typeof units === 'number' && Number.isInteger(units) && units > 0 ? (units % 8 === 0 ? 8 : units) : undefined;
  return (
    <>
      <tr>
        <td className="cf-id"><PoolIdInput index={index} label={`Id of pool ${name}`} errorId={errorId('id')} /></td>
        {COLUMNS.slice(1).map((c) => (
          <td key={c.key}>
            <CellInput
              label={`${c.label} of pool ${name}`}
              path={[...path, c.key]}
              errorId={errorId(c.key)}
              placeholder={c.key === 'units_per_node' && perNode !== undefined ? `${perNode} (default)` : undefined}
            />
          </td>
        ))}
        <td className="cf-row-actions">
          <button type="button" className="cf-icon" aria-label={`Remove pool ${name}`} title={canRemove ? `Remove pool ${name}` : 'A cluster needs at least one pool'} disabled={!canRemove} onClick={onRemove}>×</button>
        </td>
      </tr>
      <RowIssueLine rowId={rowId} columns={COLUMNS} byColumn={byColumn} other={other} rowPath={formatPath(path)} span={COLUMNS.length + 1} />
    </>
  );
}
