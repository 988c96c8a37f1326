// The preview of a job CSV before it is imported: the format and row count, the pool for rows
// that name none, how the columns map onto job fields, the first rows as they will be written,
// ids that had to change, and every problem with its line. Import is offered only without problems.
import { useEffect, useId, useRef } from 'react';
import { PREVIEW_ROWS, type JobCsvPreview as Preview } from './job-csv-import';

interface Props {
  name: string;
  preview: Preview;
  pools: readonly string[];
  pool: string;
  onPool(pool: string): void;
  onImport(): void;
  onCancel(): void;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function JobCsvPreview({ name, preview, pools, pool, onPool, onImport, onCancel }: Props) {
  const id = useId();
  const head = useRef<HTMLHeadingElement>(null);
  // The preview is what the user just asked for: focus goes to it, so it is read next.
  useEffect(() => head.current?.focus(), []);
  const { jobs, problems } = preview;
  const blocked = problems.length > 0;
  return (
    <section className="cf-import" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} ref={head} tabIndex={-1}>
        Import from {name}: {plural(preview.rows, 'row')}, {preview.format === 'tiresias' ? 'Tiresias' : 'generic CSV'} format
      </h4>
      <div className="field">
        <label htmlFor={`${id}-pool`}>Pool of the imported jobs</label>
        <select id={`${id}-pool`} value={pool} aria-describedby={`${id}-pool-hint`} onChange={(e) => onPool(e.target.value)}>
          {pools.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <p id={`${id}-pool-hint`} className="field-hint">For rows without a value in a <code>pool</code> column.</p>
      </div>
      {preview.columns.length > 0 && (
        <table className="cf-mapping" aria-label="Columns mapped">
          <thead>
            <tr><th scope="col">Job field</th><th scope="col">From the file</th></tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => <tr key={c.field}><th scope="row">{c.field}</th><td>{c.source}</td></tr>)}
          </tbody>
        </table>
      )}
      {preview.unused.length > 0 && <p className="field-hint">Columns not read: {preview.unused.join(', ')}.</p>}
      {blocked && (
        <div className="message error" role="alert">
          <p>Nothing is imported until the file is fixed:</p>
          <ul className="cf-problems">
            {problems.map((p) => <li key={`${p.line} ${p.message}`}>line {p.line}: {p.message}</li>)}
          </ul>
          {preview.moreProblems > 0 && <p>…and {plural(preview.moreProblems, 'more problem')}.</p>}
        </div>
      )}
      {!blocked && jobs.length > 0 && (
        <div className="cf-scroll">
          <table className="cf-table cf-preview" aria-label={`First rows of ${name}`}>
            <thead>
              <tr>
                {['Id', 'Pool', 'Arrival (s)', 'Units', 'Steps', 'Step time (s)', 'Priority'].map((h) => <th key={h} scope="col">{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {jobs.slice(0, PREVIEW_ROWS).map((j) => (
                <tr key={j.id}>
                  <td>{j.id}</td><td>{j.pool}</td><td>{j.arrival_s}</td><td>{j.units}</td><td>{j.steps}</td><td>{j.step_time_s}</td><td>{j.priority ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!blocked && jobs.length > PREVIEW_ROWS && <p className="field-hint">…and {plural(jobs.length - PREVIEW_ROWS, 'more job')}.</p>}
      {preview.renamed.length > 0 && (
        <p className="field-hint">
          Ids changed to be unique and valid: {preview.renamed.slice(0, 5).map((r) => `${r.from} → ${r.to} (line ${r.line})`).join(', ')}
          {preview.renamed.length > 5 ? `, and ${preview.renamed.length - 5} more` : ''}.
        </p>
      )}
      <div className="cf-import-actions">
        <button type="button" className="primary" disabled={blocked || jobs.length === 0} onClick={onImport}>
          {blocked ? 'Import jobs' : `Import ${plural(jobs.length, 'job')}`}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
