// `cluster.jobs` as a table with Add job, Duplicate and Remove per row, and the CSV import under
// it. Long lists show PAGE rows at a time: every row holds seven bound inputs, and an imported
// trace can have thousands of jobs.
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { useFieldIgnored } from '../use-field';
import { addJobEdit, duplicateJobEdit, idsAt, JOBS, poolIds, removeItemEdit, rowNames } from './cluster-edits';
import { JobCsvImport } from './JobCsvImport';
import { JOB_COLUMNS, JobRow } from './JobRow';

const PAGE = 25;

/** Structural edits get their own undo step even when two follow within the coalescing window. */
let rowEdits = 0;

export function JobsTable() {
  const ids = useAppStore(useShallow((s) => idsAt(s.raw, JOBS)));
  const pools = useAppStore(useShallow((s) => poolIds(s.raw)));
  const editFields = useAppStore((s) => s.editFields);
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  // The same reason for every row: the policy does not read priorities.
  const priorityIgnored = useFieldIgnored([...JOBS, 0, 'priority']);
  const noteId = useId();
  const names = rowNames(ids);
  const edit = (e: Parameters<typeof editFields>[0]) => {
    setOpen(null);
    editFields(e, `cluster-rows ${++rowEdits}`);
  };
  const raw = () => useAppStore.getState().raw;
  const shown = ids.slice(0, limit);

  return (
    <>
      {ids.length === 0 ? (
        <p className="field-note">No explicit jobs. Add one, import a CSV, or use the job generator below.</p>
      ) : (
        <div className="cf-scroll">
          <table className="cf-table cf-jobs" aria-describedby={priorityIgnored ? noteId : undefined}>
            <caption className="visually-hidden">Jobs</caption>
            <thead>
              <tr>
                {JOB_COLUMNS.map((c) => <th key={c.key} scope="col" className={c.key === 'id' ? 'cf-id' : undefined}>{c.head}</th>)}
                <th scope="col"><span className="visually-hidden">Duplicate or remove</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((_, i) => (
                <JobRow
                  key={i}
                  index={i}
                  name={names[i] as string}
                  pools={pools}
                  open={open === i}
                  onToggle={() => setOpen(open === i ? null : i)}
                  onDuplicate={() => {
                    const e = duplicateJobEdit(raw(), i);
                    if (e) edit([e]);
                  }}
                  onRemove={() => edit([removeItemEdit(JOBS, i)])}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {priorityIgnored && <p id={noteId} className="field-hint">Priority: {priorityIgnored.charAt(0).toLowerCase() + priorityIgnored.slice(1)}</p>}
      {ids.length > limit && (
        <p className="cf-more">
          Showing {limit} of {ids.length} jobs.{' '}
          <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE * 4)}>Show {Math.min(PAGE * 4, ids.length - limit)} more</button>
        </p>
      )}
      <div className="cf-list-actions">
        <button
          type="button"
          className="cf-add"
          onClick={() => {
            setLimit(Math.max(limit, ids.length + 1));
            edit([addJobEdit(raw())]);
          }}
        >
          Add job
        </button>
        <JobCsvImport />
      </div>
    </>
  );
}
