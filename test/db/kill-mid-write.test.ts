// Kill mid-write: a child process writing to the library in a loop is SIGKILLed at random
// points, again and again. Each time the library must open (the next child opens it with
// openLibrary, which runs quick_check after an unclean shutdown, and reports the result), hold
// every transaction the child saw commit, and hold no part of any transaction that did not.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../db';
import { recordFigures } from '../reliability-record';
import { tempDataDir } from './helpers';

const ITERATIONS = Number(process.env.HEADROOM_KILL_ITERATIONS ?? 200);
const root = path.resolve(__dirname, '..', '..');
let childScript: string;

beforeAll(async () => {
  childScript = path.join(tempDataDir(), 'kill-writer.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'fixtures', 'kill-writer.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], outfile: childScript, logLevel: 'error',
  });
});

interface Committed {
  /** The opens reported by the children: "checked ok" after every kill. */
  opens: string[];
  scenarios: Set<string>;
  versions: Set<string>;
  pairs: Set<string>;
  replications: Map<string, number>;
  runs: Set<string>;
}

interface Writer {
  child: ChildProcess;
  /** Tells it to open the library, lets it write for `ms` after it opened, kills it, records what it committed. */
  run(ms: number, committed: Committed): Promise<void>;
}

/** Boots a writer child that waits for "go" before it opens the library. */
function startWriter(dataDir: string, seed: number): Writer {
  const child = spawn(process.execPath, [childScript, dataDir, String(seed)], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    async run(ms, committed) {
      let timer: NodeJS.Timeout | undefined;
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (timer === undefined && /^ready .*\n/.test(out)) timer = setTimeout(() => child.kill('SIGKILL'), ms);
      });
      child.stdin!.end('go\n');
      const { code, signal } = await exited;
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') throw new Error(`writer exited by itself (${code}): ${err}`);
      for (const line of out.split('\n')) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'ready') committed.opens.push(`${a} ${b}`);
        else if (kind === 'S') committed.scenarios.add(a!);
        else if (kind === 'V') committed.versions.add(a!);
        else if (kind === 'P') committed.pairs.add(a!);
        else if (kind === 'Q') committed.replications.set(a!, Math.max(committed.replications.get(a!) ?? 0, Number(b) + 1));
        else if (kind === 'R') committed.runs.add(a!);
      }
    },
  };
}

function checkInvariants(db: Database.Database, committed: Committed, deep: boolean): void {
  const one = (sql: string) => db.prepare(sql).pluck().get();
  const all = (sql: string) => db.prepare(sql).pluck().all();
  // Versions are 1..n without gaps; every scenario has at least one, a search entry and its name from the latest.
  expect(one(`SELECT count(*) FROM scenarios s WHERE (SELECT count(*) FROM scenario_versions v WHERE v.scenario_id = s.id)
              != (SELECT coalesce(max(version), 0) FROM scenario_versions v WHERE v.scenario_id = s.id)
              OR NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = s.id)`)).toBe(0);
  expect(one(`SELECT count(*) FROM scenarios s WHERE s.name != (SELECT name FROM scenario_versions v WHERE v.scenario_id = s.id ORDER BY version DESC LIMIT 1)`)).toBe(0);
  // The copies on the scenario row agree with the rows they copy.
  expect(one(`SELECT count(*) FROM scenarios s JOIN scenario_versions v ON v.id = s.latest_version_id
              WHERE v.scenario_id != s.id OR v.version != s.latest_version OR v.sections != s.sections
              OR s.latest_version != (SELECT max(version) FROM scenario_versions WHERE scenario_id = s.id)`)).toBe(0);
  expect(one('SELECT count(*) FROM scenarios s WHERE NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.id = s.latest_version_id)')).toBe(0);
  expect(one(`SELECT count(*) FROM scenarios s WHERE json_array_length(s.tags) != (SELECT count(*) FROM scenario_tags t WHERE t.scenario_id = s.id)`)).toBe(0);
  expect(one('SELECT count(*) FROM scenarios')).toBe(one('SELECT count(*) FROM scenario_search_docs'));
  expect(one('SELECT count(*) FROM scenario_search')).toBe(one('SELECT count(*) FROM scenario_search_docs'));
  if (deep) {
    db.prepare("INSERT INTO scenario_search (scenario_search) VALUES ('integrity-check')").run();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  }
  // Transactions of two scenarios: both or neither (by their first version: later ones rename).
  const pairs = all("SELECT substr(name, 6, length(name) - 7) FROM scenario_versions WHERE version = 1 AND name LIKE 'pair-%'") as string[];
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const [tag, n] of counts) expect(n, `pair ${tag}`).toBe(2);
  // A done run always has its result; nothing is left queued or running (the open swept those).
  expect(one("SELECT count(*) FROM runs WHERE status = 'done' AND NOT EXISTS (SELECT 1 FROM run_results WHERE run_id = runs.id)")).toBe(0);
  expect(one('SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM run_replications p WHERE p.run_id = r.id) > r.replications')).toBe(0);
  // Everything the writer saw commit is there.
  const has = (sql: string, id: string) => db.prepare(sql).pluck().get(id) !== undefined;
  for (const id of committed.scenarios) expect(has('SELECT 1 FROM scenarios WHERE id = ?', id), `scenario ${id}`).toBe(true);
  for (const id of committed.versions) expect(has('SELECT 1 FROM scenario_versions WHERE id = ?', id), `version ${id}`).toBe(true);
  for (const tag of committed.pairs) expect(counts.get(tag), `pair ${tag}`).toBe(2);
  for (const [run, n] of committed.replications) {
    expect(Number(db.prepare('SELECT count(*) FROM run_replications WHERE run_id = ?').pluck().get(run)), `replications of ${run}`).toBeGreaterThanOrEqual(n);
  }
  for (const id of committed.runs) expect(db.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(id)).toBe('done');
}

describe('kill mid-write', () => {
  it(`keeps the library intact and every transaction all-or-nothing over ${ITERATIONS} random kills`, async () => {
    const dataDir = tempDataDir();
    openLibrary(dataDir).close();
    const committed: Committed = { opens: [], scenarios: new Set(), versions: new Set(), pairs: new Set(), replications: new Map(), runs: new Set() };
    const file = path.join(dataDir, 'library.sqlite');
    // A few children boot ahead (Node takes a while to start); each waits for its turn.
    const AHEAD = 3;
    const queue = Array.from({ length: Math.min(AHEAD, ITERATIONS) }, (_, k) => startWriter(dataDir, k + 1));
    for (let i = 0; i < ITERATIONS; i++) {
      const current = queue.shift()!;
      if (i + AHEAD < ITERATIONS) queue.push(startWriter(dataDir, i + AHEAD + 1));
      // Mostly short lives, so kills land in every phase of a write; a few longer ones grow the file.
      await current.run(i % 10 === 0 ? 80 : 5 + Math.floor(Math.random() * 30), committed);
      // Read what the kill left, before the next child's open sweeps anything.
      const db = new Database(file, { readonly: true });
      try {
        checkInvariants(db, committed, false);
      } finally {
        db.close();
      }
      if (i % 25 === 24) {
        const rw = new Database(file);
        checkInvariants(rw, committed, true);
        rw.close();
      }
    }
    // Every child after the first opened a killed library: each noticed it and quick_check passed.
    expect(committed.opens).toHaveLength(ITERATIONS);
    expect(committed.opens.slice(1).filter((o) => o !== 'checked ok')).toEqual([]);
    const library = openLibrary(dataDir);
    expect(library.checkedAfterUncleanShutdown).toBe(true);
    expect(library.quickCheck()).toBe('ok');
    library.close();
    const db = new Database(file);
    checkInvariants(db, committed, true);
    expect(db.prepare("SELECT count(*) FROM runs WHERE status IN ('queued', 'running')").pluck().get()).toBe(0);
    db.close();
    expect(committed.scenarios.size + committed.versions.size).toBeGreaterThan(ITERATIONS / 4);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    recordFigures('kill mid-write', {
      kind: 'faults', kills: ITERATIONS, opensCheckedOk: committed.opens.slice(1).length,
      savesKept: committed.scenarios.size + committed.versions.size, pairsKept: committed.pairs.size, runsKept: committed.runs.size,
    });
  }, 10 * 60_000);
});
