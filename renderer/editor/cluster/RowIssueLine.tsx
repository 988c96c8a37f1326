// The line under a table row with its validation messages: one per column (the cell's input is
// described by it, id `<rowId>-<key>`), then those of the row no column shows.
import type { ValidationIssue } from '../../../simulation';

interface Props {
  rowId: string;
  columns: readonly { key: string; label: string }[];
  byColumn: Record<string, ValidationIssue[]>;
  other: readonly ValidationIssue[];
  /** The row's path as formatPath writes it, taken off the other issues' paths. */
  rowPath: string;
  span: number;
}

const messages = (issues: readonly ValidationIssue[]) => issues.map((i) => i.message).join('; ');

export function RowIssueLine({ rowId, columns, byColumn, other, rowPath, span }: Props) {
  const shown = columns.filter((c) => (byColumn[c.key]?.length ?? 0) > 0);
  if (shown.length === 0 && other.length === 0) return null;
  return (
    <tr className="cf-issues">
      <td colSpan={span}>
        <div className="cf-sticky">
          {shown.map((c) => (
            <p key={c.key} id={`${rowId}-${c.key}`} className="field-error">{c.label}: {messages(byColumn[c.key] ?? [])}</p>
          ))}
          {other.map((i) => {
            const rest = i.path.slice(rowPath.length).replace(/^\./, '');
            return <p key={`${i.path} ${i.message}`} className="field-error">{rest ? <><code>{rest}</code>: </> : null}{i.message}</p>;
          })}
        </div>
      </td>
    </tr>
  );
}
