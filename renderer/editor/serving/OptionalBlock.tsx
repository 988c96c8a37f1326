// An optional block of a service (batching, autoscaling, replica failures): a switch that writes
// the block with usable values (./service-blocks.ts) or removes it, and its fields when present.
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { getAtPath, type JsonPath } from '../json-path';
import { useFieldValue } from '../use-field';
import { blockStarter, type OptionalBlock as Block } from './service-blocks';
import { StrayNote } from './IssueNote';

interface Props {
  label: string;
  /** The service's path; the block is its `block` field. */
  service: JsonPath;
  block: Block;
  /** What the service does without the block. */
  offMeans: string;
  /** The block's keys that have fields, so its other issues show under the switch. */
  shownKeys: readonly string[];
  children: ReactNode;
}

export function OptionalBlock({ label, service, block, offMeans, shownKeys, children }: Props) {
  const id = useId();
  const path = [...service, block];
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
          onChange={(e) => setField(path, e.target.checked ? blockStarter(block, getAtPath(useAppStore.getState().raw, service)) : undefined)}
        />
        <label htmlFor={id}>{label}</label>
        {!present && <span id={`${id}-off`} className="field-hint">Off: {offMeans}</span>}
      </div>
      <StrayNote path={path} shownKeys={shownKeys} />
      {present && <div className="field-grid">{children}</div>}
    </div>
  );
}
