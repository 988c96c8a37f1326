// The files a scenario names, through the `headroom` command as users run it (the built bundle
// in a child process, real files, links, a FIFO and a sparse file): only regular files in the
// scenario's folder or below are read; everything else exits 2 naming the field, never hangs,
// never prints a stack. A scenario file with a byte-order mark is read like one without.
// Every spawn here is mostly Node starting (~0.4 s): the tests run concurrently, and runCli runs
// two children at a time; each case has a folder of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasMkfifo, mkfifo, refusedByText, refusedInFolder } from '../scenario-file-cases';
import { runCli } from './run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-file-rule-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The CLI with a 20 s timeout: a read of a device or FIFO would otherwise hang the test. */
function headroom(...args: string[]) {
  return runCli(args, { cwd: os.tmpdir(), timeout: 20_000, env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
}

const TRACE = `t\n${Array.from({ length: 200 }, (_, i) => (i * 0.05).toFixed(2)).join('\n')}\n`;

const serving = (file: string) => ({
  format: 'headroom.scenario/v1', name: 'file rule', replications: 2, horizon_s: 5,
  serving: { services: [{ id: 'api', arrivals: { process: 'trace', path: file }, replicas: 4, service_time_ms: 20, latency_budget_ms: 100 }] },
});
const cluster = (file: string) => ({
  format: 'headroom.scenario/v1', name: 'file rule', replications: 2, horizon_s: 100,
  cluster: { pools: [{ id: 'gpu', units: 8 }], job_trace: { path: file, format: 'csv', pool: 'gpu' } },
});

let folders = 0;
/** A fresh folder inside `tmp` with `scenario.json` naming `value`; `setup` prepares its files. */
function scenarioIn(value: string, shape: (file: string) => object, setup: (dir: string) => void = () => {}): string {
  const dir = path.join(tmp, `case-${++folders}`, 'scenario');
  fs.mkdirSync(dir, { recursive: true });
  setup(dir);
  const file = path.join(dir, 'scenario.json');
  fs.writeFileSync(file, JSON.stringify(shape(value)));
  return file;
}

const cases = [...refusedByText, ...refusedInFolder('/etc/passwd')];

const fields: [string, (file: string) => object][] = [['serving.services[0].arrivals.path', serving], ['cluster.job_trace.path', cluster]];

describe.concurrent('a scenario names a file it may not: validate and run exit 2, the field named, nothing read', () => {
  for (const c of cases) {
    for (const [field, shape] of fields) {
      it.skipIf(c.skip)(`${c.what} in ${field}`, async ({ expect }) => {
        const file = scenarioIn(c.value, shape, c.setup);
        const commands = ['validate', 'run'];
        const runs = await Promise.all(commands.map((cmd) => headroom(cmd, file)));
        for (const [i, cmd] of commands.entries()) {
          const r = runs[i]!;
          expect(r.signal, `${cmd} hung`).toBeNull();
          expect(r.code, `${cmd}: ${r.stderr}`).toBe(2);
          expect(r.stdout).toBe('');
          const line = r.stderr.split('\n').find((l) => l.startsWith(`${field}: `)) ?? r.stderr;
          expect(line).toContain(`${field}: ${c.value} `);
          expect(line).toMatch(c.reason);
          expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
          expect(r.stderr).not.toContain('root:'); // nothing of /etc/passwd
        }
      }, 60_000);
    }
  }
});

describe.concurrent('a scenario file the CLI is pointed at', () => {
  it('refuses /dev/zero without hanging', async ({ expect }) => {
    const r = await headroom('validate', '/dev/zero');
    expect(r.signal).toBeNull();
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^\(file\): \/dev\/zero is a device, not a regular file$/m) });
  });

  it.skipIf(!hasMkfifo)(`refuses a FIFO without hanging${hasMkfifo ? '' : ' (skipped: mkfifo is missing)'}`, async ({ expect }) => {
    const fifo = path.join(tmp, 'scenario.fifo');
    mkfifo(fifo);
    const r = await headroom('run', fifo);
    expect(r.signal).toBeNull();
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('is a FIFO (named pipe), not a regular file') });
  });

  it('reads one that starts with a byte-order mark', async ({ expect }) => {
    const file = scenarioIn('data/trace.csv', serving, (d) => {
      fs.mkdirSync(path.join(d, 'data'));
      fs.writeFileSync(path.join(d, 'data', 'trace.csv'), TRACE);
    });
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
    expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [validate, run] = await Promise.all([headroom('validate', file), headroom('run', file, '--json')]);
    expect(validate).toMatchObject({ code: 0, stdout: 'ok\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).serving.api).toBeDefined();
  }, 60_000);
});

describe('legitimate files are read as before', () => {
  it('a serving trace and a job trace in subfolders, also through a link that stays inside', async () => {
    const setup = (d: string) => {
      fs.mkdirSync(path.join(d, 'data', 'deeper'), { recursive: true });
      fs.writeFileSync(path.join(d, 'data', 'deeper', 'trace.csv'), TRACE);
      fs.writeFileSync(path.join(d, 'data', 'deeper', 'jobs.csv'), 'arrival_s,units,step_time_s,steps\n0,4,2,10\n5,2,3,5\n');
      fs.symlinkSync(path.join(d, 'data', 'deeper', 'trace.csv'), path.join(d, 'inside.csv'));
    };
    const cases = [['data/deeper/trace.csv', serving], ['./data/../data/deeper/trace.csv', serving], ['inside.csv', serving], ['data/deeper/jobs.csv', cluster]] as const;
    const files = cases.map(([value, shape]) => scenarioIn(value, shape, setup));
    const runs = await Promise.all(files.flatMap((file) => [headroom('validate', file), headroom('run', file, '--json')]));
    for (const [i, [value]] of cases.entries()) {
      expect(runs[2 * i], value).toMatchObject({ code: 0, stdout: 'ok\n' });
      const run = runs[2 * i + 1]!;
      expect(run.code, `${value}: ${run.stderr}`).toBe(0);
    }
  }, 60_000);
});
