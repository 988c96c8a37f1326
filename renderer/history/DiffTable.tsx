// The field-by-field difference between two versions: path, before, after.
import type { DiffEntry } from './scenario-diff';
import { formatDiffValue } from './scenario-diff';

const KIND_LABEL = { added: 'added', removed: 'removed', changed: 'changed' } as const;

export function DiffTable({ entries, fromLabel, toLabel }: { entries: DiffEntry[]; fromLabel: string; toLabel: string }) {
  if (entries.length === 0) return <p className="muted">No differences: the two versions hold the same scenario.</p>;
  return (
    <table className="data-table diff-table" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{fromLabel}</th>
          <th scope="col">{toLabel}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={`${e.kind}:${e.path}`} className={`diff-${e.kind}`}>
            <th scope="row">
              <code>{e.path}</code> <span className="diff-kind">{KIND_LABEL[e.kind]}</span>
            </th>
            <td><code className="diff-before">{formatDiffValue(e.before)}</code></td>
            <td><code className="diff-after">{formatDiffValue(e.after)}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
