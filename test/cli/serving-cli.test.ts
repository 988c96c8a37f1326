// The serving side of the `headroom` command as users run it (the built bundle in a child
// process, real files): trace files resolved next to the scenario, bad input refused with the
// field named and exit code 2, `solve` and `sweep` with their JSON shapes. The tests run
// concurrently, their children two at a time (runCli): most are Node starting up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { runCli } from './run-cli';

const root = path.resolve(__dirname, '..', '..');
const traceExample = path.join(root, 'assets', 'examples', 'azure-llm-code-trace.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-serving-cli-'));

function headroom(...args: string[]) {
  // Run from another folder: relative trace paths must resolve against the scenario's folder.
  return runCli(args, { cwd: os.tmpdir(), env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function scenario(service: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'headroom.scenario/v1',
    name: 'serving cli',
    replications: 3,
    horizon_s: 20,
    ...top,
    serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 300 }, replicas: 8, service_time_ms: 20, latency_budget_ms: 40, ...service }] },
  });
}

const traceArrivals = (file: string) => ({ arrivals: { process: 'trace', path: file, time_column: 'TIMESTAMP' } });

describe.concurrent('bad serving input: exit 2, nothing simulated, the field named', () => {
  write('traces/empty.csv', 'TIMESTAMP\r\n');
  write('traces/bad.csv', 'TIMESTAMP,tokens\r\n2023-11-16 18:17:03.9799600,1\r\n2023-11-16 18:17:04.0319600,2\r\n2023-11-16 18:17:0x,3\r\n');
  const cases: [string, string, RegExp][] = [
    ['missing trace file', scenario(traceArrivals('traces/nope.csv')), /^serving\.services\[0\]\.arrivals\.path: cannot read traces\/nope\.csv \(.*nope\.csv\): no such file$/m],
    ['empty trace', scenario(traceArrivals('traces/empty.csv')), /^serving\.services\[0\]\.arrivals\.path: traces\/empty\.csv has no requests \(only a header\)$/m],
    ['unparseable timestamp', scenario(traceArrivals('traces/bad.csv')), /^serving\.services\[0\]\.arrivals\.path: traces\/bad\.csv line 4: cannot read "2023-11-16 18:17:0x" as a timestamp/m],
    ['rate 0', scenario({ arrivals: { process: 'poisson', rate_rps: 0 } }), /^serving\.services\[0\]\.arrivals\.rate_rps: must be a number > 0 and ≤ 1e9 \(got 0\)$/m],
    ['negative rate', scenario({ arrivals: { process: 'bursty', rate_rps: 10, burst_rate_rps: -5, burst_every_s: 60, burst_duration_s: 5 } }), /^serving\.services\[0\]\.arrivals\.burst_rate_rps: must be a number > 0 and ≤ 1e9 \(got -5\)$/m],
    ['min_replicas > max_replicas', scenario({ replicas: 4, autoscaling: { min_replicas: 6, max_replicas: 4, target_utilization: 0.6, interval_s: 10 } }), /^serving\.services\[0\]\.autoscaling\.min_replicas: must be at most max_replicas \(4, got 6\)$/m],
    ['max_batch < 1', scenario({ service_time_ms: undefined, batching: { max_batch: 0, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 1 } } }), /^serving\.services\[0\]\.batching\.max_batch: must be an integer from 1 to 10000 \(got 0\)$/m],
  ];
  for (const [name, text, message] of cases) {
    it(`${name}: validate and run exit 2 with "${message.source.slice(1, 60)}…"`, async ({ expect }) => {
      const file = write(`bad-${name.replace(/\W+/g, '-')}.json`, text);
      for (const r of await Promise.all(['validate', 'run'].map((command) => headroom(command, file)))) {
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
      }
    });
  }
});

describe.concurrent('a replay block longer than the trace', () => {
  it('validate, analyze and run exit 2, naming replay.block_s', async ({ expect }) => {
    write('traces/short.csv', 'TIMESTAMP\r\n2023-11-16 18:17:03.9799600\r\n2023-11-16 18:17:13.9799600\r\n2023-11-16 18:17:23.9799600\r\n');
    const file = write('bad-block.json', scenario({ arrivals: { process: 'trace', path: 'traces/short.csv', time_column: 'TIMESTAMP', replay: { method: 'block_bootstrap', block_s: 600 } } }));
    for (const r of await Promise.all(['validate', 'analyze', 'run'].map((command) => headroom(command, file)))) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^serving\.services\[0\]\.arrivals\.replay\.block_s: must be at most the trace's span/m);
    }
  });
});

describe.concurrent('trace arrivals', () => {
  it('the bundled Azure example validates, offers requests ÷ span, replays every request, byte-identically across threads', async ({ expect }) => {
    const [validate, analyze, one, two] = await Promise.all([
      headroom('validate', traceExample),
      headroom('analyze', traceExample, '--json'),
      headroom('run', traceExample, '--json', '--replications', '2', '--threads', '1'),
      headroom('run', traceExample, '--json', '--replications', '2', '--threads', '2'),
    ]);
    expect(validate).toMatchObject({ code: 0, stdout: 'ok\n' });
    const analytic = JSON.parse(analyze.stdout);
    expect(analytic.serving.code_completion.offered_rps).toBeCloseTo(8819 / 3435.948056, 9);
    expect(one.code).toBe(0);
    const strip = (s: string) => s.replace(/"wall_ms": \d+/, '"wall_ms": 0');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    const svc = JSON.parse(one.stdout).serving.code_completion;
    expect(svc.requests).toBe(2 * 8819);
    expect(svc.completed).toBe(2 * 8819);
    expect(svc.series.bucket_s).toBe(60);
    expect(svc.series.latency_p99_ms).toHaveLength(60);
    expect(JSON.parse(fs.readFileSync(traceExample, 'utf8')).description).toMatch(/CC BY 4\.0/);
  });
});

describe.concurrent('headroom solve', () => {
  const file = write('solve.json', scenario({ cost_per_replica_hour: 2 }, { horizon_s: 10 }));

  it('--json: the fewest replicas whose p99 upper CI bound meets the budget, with the evidence that shows it', async ({ expect }) => {
    const r = await headroom('solve', file, '--service', 'api', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 3)).toEqual(['service', 'replicas', 'evidence']);
    expect(out.service).toBe('api');
    expect(out.replications).toBe(10); // max(3, 10)
    // 300 rps × 20 ms = 6 busy slots: exactly 100% at 6, so the estimate is 7; searched up to 28.
    expect(out.estimate).toBe(7);
    expect(out.search_max).toBe(28);
    const n = out.replicas as number;
    expect(n).toBeGreaterThanOrEqual(7);
    const byCount = new Map(out.evidence.map((e: any) => [e.replicas, e]));
    const chosen = byCount.get(n) as any;
    expect(chosen.meets).toBe(true);
    expect(chosen.latency_at_slo_ms.ci95[1]).toBeLessThanOrEqual(40);
    expect(chosen.cost_per_hour).toBe(2 * n);
    if (n > 7) expect((byCount.get(n - 1) as any).meets).toBe(false);
    for (const e of out.evidence) {
      expect(Object.keys(e).slice(0, 4)).toEqual(['replicas', 'latency_at_slo_ms', 'utilization', 'meets']);
      expect(e.meets).toBe(e.latency_at_slo_ms.ci95[1] <= 40);
    }
    expect(out.evidence.map((e: any) => e.replicas)).toEqual([...out.evidence.map((e: any) => e.replicas)].sort((a: number, b: number) => a - b));
  });

  it('prints "replicas": null and exits 0 when no count up to 4 × the estimate meets the budget', async ({ expect }) => {
    const tight = write('solve-null.json', scenario({ latency_budget_ms: 19 }));
    const [r, text] = await Promise.all([
      headroom('solve', tight, '--service', 'api', '--json', '--replications', '2'),
      headroom('solve', tight, '--service', 'api', '--replications', '2'),
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.replicas).toBeNull();
    expect(out.replications).toBe(2);
    expect(out.evidence.map((e: any) => [e.replicas, e.meets])).toEqual([[7, false], [28, false]]);
    expect(out.reason).toBe('no replica count can meet it: the service time\'s own p99 (20 ms) already exceeds the 19 ms budget before any queueing');
    expect(text.stdout).toContain('No replica count from 7 to 28 meets the SLO.');
    // At 28 replicas nothing queues, yet the fixed 20 ms service time alone misses 19 ms.
    expect(text.stdout).toMatch(/At 28 replicas \(utilization 2\d\.\d%\) there is little queueing, yet the latency is 20 ms/);
  });

  it('text output: the evidence table and the answer (here the estimate itself meets a loose budget)', async ({ expect }) => {
    const loose = write('solve-loose.json', scenario({ latency_budget_ms: 500 }));
    const [r, one, two] = await Promise.all([
      headroom('solve', loose, '--service', 'api', '--replications', '3'),
      headroom('solve', loose, '--service', 'api', '--replications', '3', '--json', '--threads', '1'),
      headroom('solve', loose, '--service', 'api', '--replications', '3', '--json', '--threads', '2'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Answer: 7 replicas\.$/m);
    // Same answer and evidence whatever the thread count.
    expect(one.stdout).toBe(two.stdout);
    expect(JSON.parse(one.stdout).replicas).toBe(7);
    expect(r.stdout).toMatch(/^Replicas\s+Latency at the SLO percentile \(p99\)\s+Utilization\s+Cost per hour\s+Stable\s+Meets the SLO$/m);
    expect(r.stdout).toMatch(/^Answer: \d+ replicas\.$/m);
  });

  it('refuses an unknown service, a missing --service and an autoscaled service with exit 2', async ({ expect }) => {
    const scaled = write('solve-scaled.json', scenario({ replicas: 2, autoscaling: { min_replicas: 1, max_replicas: 9, target_utilization: 0.6, interval_s: 10 } }));
    const [unknown, noService, r] = await Promise.all([
      headroom('solve', file, '--service', 'nope'),
      headroom('solve', file),
      headroom('solve', scaled, '--service', 'api'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--service: no service "nope" in the scenario (services: api)');
    expect(noService.stderr).toContain('solve needs --service ID');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^serving\.services\[0\]: solve varies a fixed replica count/m);
  });
});

describe.concurrent('headroom sweep', () => {
  const file = write('sweep.json', scenario({}));

  it('--json: { parameter, points: [{ value, result }] } with one result document per value', async ({ expect }) => {
    const r = await headroom('sweep', file, '--set', 'serving.services[0].replicas=6:8', '--json', '--replications', '2');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // `parameters` and `points[].values` extend the document for two-parameter grids.
    expect(Object.keys(out)).toEqual(['parameter', 'parameters', 'points']);
    expect(out.parameter).toBe('serving.services[0].replicas');
    expect(out.parameters).toEqual(['serving.services[0].replicas']);
    expect(out.points.map((p: any) => p.value)).toEqual([6, 7, 8]);
    expect(out.points.map((p: any) => p.values)).toEqual([[6], [7], [8]]);
    for (const p of out.points) {
      expect(p.result.format).toBe('headroom.result/v1');
      expect(p.result.replications).toBe(2);
      expect(p.result.serving.api.analytic.utilization).toBeCloseTo(6 / p.value, 12);
    }
    expect(out.points[0].result.serving.api.stable).toBe(false); // 6 replicas: exactly 100%
    expect(out.points[2].result.serving.api.stable).toBe(true);
    // Each point is hashed as the scenario it is.
    expect(new Set(out.points.map((p: any) => p.result.scenario.sha256)).size).toBe(3);
  });

  it('sweeps a fractional step and prints a table per service', async ({ expect }) => {
    const r = await headroom('sweep', file, '--set', 'serving.services[0].arrivals.rate_rps=100:200:50', '--replications', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Service api$/m);
    expect(r.stdout.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)[0])).toEqual(['100', '150', '200']);
  });

  it('refuses a bad range, a path that does not exist and an invalid value with exit 2, nothing simulated', async ({ expect }) => {
    const [range, missing, invalid, unknown, noSet] = await Promise.all([
      headroom('sweep', file, '--set', 'serving.services[0].replicas=8:6'),
      headroom('sweep', file, '--set', 'serving.services[3].replicas=1:2'),
      headroom('sweep', file, '--set', 'serving.services[0].replicas=0:2', '--json'),
      headroom('sweep', file, '--set', 'serving.services[0].replica=1:2'),
      headroom('sweep', file),
    ]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('--set: FROM must be ≤ TO (got 8:6)');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--set: serving.services[3] does not exist (serving.services has 1 entries)');
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('serving.services[0].replicas: must be an integer from 1 to 100000 (got 0) (with serving.services[0].replicas = 0)');
    expect(unknown.stderr).toContain('serving.services[0].replica: unknown field');
    expect(noSet.stderr).toContain('sweep needs --set PATH=FROM:TO[:STEP]');
  });
});
