// Every validation problem of the editor's text as `path: message` (the CLI's wording), plus
// problems the backend reported on save. An alert region, so screen readers hear new problems.
import { useShallow } from 'zustand/react/shallow';
import type { ValidationIssue } from '../../simulation';
import { useAppStore } from '../store';

const NONE: ValidationIssue[] = [];

function Issues({ issues }: { issues: ValidationIssue[] }) {
  return (
    <ul>
      {issues.map((i, n) => (
        <li key={`${n}:${i.path}:${i.message}`}>
          <code>{i.path}</code>: {i.message}
        </li>
      ))}
    </ul>
  );
}

export function ProblemList() {
  const issues = useAppStore(useShallow((s) => (s.parse && !s.parse.ok ? s.parse.errors : NONE)));
  const refused = useAppStore(useShallow((s) => (s.saveState.state === 'error' ? s.saveState.errors : NONE)));
  const count = issues.length;
  return (
    <div id="scenario-problems" className={count + refused.length > 0 ? 'problems shown' : 'problems'} role="alert">
      {count > 0 && (
        <>
          <p className="problems-title">
            {count} problem{count === 1 ? '' : 's'} — saving and running wait until they are fixed
          </p>
          <Issues issues={issues} />
        </>
      )}
      {refused.length > 0 && (
        <>
          <p className="problems-title">The library refused the save:</p>
          <Issues issues={refused} />
        </>
      )}
    </div>
  );
}
