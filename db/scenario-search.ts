// Tags and the full-text index of scenarios (FTS5: name, tags, and a body of description and
// ids). Callers run these inside the transaction that changes the scenario, so the index never
// disagrees with the rows it points at.
import type { Db } from './migrations/types';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
/** Words of a query beyond this are ignored (a pasted paragraph must not cost seconds). */
const MAX_QUERY_TERMS = 16;

/** Trims, collapses inner whitespace, drops empties and case-insensitive repeats; throws on a bad tag. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) throw new Error(`tag "${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters`);
    if ([...tag].some((c) => c.charCodeAt(0) < 0x20)) throw new Error('a tag cannot hold control characters');
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  if (out.length > MAX_TAGS) throw new Error(`a scenario can have at most ${MAX_TAGS} tags`);
  return out.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

export interface SearchIndex {
  addDocument(scenarioId: string, name: string, tags: readonly string[], body: string): void;
  updateText(scenarioId: string, name: string, body: string): void;
  /** Replaces the tag rows and the indexed tags. */
  setTags(scenarioId: string, tags: readonly string[]): void;
  removeDocument(scenarioId: string): void;
  /** An FTS5 expression matching every word of `query` as a prefix, or null when it has none. */
  matchExpression(query: string): string | null;
}

export function createSearchIndex(db: Db): SearchIndex {
  const insertDoc = db.prepare<[string]>('INSERT INTO scenario_search_docs (scenario_id) VALUES (?)');
  const docId = db.prepare<[string], number>('SELECT docid FROM scenario_search_docs WHERE scenario_id = ?').pluck();
  const insertText = db.prepare<[number, string, string, string]>(
    'INSERT INTO scenario_search (rowid, name, tags, body) VALUES (?, ?, ?, ?)',
  );
  const updateText = db.prepare<[string, string, number]>('UPDATE scenario_search SET name = ?, body = ? WHERE rowid = ?');
  const updateTags = db.prepare<[string, number]>('UPDATE scenario_search SET tags = ? WHERE rowid = ?');
  const deleteText = db.prepare<[number]>('DELETE FROM scenario_search WHERE rowid = ?');
  const deleteTags = db.prepare<[string]>('DELETE FROM scenario_tags WHERE scenario_id = ?');
  const insertTag = db.prepare<[string, string]>('INSERT INTO scenario_tags (scenario_id, tag) VALUES (?, ?)');
  const copyTags = db.prepare<[string, string]>('UPDATE scenarios SET tags = ? WHERE id = ?');

  const mustDocId = (scenarioId: string): number => {
    const id = docId.get(scenarioId);
    if (id === undefined) throw new Error(`scenario ${scenarioId} has no search entry`);
    return id;
  };

  return {
    addDocument(scenarioId, name, tags, body) {
      const id = Number(insertDoc.run(scenarioId).lastInsertRowid);
      insertText.run(id, name, tags.join(' '), body);
    },
    updateText(scenarioId, name, body) {
      updateText.run(name, body, mustDocId(scenarioId));
    },
    setTags(scenarioId, tags) {
      deleteTags.run(scenarioId);
      for (const tag of tags) insertTag.run(scenarioId, tag);
      copyTags.run(JSON.stringify(tags), scenarioId);
      const id = docId.get(scenarioId);
      if (id !== undefined) updateTags.run(tags.join(' '), id);
    },
    removeDocument(scenarioId) {
      const id = docId.get(scenarioId);
      if (id !== undefined) deleteText.run(id);
    },
    matchExpression(query) {
      const terms = query
        .normalize('NFKC')
        .split(/\s+/)
        .map((t) => t.replace(/"/g, '').trim())
        .filter((t) => /[\p{L}\p{N}]/u.test(t))
        .slice(0, MAX_QUERY_TERMS);
      return terms.length === 0 ? null : terms.map((t) => `"${t}"*`).join(' AND ');
    },
  };
}
