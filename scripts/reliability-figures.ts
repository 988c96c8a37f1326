// The figures of docs/reliability.md, measured now: runs the reliability tests (fuzz properties,
// the preview server's fuzz, kill mid-write, storage failures, caps, …) and collects what they
// record (test/reliability-record.ts: cases tried, kills survived, saves kept, cancel latency);
// measures the memory of a 24-simulated-hour serving run against a 1-hour one, each in a real
// child process; prints Markdown to paste into the doc.
//
//   node --import tsx scripts/reliability-figures.ts            # about 5–10 minutes
//   node --import tsx scripts/reliability-figures.ts --no-24h   # skips the 24 h run (≈2 min of it)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-figures-'));

/** The tests docs/reliability.md cites, in its order. */
const TEST_FILES = [
  'test/fuzz/scenario-reader.fuzz.test.ts', 'test/fuzz/trace-csv.fuzz.test.ts', 'test/fuzz/import-bundle.fuzz.test.ts',
  'test/backend/web-server-fuzz.test.ts', 'test/backend/web-server-bad-requests.test.ts', 'test/backend/web-http-errors.test.ts',
  'test/backend/scenario-file-rule.test.ts', 'test/cli/scenario-files-cli.test.ts',
  'test/unit/scenario/limits.test.ts', 'test/cli/limits-cli.test.ts', 'test/backend/run-limits.test.ts', 'test/backend/run-pool-limits.test.ts',
  'test/validation/no-nan.test.ts', 'test/unit/cluster/expected-step-tiny-cv.test.ts', 'test/unit/report/hostile-text.test.ts',
  'test/backend/bundle-check.test.ts', 'test/backend/import-huge-arrays.test.ts', 'test/unit/scenario/odd-keys.test.ts',
  'test/db/kill-mid-write.test.ts', 'test/db/storage-failures.test.ts', 'test/backend/library-recovery.test.ts', 'test/backend/backend.test.ts',
  'test/backend/cancel-latency.test.ts',
];

interface VitestReport {
  testResults: { name: string; status: string; startTime: number; endTime: number; assertionResults: { status: string }[] }[];
}

function runTests(): { report: VitestReport; records: Record<string, unknown>[]; wallS: number } {
  const reportFile = path.join(work, 'vitest.json');
  const recordFile = path.join(work, 'records.jsonl');
  const started = Date.now();
  // The default reporter too: the JSON one alone swallows what tests print (the web fuzz's tally).
  const r = spawnSync('npx', ['vitest', 'run', ...TEST_FILES, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
    cwd: root, encoding: 'utf8', env: { ...process.env, HEADROOM_RELIABILITY_FIGURES: recordFile, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 256 * 1024 * 1024,
  });
  if (!fs.existsSync(reportFile)) throw new Error(`vitest wrote no report (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  const records = fs.existsSync(recordFile)
    ? fs.readFileSync(recordFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  // The preview server's fuzz (test/backend/web-server-fuzz.test.ts) prints its tally instead.
  const web = /web fuzz: (\d+) requests in [\d.]+ s; answers: (\{[^}]*\})/.exec(`${r.stdout}\n${r.stderr}`);
  if (web) records.push({ name: 'preview server requests', kind: 'fuzz', cases: Number(web[1]), outcomes: JSON.parse(web[2] as string) as unknown });
  return { report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as VitestReport, records, wallS: (Date.now() - started) / 1000 };
}

/** Peak RSS of `headroom run` on the bundled risk-model example for `hours` simulated hours, one replication, one thread. */
function servingRun(hours: number): { hours: number; events: number; wallS: number; peakRssMb: number } {
  const preload = path.join(work, 'peak-rss.cjs');
  fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\npeak_rss_kb ${process.resourceUsage().maxRSS}\\n`));\n");
  const r = spawnSync(process.execPath, [
    '--require', preload, path.join(root, 'out/node/cli.cjs'), 'run', path.join(root, 'assets/examples/risk-model-api.json'),
    '--horizon-s', String(hours * 3600), '--replications', '1', '--threads', '1', '--json',
  ], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`headroom run (${hours} h) exited ${r.status}: ${r.stderr.slice(-1000)}`);
  const engine = (JSON.parse(r.stdout) as { engine: { events: number; wall_ms: number } }).engine;
  const kb = Number(/peak_rss_kb (\d+)/.exec(r.stderr)?.[1]);
  return { hours, events: engine.events, wallS: engine.wall_ms / 1000, peakRssMb: kb / 1024 };
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function main(): void {
  const skip24h = process.argv.includes('--no-24h');
  const tests = runTests();
  const cancels = (tests.records.find((x) => x.name === 'cancel latency')?.ms ?? []) as number[];
  const memory = skip24h ? [servingRun(1)] : [servingRun(1), servingRun(24)];

  const lines: string[] = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version},`);
  lines.push(`by \`node --import tsx scripts/reliability-figures.ts\`; fuzz at the default size (HEADROOM_FUZZ_RUNS unset: 1,000 cases per property).`, '');

  lines.push('| Fuzz property | Cases | Outcomes |', '|---|---:|---|');
  for (const r of tests.records.filter((x) => x.kind === 'fuzz')) {
    const outcomes = Object.entries(r.outcomes as Record<string, number>).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
    lines.push(`| ${String(r.name)} | ${fmt(r.cases as number)} | ${outcomes} |`);
  }
  const kill = tests.records.find((x) => x.name === 'kill mid-write');
  lines.push('', '| Faults | Figure |', '|---|---|');
  if (kill) {
    lines.push(`| kill mid-write: SIGKILLs survived (library opens, quick_check ok) | ${fmt(kill.kills as number)} (${fmt(kill.opensCheckedOk as number)} reopened after a kill, all "checked ok") |`);
    lines.push(`| kill mid-write: saves seen committed and found after the kills | ${fmt(kill.savesKept as number)} scenarios and versions, ${fmt(kill.pairsKept as number)} two-scenario transactions, ${fmt(kill.runsKept as number)} finished runs |`);
  }
  if (cancels.length > 0) lines.push(`| cancel latency, cancelRun → \`cancelled\` (${cancels.length} runs mid-simulation) | median ${fmt(median(cancels))} ms, max ${fmt(Math.max(...cancels))} ms |`);
  for (const m of memory) {
    lines.push(`| memory, \`headroom run\` risk-model-api, ${m.hours} simulated h (1 replication, 1 thread) | peak RSS ${fmt(m.peakRssMb)} MB; ${fmt(m.events)} events in ${fmt(m.wallS, 1)} s |`);
  }

  lines.push('', '| Test file | Tests | Passed | Skipped | Failed | Seconds |', '|---|---:|---:|---:|---:|---:|');
  let total = 0;
  for (const f of TEST_FILES) {
    const res = tests.report.testResults.find((t) => path.relative(root, t.name) === f);
    if (!res) { lines.push(`| ${f} | – | not run | – | – | – |`); continue; }
    const s = (res.endTime - res.startTime) / 1000;
    total += s;
    const count = (status: string) => res.assertionResults.filter((a) => a.status === status).length;
    const skipped = count('skipped') + count('pending') + count('todo');
    lines.push(`| ${f} | ${res.assertionResults.length} | ${count('passed')} | ${skipped} | ${count('failed')} | ${fmt(s, 1)} |`);
  }
  lines.push(`| **all of them** (one \`vitest run\`, ${fmt(tests.wallS, 0)} s of wall time) | | | | | ${fmt(total, 1)} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
  fs.rmSync(work, { recursive: true, force: true });
}

try {
  main();
} catch (e) {
  process.stderr.write(`reliability-figures: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
}
