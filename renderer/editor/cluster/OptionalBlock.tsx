// An optional object of the cluster section (job generator, communication, failures) under a
// switch: on writes a starter that validates, off removes the object (undo brings it back).
// Messages about the object that none of its fields shows are listed at its top.
import type { ReactNode } from 'react';
import { formatPath } from '../../../simulation';
import { useAppStore } from '../../store';
import { getAtPath, type JsonPath } from '../json-path';
import { useFieldIssues } from '../use-field';
import { rowIssues } from './row-issues';

interface Props {
  title: string;
  path: JsonPath;
  /** The keys its fields show (messages about other keys are listed at the top). */
  keys: readonly string[];
  starter(raw: unknown): unknown;
  /** What the simulation does without the object. */
  offNote: string;
  children: ReactNode;
}

export function OptionalBlock({ title, path, keys, starter, offNote, children }: Props) {
  const present = useAppStore((s) => getAtPath(s.raw, path) !== undefined);
  const setField = useAppStore((s) => s.setField);
  const prefix = formatPath(path);
  const { other } = rowIssues(useFieldIssues(path), prefix, keys);
  return (
    <fieldset className="cf-block">
      <legend>
        <label className="cf-switch">
          <input
            type="checkbox"
            role="switch"
            checked={present}
            onChange={(e) => setField(path, e.target.checked ? starter(useAppStore.getState().raw) : undefined)}
          />
          {title}
        </label>
      </legend>
      {present ? (
        <div className="field-grid">
          {other.map((i) => (
            <p key={`${i.path} ${i.message}`} className="field-error wide">
              {i.path !== prefix && <><code>{i.path.slice(prefix.length + 1)}</code>: </>}{i.message}
            </p>
          ))}
          {children}
        </div>
      ) : (
        <p className="field-note">{offNote}</p>
      )}
    </fieldset>
  );
}
