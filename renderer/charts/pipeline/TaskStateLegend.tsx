// The legend of task end states, shared by the task-state bars and the DAG (which adds its own
// entries after the states). Pure: the report renders it too.
import type { ReactNode } from 'react';
import { Legend } from '../chart-parts';
import { STATE_KEYS, STATE_LABELS } from './task-states';

const ITEMS = STATE_KEYS.map((k) => ({ key: k, swatch: `s-${k}`, content: STATE_LABELS[k] }));

export function TaskStateLegend({ children }: { children?: ReactNode }) {
  return <Legend label="Task end states" items={ITEMS}>{children}</Legend>;
}
