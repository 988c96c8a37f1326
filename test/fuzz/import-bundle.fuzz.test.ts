// Fuzz of the library import (docs/reliability.md, F3): a real `headroom.bundle/v1` exported from
// a real library (two scenarios, several versions, tags, a trace file), and a plain scenario
// file with its trace beside it, mutated (json-mutations.ts) outside and inside the scenario
// texts they carry, imported through the backend. Each import either succeeds or is refused with
// `file › path: message` problems, never an internal error; a refused import leaves every table
// of the library exactly as it was (nothing partial left behind).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFile } from '../../electron/common/contract';
import { closeTempBackend, openTempBackend, quickExample, type TempBackend } from '../backend/temp-backend';
import { arbJsonCase, mutateJson, type JsonCase } from './json-mutations';
import { describeThrown, expectFitIssues, fuzzOptions, recordTally, Tally } from './outcome';

const TRACE = `t\n${Array.from({ length: 40 }, (_, i) => (i * 0.25).toFixed(2)).join('\n')}\n`;

let t: TempBackend;
let bundleText: string;
let plainText: string;
let rows: () => string;
let reader: Database.Database | undefined;

/** Every table's row count, read over a second connection: what "unchanged" means. */
function rowCounter(file: string): () => string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  reader = db;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts = tables.map((name) => db.prepare(`SELECT count(*) FROM "${name}"`).pluck());
  return () => tables.map((name, i) => `${name}=${String((counts[i] as Database.Statement).get())}`).join(' ');
}

beforeAll(async () => {
  t = openTempBackend('headroom-fuzz-import-');
  const created = await t.backend.createScenario(quickExample({ name: 'Fuzz base' }));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const a = created.scenario;
  for (const replications of [4, 5]) await t.backend.updateScenario(a.id, quickExample({ name: 'Fuzz base', replications }));
  await t.backend.setTags(a.id, ['fuzz', 'base']);
  // A second scenario naming a trace file, imported from disk as the desktop app does.
  const work = path.join(t.dir, 'work');
  fs.mkdirSync(path.join(work, 'data'), { recursive: true });
  fs.writeFileSync(path.join(work, 'data/arrivals.csv'), TRACE);
  const s = JSON.parse(quickExample({ name: 'Fuzz replay' })) as { serving: { services: Record<string, unknown>[] } };
  (s.serving.services[0] as Record<string, unknown>).arrivals = { process: 'trace', path: 'data/arrivals.csv' };
  fs.writeFileSync(path.join(work, 'replay.json'), JSON.stringify(s, null, 2));
  const imported = t.backend.importFromPaths([path.join(work, 'replay.json')]);
  if (imported.problems.length > 0) throw new Error(JSON.stringify(imported.problems));
  const b = imported.imported[0] as { id: string };
  bundleText = (await t.backend.exportScenarios([a.id, b.id], { history: true })).text;
  plainText = (await t.backend.exportScenarios([b.id])).text;
  rows = rowCounter(path.join(t.dir, 'library.sqlite'));
});

afterAll(async () => {
  reader?.close();
  if (t) await closeTempBackend(t);
});

interface ImportCase {
  kind: 'bundle' | 'plain';
  /** A mutation of one version's scenario text inside the bundle (which version: `at`). */
  inner: { at: number; mutation: JsonCase } | null;
  outer: JsonCase | null;
}

const arbImportCase: fc.Arbitrary<ImportCase> = fc.record({
  kind: fc.constantFrom('bundle' as const, 'bundle' as const, 'plain' as const),
  inner: fc.option(fc.record({ at: fc.nat(), mutation: arbJsonCase }), { freq: 2 }),
  outer: fc.option(arbJsonCase, { freq: 3 }),
});

function filesOf(c: ImportCase): ImportFile[] {
  if (c.kind === 'plain') {
    const text = c.outer ? mutateJson(plainText, c.outer) : plainText;
    return [{ name: 'replay.json', text }, { name: 'arrivals.csv', text: TRACE }];
  }
  let text = bundleText;
  if (c.inner) {
    const bundle = JSON.parse(text) as { scenarios: { versions: { scenario: string }[] }[] };
    const versions = bundle.scenarios.flatMap((s) => s.versions);
    const v = versions[c.inner.at % versions.length] as { scenario: string };
    v.scenario = mutateJson(v.scenario, c.inner.mutation);
    text = JSON.stringify(bundle, null, 2);
  }
  return [{ name: 'fuzz.bundle.json', text: c.outer ? mutateJson(text, c.outer) : text }];
}

describe('import fuzz (bundles and plain files through the backend)', () => {
  it('imports whole or refuses with problems, and a refusal leaves every table unchanged', async () => {
    const tally = new Tally();
    await fc.assert(fc.asyncProperty(arbImportCase, async (c) => {
      const before = rows();
      let result;
      try {
        result = await t.backend.importScenarios(filesOf(c));
      } catch (e) {
        // The backend's refusal of a malformed request (by name: the class has moved between modules).
        if (!(e instanceof Error && e.constructor.name === 'BadRequestError')) throw new Error(`internal error: ${describeThrown(e)}`);
        expectFitIssues([{ path: '(request)', message: e.message }], 'bad request');
        expect(rows()).toBe(before);
        tally.add('refused (bad request)');
        return;
      }
      const { imported, problems } = result;
      expectFitIssues(problems.length > 0 ? problems : [{ path: '-', message: 'ok' }], 'import problems');
      if (problems.length > 0) {
        expect(imported, 'a file is imported whole or not at all').toEqual([]);
        expect(rows(), 'a refused import changed the library').toBe(before);
        tally.add('refused');
        return;
      }
      expect(imported.length).toBeGreaterThan(0);
      expect(rows()).not.toBe(before);
      tally.add('imported');
    }), fuzzOptions(20_251_220));
    recordTally('library import', tally);
    expect(tally.get('imported')).toBeGreaterThan(0);
    expect(tally.get('refused')).toBeGreaterThan(0);
  });
});
