// `node scripts/measure-unit-time.mjs [--replications R] [--runs K]`: the sizing table of
// docs/scale-out.md, measured with the built CLI (`npm run build:node` first). One work unit is
// one replication of one scenario (one sweep point × one replication), on one thread.
// For each bundled example: K runs of `headroom run <example> --replications R --threads 1 --json`,
// wall time ÷ R (start-up included, so it is what a shard pays) and the engine's own wall_ms ÷ R;
// the median of the K runs. Prints Markdown: the machine and date, then the tables.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin', 'headroom.cjs');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a whole number ≥ 1, please`);
  return n;
}

const R = flag('replications', 10);
const K = flag('runs', 3);

// A typical study: a 20 × 20 sweep at 20 replications, spread over this many shards (one core each).
const STUDY = { label: '20 × 20 sweep × 20 replications', units: 20 * 20 * 20 };
const SHARDS = [1, 10, 50, 200];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function measure(file) {
  const walls = [];
  const engine = [];
  for (let k = 0; k < K; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'run', file, '--replications', String(R), '--threads', '1', '--json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // 3: stopped by a cap, the document still printed; anything else is a failure to report.
    if (r.status !== 0 && r.status !== 3) throw new Error(`${path.basename(file)}: exit ${r.status}\n${r.stderr}`);
    const doc = JSON.parse(r.stdout);
    walls.push(ms / R);
    engine.push(doc.engine.wall_ms / R);
  }
  return { wallMs: median(walls), engineMs: median(engine) };
}

const fmtS = (s) => (s < 60 ? `${s.toFixed(s < 10 ? 1 : 0)} s` : s < 3600 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);

if (!fs.existsSync(path.join(root, 'out', 'node', 'cli.cjs'))) {
  process.stderr.write('measure-unit-time: build the CLI first (npm run build:node)\n');
  process.exit(1);
}
// The machine may be shared: its load is printed beside the figures (a busy machine measures slow).
const loadBefore = os.loadavg()[0];
const examples = fs.readdirSync(path.join(root, 'assets', 'examples')).filter((f) => f.endsWith('.json')).sort();
const rows = examples.map((f) => {
  process.stderr.write(`measuring ${f} …\n`);
  return { name: f, ...measure(path.join(root, 'assets', 'examples', f)) };
});

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const out = [];
out.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, ${os.totalmem() > 0 ? `${Math.round(os.totalmem() / 2 ** 30)} GiB, ` : ''}${os.platform()} ${os.release()}, Node ${process.version}; median of ${K} runs of ${R} replications on one thread; 1-minute load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after.`);
out.push('');
out.push('| example | s per unit (wall ÷ R) | engine ms per unit |');
out.push('|---|---:|---:|');
for (const r of rows) out.push(`| ${r.name} | ${(r.wallMs / 1000).toFixed(3)} | ${r.engineMs.toFixed(0)} |`);
out.push('');
out.push(`Expected wall time of a ${STUDY.label} = ${STUDY.units.toLocaleString('en-US')} units, = units × s per unit ÷ shards (one core per shard; a shard's start-up is inside the s per unit, queueing, image pulls and the merge are not):`);
out.push('');
out.push(`| example | ${SHARDS.map((n) => `${n} shard${n === 1 ? '' : 's'}`).join(' | ')} |`);
out.push(`|---|${SHARDS.map(() => '---:').join('|')}|`);
for (const r of rows) out.push(`| ${r.name} | ${SHARDS.map((n) => fmtS((STUDY.units * r.wallMs) / 1000 / n)).join(' | ')} |`);
process.stdout.write(`${out.join('\n')}\n`);
