// Issues of an object that no field shows (./stray-issues.ts), named relative to the object.
import { formatPath, type ValidationIssue } from '../../simulation';
import type { JsonPath } from './json-path';
import { useStrayIssues } from './use-stray-issues';

export function IssueNote({ issues, path }: { issues: readonly ValidationIssue[]; path: JsonPath }) {
  if (issues.length === 0) return null;
  const prefix = formatPath(path);
  return (
    <ul className="field-error stray-issues">
      {issues.map((i) => {
        const rest = i.path.slice(prefix.length).replace(/^\./, '');
        return <li key={`${i.path} ${i.message}`}>{rest ? <><code>{rest}</code>: </> : null}{i.message}</li>;
      })}
    </ul>
  );
}

/** The issues at `path` that none of its `shownKeys` fields displays. */
export function StrayNote({ path, shownKeys }: { path: JsonPath; shownKeys: readonly (string | number)[] }) {
  return <IssueNote issues={useStrayIssues(path, shownKeys)} path={path} />;
}
