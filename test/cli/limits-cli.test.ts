// Sizes and magnitudes the engine cannot hold or print, through the built `headroom` command:
// each is refused by `validate` (exit 2, a message naming the field) instead of a stack trace
// (exit 1), a run that ignores its cap, or a non-finite figure. docs/scenario-format.md "Limits".
// The untimed tests run concurrently, their children two at a time (runCli); the two that time
// a child run alone, so that nothing else of this file competes with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-limits-'));

function headroom(...args: string[]) {
  return runCli(args);
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const service = (i: number, over: Record<string, unknown> = {}) => ({
  id: `s${i}`, arrivals: { process: 'poisson', rate_rps: 10 }, replicas: 2, service_time_ms: 50, latency_budget_ms: 200, ...over,
});
const scenarioFile = (name: string, services: unknown[], over: Record<string, unknown> = {}) =>
  write(name, JSON.stringify({ format: 'headroom.scenario/v1', name, horizon_s: 60, replications: 2, serving: { services }, ...over }));
const traceScenario = (name: string, csv: string) => {
  write(`${name}.csv`, csv);
  return scenarioFile(`${name}.json`, [service(0, { arrivals: { process: 'trace', path: `${name}.csv` } })]);
};

describe('caps bound memory and set-up (finding 3)', () => {
  it('refuses 10,000 trace services in validate, quickly, with the estimate', async () => {
    write('rows.csv', `t\n${Array.from({ length: 1000 }, (_, i) => i * 0.01).join('\n')}\n`);
    const file = scenarioFile('many.json', Array.from({ length: 10_000 }, (_, i) => service(i, { arrivals: { process: 'trace', path: 'rows.csv' } })));
    const r = await headroom('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^serving\.services: 10000 services × 2 replications need about \d+(\.\d+)? GiB; the limit is 2 GiB$/m);
    expect(r.ms).toBeLessThan(10_000);
  });

  it.concurrent('refuses 4294967296 replicas with the field and the bound, not a stack trace', async ({ expect }) => {
    const r = await headroom('validate', scenarioFile('replicas.json', [service(0, { replicas: 4294967296 })]));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('serving.services[0].replicas: must be an integer from 1 to 100000 (got 4294967296)\n');
  });

  it.concurrent('refuses replicas × concurrency the engine cannot hold, naming replicas and the estimate', async ({ expect }) => {
    const r = await headroom('validate', scenarioFile('slots.json', [service(0, { replicas: 100_000, concurrency: 10_000 })]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^serving\.services\[0\]\.replicas: 100000 replicas × 10000 concurrency need about 52\.\d GiB; the limit is 2 GiB$/m);
  });

  it('--max-wall-s covers set-up: many models and replications stop near the cap (exit 3)', async () => {
    const file = scenarioFile('setup.json', Array.from({ length: 600 }, (_, i) => service(i)), { replications: 40 });
    const r = await headroom('run', file, '--max-wall-s', '0.5', '--threads', '1', '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).truncated).toEqual({ reason: 'max_wall_s' });
    // Before, each of the 40 replications built its 600 services' models past the cap (~15 s here).
    expect(r.ms).toBeLessThan(8_000);
  }, 30_000);
});

describe.concurrent('deep JSON (finding 4)', () => {
  it('exits 2 with one message for JSON nested 10,000 deep, wherever the nesting is', async ({ expect }) => {
    const texts = ['['.repeat(10_000) + ']'.repeat(10_000), `{"format":"headroom.scenario/v1","name":"x","description":${'['.repeat(10_000)}${']'.repeat(10_000)}}`];
    for (const r of await Promise.all(texts.map((text, i) => headroom('validate', write(`deep-${i}.json`, text))))) {
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: '(json): nesting deeper than 64 levels\n' });
    }
  });
});

describe.concurrent('edge numbers are refused, never printed as Infinity or null (finding 7)', () => {
  it.for([
    ['a trace spanning 5e-324 s', () => traceScenario('tiny', '0\n5e-324\n'), /^serving\.services\[0\]\.arrivals\.path: tiny\.csv spans only 5e-324 s from first to last request; a trace must span at least 1e-9 s/m],
    ['timestamps of ±1e308', () => traceScenario('huge', '-1e308\n1e308\n'), /^serving\.services\[0\]\.arrivals\.path: huge\.csv line 1: timestamp "-1e308" is out of range \(at most 1e12 s from 1970 either way\)$/m],
    ['400-digit timestamps', () => traceScenario('digits', `1${'0'.repeat(400)}\n2${'0'.repeat(400)}\n`), /^serving\.services\[0\]\.arrivals\.path: digits\.csv line 1: timestamp "1000.*\.\.\." is out of range/m],
    ['cost_per_replica_hour 1e308', () => scenarioFile('cost.json', [service(0, { cost_per_replica_hour: 1e308 })]), /^serving\.services\[0\]\.cost_per_replica_hour: must be a number from 0 to 1e9 \(got 1e\+308\)$/m],
    ['horizon_s 1e308', () => scenarioFile('horizon.json', [service(0)], { horizon_s: 1e308 }), /^horizon_s: must be a number > 0 and ≤ 1e9 \(got 1e\+308\)$/m],
    ['rate_rps 1e308', () => scenarioFile('rate.json', [service(0, { arrivals: { process: 'poisson', rate_rps: 1e308 } })]), /^serving\.services\[0\]\.arrivals\.rate_rps: must be a number > 0 and ≤ 1e9/m],
  ] as const)('%s: validate, analyze and run exit 2', async ([_name, make, message], { expect }) => {
    const file = make();
    const commands = ['validate', 'analyze', 'run'];
    const runs = await Promise.all(commands.map((command) => headroom(command, file)));
    for (const [i, command] of commands.entries()) {
      const r = runs[i]!;
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints finite figures at the largest values allowed', async ({ expect }) => {
    const file = scenarioFile('largest.json', [service(0, { arrivals: { process: 'poisson', rate_rps: 1e9 }, replicas: 100_000, cost_per_replica_hour: 1e9 })], { horizon_s: 1e9 });
    for (const r of await Promise.all([['analyze', file, '--json'], ['analyze', file]].map((args) => headroom(...args)))) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/Infinity|NaN|null/);
    }
  });
});
