// Row shapes of the scenario queries and their mapping to records.
import type { ScenarioSummaryRecord, ScenarioVersionSummaryRecord } from './records';

export interface ScenarioRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
  sections: string;
  version_id: string;
  /** JSON array of tag strings. */
  tags: string;
}

export interface VersionRow {
  id: string;
  scenario_id: string;
  version: number;
  name: string;
  json: string;
  sections: string;
  sha256: string;
  note: string;
  size: number;
  created_at: string;
}

/** id, name, latest_version, sections, tags, created_at, updated_at */
export type ListRow = [string, string, number, string, string, string, string];

export function fromListRow(row: ListRow): ScenarioSummaryRecord {
  return {
    id: row[0],
    name: row[1],
    version: row[2],
    sections: parseStringList(row[3], 'sections'),
    tags: parseStringList(row[4], 'tags'),
    createdAt: row[5],
    updatedAt: row[6],
  };
}

export function toSummaryRecord(row: ScenarioRow): ScenarioSummaryRecord {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    sections: parseSections(row.sections),
    tags: parseStringList(row.tags, 'tags'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersionSummary(row: Omit<VersionRow, 'json' | 'sections'>): ScenarioVersionSummaryRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    version: row.version,
    name: row.name,
    sha256: row.sha256,
    note: row.note,
    size: row.size,
    createdAt: row.created_at,
  };
}

/** The column is CHECKed to be a JSON array; this also guarantees its items are strings. */
export function parseSections(text: string): string[] {
  return parseStringList(text, 'sections');
}

// Listing 10,000 scenarios parses 20,000 tiny arrays, most of them alike ('["serving"]'):
// remember the distinct ones. The arrays handed out are shared, so they are frozen.
const parsed = new Map<string, string[]>();
const MAX_REMEMBERED = 2000;

function parseStringList(text: string, what: string): string[] {
  const known = parsed.get(text);
  if (known) return known;
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new Error(`stored ${what} are not a list of names: ${text}`);
  }
  if (parsed.size >= MAX_REMEMBERED) parsed.clear();
  Object.freeze(value);
  parsed.set(text, value);
  return value;
}
