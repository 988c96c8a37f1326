// An optional block of the scenario (batching, autoscaling, replica failures; the job generator,
// communication, node failures): a switch that writes the block with usable values or removes it
// (undo brings it back), and its fields when present. Messages about the block that none of its
// fields shows are listed under the switch.
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../store';
import type { JsonPath } from './json-path';
import { StrayNote } from './IssueNote';
import { useFieldValue } from './use-field';

interface Props {
  label: string;
  path: JsonPath;
  /** The block a switch turned on writes, from the scenario as it is (so it can carry its values). */
  starter(raw: unknown): unknown;
  /** What the scenario does without the block. */
  offMeans: string;
  /** The block's keys that have fields, so its other issues show under the switch. */
  shownKeys: readonly string[];
  children: ReactNode;
}

export function OptionalBlock({ label, path, starter, offMeans, shownKeys, children }: Props) {
  const id = useId();
  const present = useFieldValue(path) !== undefined;
  const setField = useAppStore((s) => s.setField);
  return (
    <div className={`optional-block${present ? ' on' : ''}`}>
      <div className="optional-block-head">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={present}
          aria-describedby={present ? undefined : `${id}-off`}
          onChange={(e) => setField(path, e.target.checked ? starter(useAppStore.getState().raw) : undefined)}
        />
        <label htmlFor={id}>{label}</label>
        {!present && <span id={`${id}-off`} className="field-hint">Off: {offMeans}</span>}
      </div>
      <StrayNote path={path} shownKeys={shownKeys} />
      {present && <div className="field-grid">{children}</div>}
    </div>
  );
}
