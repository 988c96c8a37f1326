// The legend of task end states, shared by the task-state bars and the DAG (which adds its own
// entries after the states). Pure: the report renders it too.
import type { ReactNode } from 'react';
import { STATE_KEYS, STATE_LABELS } from './task-states';

export function TaskStateLegend({ children }: { children?: ReactNode }) {
  return (
    <ul className="legend" aria-label="Task end states">
      {STATE_KEYS.map((k) => (
        <li key={k}><span className={`swatch s-${k}`} aria-hidden="true" />{STATE_LABELS[k]}</li>
      ))}
      {children}
    </ul>
  );
}
