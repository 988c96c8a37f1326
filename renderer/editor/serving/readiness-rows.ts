// The readiness table's columns and the row "Add row" writes. Pure.
import { uniqueId } from '../section-starters';

export const READINESS_COLUMNS = [
  { key: 'dimension', label: 'Dimension', numeric: false },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'technical_debt', label: 'Technical debt', numeric: true },
  { key: 'criticality', label: 'Criticality', numeric: true },
] as const;

/** A new row: a dimension name no row has yet, and the section starter's score. */
export function readinessRowStarter(rows: unknown): Record<string, unknown> {
  const taken = Array.isArray(rows) ? rows.map((r: unknown) => (typeof r === 'object' && r !== null ? (r as Record<string, unknown>).dimension : undefined)) : [];
  return { dimension: uniqueId('dimension_1', taken), score: 0.8 };
}
