// An `llm` service through the built `headroom` command (real processes, real files): the host
// reads the trace's token columns (the bundled llm-token-level example, the same bytes whatever
// the thread count), a bad column is refused naming the llm field, `run` prints the token-level
// figures and the verdict in TTFT and TPOT terms, `solve` finds the fewest replicas meeting
// both SLOs, `sweep` shows TTFT and TPOT per point and judges both SLOs, `compare` pairs the
// token-level figures of two runs, and `sensitivity` varies the llm block's inputs (whole tokens
// and sequences, never the SLOs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { runCli } from './run-cli';

const root = path.resolve(__dirname, '..', '..');
const example = path.join(root, 'assets', 'examples', 'llm-token-level.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-llm-cli-'));

function headroom(...args: string[]) {
  return runCli(args, { cwd: os.tmpdir(), env: { ...process.env, HEADROOM_DATA_DIR: path.join(tmp, 'never-created') } });
}

function write(name: string, value: unknown): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** A 1e9-parameter model on one GPU: prefill 20.7 ms per 1,000 tokens, decode 2 ms at batch 1. */
const llm = (over: Record<string, unknown> = {}) => ({
  hardware: { compute_flops: 1e14, memory_bandwidth: 1e12, kv_cache_bytes: 4e9, bytes_per_param: 2 },
  model: { num_parameters: 1e9, num_layers: 16, hidden_dim: 2048, num_heads: 16, num_kv_heads: 16, max_seq_len: 4096 },
  prompt_tokens: { dist: 'lognormal', mean: 800, cv: 0.5 },
  output_tokens: { dist: 'exponential', mean: 60 },
  slo: { ttft_ms: 200, tpot_ms: 8 },
  ...over,
});

function scenario(service: Record<string, unknown>, top: Record<string, unknown> = {}) {
  return {
    format: 'headroom.scenario/v1', name: 'llm cli', seed: 5, replications: 3, horizon_s: 30, warmup_s: 5, ...top,
    serving: { services: [{ id: 'chat', arrivals: { process: 'poisson', rate_rps: 80 }, replicas: 1, latency_budget_ms: 60000, llm: llm(), ...service }] },
  };
}

describe.concurrent('llm services on the command line', () => {
  it('the token-level example: the trace\'s token columns reach the workers, byte-identically across threads', async ({ expect }) => {
    const args = ['--replications', '2', '--horizon-s', '600'];
    const [validate, one, two] = await Promise.all([
      headroom('validate', example),
      headroom('run', example, ...args, '--json', '--threads', '1'),
      headroom('run', example, ...args, '--json', '--threads', '2'),
    ]);
    expect(validate).toMatchObject({ code: 0, stdout: 'ok\n' });
    expect(one.code).toBe(0);
    const strip = (s: string) => s.replace(/"wall_ms": \d+(\.\d+)?/, '"wall_ms": 0');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    const svc = JSON.parse(one.stdout).serving.code_llm;
    // The trace's prompts average 2,048 tokens and its outputs 28: so do the completed requests' (within the sample).
    expect(svc.llm.prompt_tokens / svc.completed).toBeGreaterThan(1500);
    expect(svc.llm.prompt_tokens / svc.completed).toBeLessThan(2600);
    expect(svc.llm.output_tokens / svc.completed).toBeGreaterThan(15);
    expect(svc.llm.output_tokens / svc.completed).toBeLessThan(45);
    // The analytic block uses the columns' moments: a mean prompt's prefill (2,048 tokens, 59.4 ms per 1,000).
    expect(svc.analytic.llm.ttft_unloaded_ms).toBeGreaterThan(115);
    expect(svc.analytic.llm.ttft_unloaded_ms).toBeLessThan(130);
  });

  it('run prints TTFT, TPOT, tokens/s, utilizations and the roofline beside them, and the verdict in TTFT and TPOT terms', async ({ expect }) => {
    // The example as shipped: 4 replicas, 10 replications of the whole hour.
    const r = await headroom('run', example, '--threads', '2');
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('  Token level (llm):');
    for (const row of [
      /^ {4}TTFT, mean \(analytic: the prefill alone on a replica\) +[\d,]+ ms \[[\d,]+, [\d,]+\] +1\d\d ms$/m,
      /^ {4}TTFT p50 +[\d,.]+ ms \[/m,
      /^ {4}TTFT p99 +[\d,.]+ ms \[/m,
      /^ {4}TPOT, mean \(analytic: decoding alone, batch 1\) +[\d.]+ ms \[[\d.]+, [\d.]+\] +12\.4 ms$/m,
      /^ {4}TPOT p99 +[\d.]+ ms \[/m,
      /^ {4}TTFT SLO \(at p99\) +— +1,000 ms$/m,
      /^ {4}TPOT SLO \(at p99\) +— +50 ms$/m,
      /^ {4}SLO attainment \(TTFT and TPOT\) +[\d.]+% \[/m,
      /^ {4}Goodput \(completions meeting both SLOs\) +[\d.]+ rps \[/m,
      /^ {4}Prompt tokens per second \(prefilled\) +[\d,]+ \[/m,
      /^ {4}Output tokens per second \(analytic: the ceiling\) +[\d.]+ \[[\d.]+, [\d.]+\] +881$/m,
      /^ {4}Max sustainable rate \(roofline, compute-bound\) +— +31\.6 rps$/m,
      /^ {4}KV cache utilization +[\d.]+% \[/m,
      /^ {4}FLOP utilization \(of compute\) +[\d.]+% \[/m,
      /^ {4}Memory bandwidth utilization +[\d.]+% \[/m,
      /^ {4}Preemptions \(total, all replications\) +0$/m,
      /^ {4}Prefill of 1,000 tokens, alone +— +59\.4 ms$/m,
      /^ {4}Decode step at batch 1 +— +12\.4 ms$/m,
      /^ {4}Decode step at max_num_seqs sequences +— +28\.1 ms$/m,
      // End-to-end latency and requests/s: the request-level rows above.
      /^ {2}Latency p99 +[\d,]+ ms \[/m,
      /^ {2}Throughput +[\d.]+ rps \[/m,
    ]) expect(text).toMatch(row);
    expect(text).toMatch(/^ {2}Verdict: Missed — code_llm: TTFT p99 [\d,]+ ms \[[\d,]+, [\d,]+\] is over the 1,000 ms SLO with 95% confidence; TPOT p99 [\d.]+ ms \[[\d.]+, [\d.]+\] meets the 50 ms SLO$/m);
    expect(text).toMatch(/^ {4}Why: TTFT is mostly the wait for the batch: /m);
    expect(text).toMatch(/^ {4}What fixes it: Solve finds the fewest replicas that meet TTFT p99 ≤ 1,000 ms and TPOT p99 ≤ 50 ms with 95% confidence\.$/m);
  });

  it('a token column the trace lacks, or a cell that is not a count: exit 2, the llm field named, nothing run', async ({ expect }) => {
    write('data/t.csv', 'TIMESTAMP,ContextTokens,GeneratedTokens\n0,100,5\n1,2x,5\n2,300,7\n');
    const traced = { arrivals: { process: 'trace', path: 'data/t.csv', time_column: 'TIMESTAMP' } };
    const missing = write('missing-column.json', scenario({ ...traced, llm: llm({ prompt_tokens: { column: 'ContextTokens' }, output_tokens: { column: 'Output' } }) }));
    const bad = write('bad-cell.json', scenario({ ...traced, llm: llm({ prompt_tokens: { column: 'ContextTokens' }, output_tokens: { column: 2 } }) }));
    const results = await Promise.all([headroom('validate', missing), headroom('run', missing), headroom('validate', bad), headroom('run', bad)]);
    for (const r of results) expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(results[0]!.stderr).toMatch(/^serving\.services\[0\]\.llm\.output_tokens\.column: no column "Output" in data\/t\.csv \(line 1 has: TIMESTAMP, ContextTokens, GeneratedTokens\)$/m);
    expect(results[1]!.stderr).toBe(results[0]!.stderr);
    expect(results[2]!.stderr).toMatch(/^serving\.services\[0\]\.llm\.prompt_tokens\.column: data\/t\.csv line 3: cannot read "2x" in column "ContextTokens" as a token count \(a number from 0 to 1e9\)$/m);
  });

  it('solve: the fewest replicas meeting both TTFT and TPOT, doubling from the roofline\'s estimate', async ({ expect }) => {
    const file = write('solve.json', scenario({}));
    const [json, text] = await Promise.all([
      headroom('solve', file, '--service', 'chat', '--replications', '4', '--json', '--threads', '1'),
      headroom('solve', file, '--service', 'chat', '--replications', '4', '--threads', '1'),
    ]);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r).toMatchObject({ service: 'chat', estimate: 2, search_max: 128, replications: 4, reason: null, llm_slo: { ttft_ms: 200, ttft_percentile: 99, tpot_ms: 8, tpot_percentile: 99 } });
    const counts = r.evidence.map((c: { replicas: number }) => c.replicas);
    expect(counts.slice(0, 2)).toEqual([2, 4]);
    // The answer meets both SLOs at the upper ends of the CIs, and one fewer does not.
    const at = (n: number) => r.evidence.find((c: { replicas: number }) => c.replicas === n);
    expect(r.replicas).toBeGreaterThan(2);
    expect(at(r.replicas)).toMatchObject({ meets: true });
    expect(at(r.replicas).ttft_at_slo_ms.ci95[1]).toBeLessThanOrEqual(200);
    expect(at(r.replicas).tpot_at_slo_ms.ci95[1]).toBeLessThanOrEqual(8);
    expect(at(r.replicas - 1)).toMatchObject({ meets: false });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Service chat: the fewest replicas whose TTFT p99 ≤ 200 ms and TPOT p99 ≤ 8 ms, at the upper ends of their 95% CIs$/m);
    expect(text.stdout).toMatch(/^Replicas +TTFT at p99 +TPOT at p99 +Utilization +Cost per hour +Stable +Meets both SLOs$/m);
    expect(text.stdout).toContain(`Answer: ${r.replicas} replicas.`);
  });

  it('compare: the token-level figures of A and B as their own runs have them, B − A paired; the same scenario twice differs in nothing', async ({ expect }) => {
    const a = write('compare-a.json', scenario({}));
    const b = write('compare-b.json', scenario({ llm: llm({ scheduler: { max_num_batched_tokens: 512 } }) }));
    const [same, ab, runA, runB] = await Promise.all([
      headroom('compare', a, a, '--json', '--threads', '1'),
      headroom('compare', a, b, '--json', '--threads', '1'),
      headroom('run', a, '--json', '--threads', '1'),
      headroom('run', b, '--json', '--threads', '1'),
    ]);
    for (const r of [same, ab, runA, runB]) expect(r.code).toBe(0);
    type Fig = { path: string; a: any; b: any; diff: any; significant: boolean | null };
    const sameFigs = JSON.parse(same.stdout).figures as Fig[];
    expect(sameFigs.filter((f) => f.path.startsWith('serving.chat.llm.')).length).toBeGreaterThan(20);
    expect(sameFigs.filter((f) => f.significant)).toEqual([]);
    const doc = JSON.parse(ab.stdout);
    expect(doc).toMatchObject({ method: 'paired', pairs: 3, inputs: [{ path: 'serving.services[chat].llm.scheduler.max_num_batched_tokens', a: null, b: 512 }] });
    const figs = new Map((doc.figures as Fig[]).map((f) => [f.path, f]));
    const [ra, rb] = [JSON.parse(runA.stdout).serving.chat.llm, JSON.parse(runB.stdout).serving.chat.llm];
    for (const key of ['ttft_at_slo_ms', 'tpot_at_slo_ms', 'slo_attainment', 'goodput_rps', 'output_tokens_per_s']) {
      const f = figs.get(`serving.chat.llm.${key}`)!;
      expect([f.a, f.b]).toEqual([ra[key], rb[key]]);
      expect(f.diff.mean).toBeCloseTo(rb[key].mean - ra[key].mean, 9);
    }
  });

  it('sensitivity: the llm block\'s inputs at ±20% in whole tokens and sequences; the SLOs are targets, not inputs', async ({ expect }) => {
    const file = write('sensitivity.json', scenario({ llm: llm({ scheduler: { max_num_batched_tokens: 512, max_num_seqs: 64 } }) }));
    const r = await headroom('sensitivity', file, '--figure', 'serving.chat.llm.tpot_at_slo_ms', '--replications', '2', '--threads', '1', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    type Input = { path: string; low_value: number; high_value: number; low: any; high: any; swing: number | null };
    const inputs = new Map((doc.inputs as Input[]).map((i) => [i.path.replace('serving.services[0].', ''), i]));
    expect(inputs.get('llm.scheduler.max_num_batched_tokens')).toMatchObject({ low_value: 410, high_value: 614 });
    expect(inputs.get('llm.scheduler.max_num_seqs')).toMatchObject({ low_value: 51, high_value: 77 });
    expect(inputs.get('llm.scheduler.max_num_seqs')!.swing).not.toBeNull();
    expect([...inputs.keys()].filter((k) => k.startsWith('llm.slo') || k === 'latency_budget_ms')).toEqual([]);
    // More compute per GPU, shorter decode steps: TPOT falls.
    const flops = inputs.get('llm.hardware.compute_flops')!;
    expect(flops.high.mean).toBeLessThan(flops.low.mean);
  });

  it('sweep: TTFT and TPOT at their SLO percentiles per point, each judged on both SLOs, and the cheapest point meeting both', async ({ expect }) => {
    const file = write('sweep.json', scenario({ cost_per_replica_hour: 3 }));
    const args = ['sweep', file, '--set', 'serving.services[0].replicas=2:8:2', '--threads', '1'];
    const [json, text] = await Promise.all([headroom(...args, '--json'), headroom(...args)]);
    expect(json.code).toBe(0);
    expect(text.code).toBe(0);
    const points = JSON.parse(json.stdout).points as { values: number[]; result: any }[];
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Service chat (llm: TTFT and TPOT at their SLO percentiles)');
    expect(lines[1]).toMatch(/^serving\.services\[0\]\.replicas +TTFT at p99 +TPOT at p99 +SLO attainment +Goodput +Throughput +Output tokens\/s +Stable +Meets both SLOs$/);
    // Not the request-level columns (the budget of 60 s is no test of an llm service).
    expect(text.stdout).not.toContain('Latency at the SLO percentile');
    const rows = lines.slice(2, 2 + points.length);
    const verdicts = points.map((pt, i) => {
      const llm = pt.result.serving.chat.llm;
      const row = rows[i]!;
      expect(row).toMatch(new RegExp(`^ +${pt.values[0]} +[\\d,.]+ ms \\[[\\d,.]+, [\\d,.]+\\] +[\\d.]+ ms \\[[\\d.]+, [\\d.]+\\] +[\\d.]+% `));
      const ttftOk = llm.ttft_at_slo_ms.ci95[1] <= 200, tpotOk = llm.tpot_at_slo_ms.ci95[1] <= 8;
      expect(row.trimEnd().split(/\s+/).at(-1)).toBe(ttftOk && tpotOk ? 'yes' : 'no');
      return { replicas: pt.values[0]!, ttftOk, tpotOk };
    });
    // Some point meets TTFT but not TPOT, and is judged not to meet; some meets both.
    expect(verdicts.some((v) => v.ttftOk && !v.tpotOk)).toBe(true);
    const cheapest = verdicts.find((v) => v.ttftOk && v.tpotOk);
    expect(cheapest).toBeDefined();
    expect(text.stdout).toContain(`Cheapest point meeting TTFT p99 ≤ 200 ms and TPOT p99 ≤ 8 ms at the upper ends of their 95% CIs: serving.services[0].replicas = ${cheapest!.replicas} (${cheapest!.replicas * 3} per hour).`);
  });
});
