// The figure catalogue's vocabulary. A figure is one number of a result document shown to a
// reader: a key (its path in the document, within its entity), a label, a unit, and accessors
// for its simulated and analytic values. Every table that shows figures — the app's comparison
// tables, the CSV, Markdown and HTML reports, the CLI's text — reads them from the catalogue
// (./figures-*.ts), so a label or a unit is written once.
import type { MaybeStat } from '../result/types';
import type { Unit } from './units';

export type Section = 'run' | 'summary' | 'serving' | 'cluster' | 'pipeline';

/** One row of the flat list of a document's figures (the CSV is this list, row by row). */
export interface Figure {
  section: Section;
  /** Service, pool, task or job id; "jobs", "checkpoint", or "" for the section as a whole. */
  entity: string;
  /** The document path of the figure within its entity, e.g. "latency_ms.p99". */
  metric: string;
  label: string;
  /** The label as a column heading (tables with one column per figure); the label when none is set. */
  short: string;
  unit: Unit;
  /** Simulated mean (or a count, or a run setting); null: no value (empty set or analytic only). */
  mean: number | null;
  ci95: [number, number] | null;
  /** The analytic figure beside it, or a configured value (a budget, a target). */
  analytic: number | null;
}

/**
 * How to read one figure from an entity E (a service, a pool, the jobs, a task). Exactly one of
 * `stat` (a sampled statistic, with `analytic` beside it), `value` (an exact count or setting)
 * or `analytic` alone. An accessor returning undefined means "not in this document": no row.
 */
export interface FigureDef<E> {
  key: string;
  label: string | ((e: E) => string);
  /** A column heading, for figures that tables show one per column (tasks, jobs, pools). */
  short?: string;
  unit: Unit;
  stat?: (e: E) => MaybeStat | undefined;
  value?: (e: E) => number | null | undefined;
  analytic?: (e: E) => number | null | undefined;
}

export function labelOf<E>(def: FigureDef<E>, e: E): string {
  return typeof def.label === 'function' ? def.label(e) : def.label;
}

/** The row of `def` for entity `e`, or null when the document does not hold the figure. */
export function figureRow<E>(def: FigureDef<E>, e: E, section: Section, entity: string): Figure | null {
  const label = labelOf(def, e);
  const base = { section, entity, metric: def.key, label, short: def.short ?? label, unit: def.unit };
  if (def.stat) {
    const s = def.stat(e);
    if (s === undefined) return null;
    return { ...base, mean: s?.mean ?? null, ci95: s ? [s.ci95[0], s.ci95[1]] : null, analytic: def.analytic?.(e) ?? null };
  }
  if (def.value) {
    const x = def.value(e);
    return x === undefined ? null : { ...base, mean: x, ci95: null, analytic: null };
  }
  const a = def.analytic?.(e);
  return a === undefined ? null : { ...base, mean: null, ci95: null, analytic: a };
}

/** Rows of every definition that the entity holds, in catalogue order. */
export function figureRows<E>(defs: readonly FigureDef<E>[], e: E, section: Section, entity: string): Figure[] {
  return defs.flatMap((d) => figureRow(d, e, section, entity) ?? []);
}

/** The definition with `key`, for a table that shows one figure. */
export function figureDef<E>(defs: readonly FigureDef<E>[], key: string): FigureDef<E> {
  const d = defs.find((x) => x.key === key);
  if (!d) throw new Error(`no figure ${key} in the catalogue`);
  return d;
}
