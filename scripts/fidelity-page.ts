// docs/fidelity.md, generated from the validation suite's fidelity records
// (test/validation/fidelity-record.ts; the page's format: scripts/fidelity/page.ts).
//
//   node --import tsx scripts/fidelity-page.ts --run     # npm run fidelity: runs every test file that
//                                                        # records, into a fresh folder, then writes the page
//   node --import tsx scripts/fidelity-page.ts           # writes the page from the last run's records
//   node --import tsx scripts/fidelity-page.ts --check   # in npm test: exit 1 if the page differs from them
//
// Records are read from HEADROOM_FIDELITY_DIR, else test-results/fidelity/, which every `vitest
// run` empties and refills. --check is only meaningful after a whole run, which is why only
// `npm test` runs it (after `vitest run`); after a partial run it says which records are missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPage, groupRecords, PAGE_PATH, renderPage } from './fidelity/page';
import { clearRecords, fidelityDir, readRecords, REPO_ROOT } from './fidelity/record';

const pagePath = path.join(REPO_ROOT, PAGE_PATH);

/** Test files (under test/) that import the recorder: the files `--run` runs. */
function recordingTestFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'fixtures') walk(p);
      else if (e.isFile() && e.name.endsWith('.test.ts') && /fidelity-record['"]/.test(fs.readFileSync(p, 'utf8'))) out.push(path.relative(REPO_ROOT, p).split(path.sep).join('/'));
    }
  };
  walk(path.join(REPO_ROOT, 'test'));
  return out.sort();
}

function write(dir: string): void {
  const records = readRecords(dir);
  if (records.length === 0) throw new Error(`no fidelity records in ${dir}: run the whole suite first (npx vitest run), or npm run fidelity`);
  fs.writeFileSync(pagePath, renderPage(records));
  const groups = groupRecords(records);
  console.log(`wrote ${PAGE_PATH}: ${[...groups.values()].reduce((n, r) => n + r.length, 0)} checks over ${groups.size} models`);
}

function run(): void {
  const files = recordingTestFiles();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-fidelity-'));
  console.log(`running ${files.length} test files that record fidelity, into ${dir}`);
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], {
    cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, HEADROOM_FIDELITY_DIR: dir },
  });
  if (r.status !== 0) throw new Error(`the validation tests failed (exit ${r.status ?? r.signal}): ${PAGE_PATH} not written`);
  write(dir);
  // Leave the same records where --check reads them, so the two agree until the next run.
  const dest = fidelityDir();
  clearRecords(dest);
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(dest, f));
  fs.rmSync(dir, { recursive: true, force: true });
}

function check(): number {
  const dir = fidelityDir();
  const committed = fs.existsSync(pagePath) ? fs.readFileSync(pagePath, 'utf8') : null;
  const problem = checkPage(committed, readRecords(dir));
  if (problem === null) {
    const shown = path.relative(REPO_ROOT, dir);
    console.log(`${PAGE_PATH} matches the records in ${shown.startsWith('..') || path.isAbsolute(shown) ? dir : shown}`);
    return 0;
  }
  console.error(problem);
  return 1;
}

const args = process.argv.slice(2);
try {
  if (args.some((a) => !['--run', '--check'].includes(a)) || args.length > 1) {
    console.error('usage: node --import tsx scripts/fidelity-page.ts [--run | --check]');
    process.exitCode = 2;
  } else if (args[0] === '--check') {
    process.exitCode = check();
  } else if (args[0] === '--run') {
    run();
  } else {
    write(fidelityDir());
  }
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
