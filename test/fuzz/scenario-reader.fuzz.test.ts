// Fuzz of the scenario reader (docs/reliability.md, F1): mutations of the bundled examples
// (json-mutations.ts) go through the code `headroom validate | analyze | run` runs, in-process,
// and a fixed sample through the real CLI process. Every case must end as the CLI's exit 0
// (accepted: its analytic document holds only finite numbers) or 2 (refused: `path: message`
// issues without a stack trace); anything else thrown is exit 1, and fails the property.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobTracesFor } from '../../electron/cli/calibrate';
import { InputError, tracesFor } from '../../electron/cli/inputs';
import { applyOverrides, loadScenarioFile } from '../../electron/backend/traces/scenario-source';
import type { TraceCache } from '../../electron/backend/traces/trace-loader';
import { analyzeScenario, servingSupportIssues, type ValidationIssue } from '../../simulation';
import { arbGentleJsonCase, arbJsonCase, mutateJson } from './json-mutations';
import { describeThrown, expectAllFinite, expectFitIssues, fuzzOptions, fuzzSeed, recordTally, Tally, unfitMessage } from './outcome';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'assets/examples');
const CLI = path.join(ROOT, 'out/node/cli.cjs');
const CLI_CASES = Number(process.env.HEADROOM_FUZZ_CLI_RUNS ?? 40);

/** The bundled examples, and the cluster example reading a real Tiresias job trace (no example names one). */
function baseScenarios(): string[] {
  const names = ['risk-model-api.json', 'gpu-training-cluster.json', 'azure-llm-code-trace.json', 'nightly-retraining.json', 'llm-token-level.json'];
  const texts = names.map((n) => fs.readFileSync(path.join(EXAMPLES, n), 'utf8'));
  const cluster = JSON.parse(texts[1] as string) as { cluster: Record<string, unknown> };
  cluster.cluster.job_trace = { path: 'data/60_job.csv', format: 'tiresias', pool: 'h100_train' };
  return [...texts, JSON.stringify(cluster, null, 2)];
}

const BASES = baseScenarios();
/** Any mutation, or (one case in four) one number scaled, so that a share is accepted and analyzed. */
const arbCase = fc.record({
  base: fc.nat(BASES.length - 1),
  mutation: fc.oneof({ arbitrary: arbJsonCase, weight: 3 }, { arbitrary: arbGentleJsonCase, weight: 1 }),
});
const textOf = (c: { base: number; mutation: Parameters<typeof mutateJson>[1] }) => mutateJson(BASES[c.base] as string, c.mutation);

let dir: string;

beforeAll(() => {
  // A folder like the examples' own: the scenario beside a data/ folder of real traces (copies, not links).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-fuzz-scenario-'));
  fs.mkdirSync(path.join(dir, 'data'));
  for (const f of ['AzureLLMInferenceTrace_code.csv', 'pai-job-1-worker-steps.csv']) fs.copyFileSync(path.join(EXAMPLES, 'data', f), path.join(dir, 'data', f));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/data/tiresias/60_job.csv'), path.join(dir, 'data/60_job.csv'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Outcome = 'accepted' | 'refused' | 'refused-for-run';

/**
 * The CLI's steps for one file, short of simulating: `validate` (read, schema, traces, job
 * trace), `analyze` (the analytic document, checked finite) and `run`'s preparation (flags
 * applied and validated again, support checks). Returns how it ended; throws what the CLI would
 * report as an internal error.
 */
function readLikeTheCli(file: string, cache: TraceCache): Outcome {
  const refused = (issues: ValidationIssue[], kind: Outcome = 'refused'): Outcome => {
    expectFitIssues(issues, 'refusal');
    return kind;
  };
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return refused(loaded.errors);
  try {
    // validate and analyze refuse what the traces cannot give (a replay block longer than the trace) first.
    const read = jobTracesFor(loaded.scenario, file, tracesFor(loaded.scenario, file, cache));
    const notServed = servingSupportIssues(loaded.scenario, read);
    if (notServed.length > 0) return refused(notServed);
    const doc = analyzeScenario(loaded.scenario, { sha256: loaded.sha256 }, tracesFor(loaded.scenario, file, cache));
    expectAllFinite(doc, 'the analytic document');
    const patched = applyOverrides(loaded.raw, { replications: 1, horizon_s: 60 });
    if (!patched.ok) return refused(patched.errors, 'refused-for-run');
    const inputs = jobTracesFor(patched.scenario, file, tracesFor(patched.scenario, file, cache));
    const unsupported = servingSupportIssues(patched.scenario, inputs);
    if (unsupported.length > 0) return refused(unsupported, 'refused-for-run');
    return 'accepted';
  } catch (e) {
    if (e instanceof InputError) return refused(e.issues);
    throw e;
  }
}

describe('scenario reader fuzz (in-process, the CLI\'s own steps)', () => {
  it('every mutated example is accepted with finite figures or refused with path: message issues', () => {
    const tally = new Tally();
    const cache: TraceCache = new Map();
    const file = path.join(dir, 'case.json');
    fc.assert(fc.property(arbCase, (c) => {
      fs.writeFileSync(file, textOf(c));
      try {
        tally.add(readLikeTheCli(file, cache));
      } catch (e) {
        throw new Error(`internal error (the CLI would exit 1): ${describeThrown(e)}`);
      }
    }), fuzzOptions(20_251_202));
    recordTally('scenario reader (in-process)', tally);
    // The mutations reach both sides: most are refused, but not all (a fuzz refusing everything tests little).
    expect(tally.get('refused')).toBeGreaterThan(0);
    expect(tally.get('accepted')).toBeGreaterThan(0);
  });

  it('raw garbage bytes, truncations and a byte-order mark are refused or read, never an internal error', () => {
    const tally = new Tally();
    const file = path.join(dir, 'bytes.json');
    const arbBytes = fc.record({
      base: fc.nat(BASES.length - 1),
      cut: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)), // the largest: the whole text
      garbage: fc.uint8Array({ maxLength: 64 }),
      bom: fc.boolean(),
    });
    fc.assert(fc.property(arbBytes, ({ base, cut, garbage, bom }) => {
      const text = Buffer.from(BASES[base] as string, 'utf8');
      const at = cut === Number.MAX_SAFE_INTEGER ? text.length : cut % (text.length + 1);
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), text.subarray(0, at), Buffer.from(garbage)]);
      fs.writeFileSync(file, bytes);
      try {
        tally.add(readLikeTheCli(file, new Map()));
      } catch (e) {
        throw new Error(`internal error (the CLI would exit 1): ${describeThrown(e)}`);
      }
    }), fuzzOptions(20_251_203));
    recordTally('scenario bytes (in-process)', tally);
    expect(tally.get('refused')).toBeGreaterThan(0);
  });
});

describe('scenario reader fuzz (the real CLI process)', () => {
  it('validate, analyze --json and run --json --out exit 0, 2 or 3, without a stack trace, a non-finite number or a partial report', () => {
    expect(fs.existsSync(CLI), `${CLI} is missing: run node scripts/build-node.mjs`).toBe(true);
    // Half of them one number scaled (mostly accepted, so `run` gets to simulate edge inputs).
    const arbCliCase = fc.oneof(arbCase, fc.record({ base: fc.nat(BASES.length - 1), mutation: arbGentleJsonCase }));
    const cases = fc.sample(arbCliCase, { numRuns: CLI_CASES, seed: fuzzSeed(20_251_204) });
    const commands = [
      ['validate'],
      ['analyze', '--json'],
      ['run', '--json', '--replications', '1', '--horizon-s', '60', '--max-wall-s', '5', '--threads', '1'],
    ];
    const tally = new Tally();
    cases.forEach((c, i) => {
      const file = path.join(dir, `cli-${i}.json`);
      fs.writeFileSync(file, textOf(c));
      const args = commands[i % commands.length] as string[];
      // `run` writes a Markdown report into a folder of its own: whole after exit 0 or 3, absent after 2.
      const outDir = path.join(dir, `out-${i}`);
      fs.mkdirSync(outDir);
      const out = args[0] === 'run' ? ['--out', path.join(outDir, 'report.md')] : [];
      const r = spawnSync(process.execPath, [CLI, args[0] as string, file, ...args.slice(1), ...out], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      const where = `case ${i} (${args.join(' ')}, ${JSON.stringify(c).slice(0, 400)})`;
      expect(r.status, `${where}: exit ${r.status} ${r.signal ?? ''}\n${r.stderr.slice(0, 1000)}`).toBeOneOf([0, 2, 3]);
      expect(unfitMessage(r.stderr), where).toBeNull();
      // Outside string literals (a mutated name may say "NaN"), no NaN or Infinity token.
      expect(r.stdout.replace(/"(?:[^"\\]|\\.)*"/g, '""'), where).not.toMatch(/\b(?:NaN|Infinity)\b/);
      if (args.includes('--json') && r.status !== 2) expectAllFinite(JSON.parse(r.stdout), where);
      if (out.length > 0) {
        expect(fs.readdirSync(outDir), `${where}: what --out left`).toEqual(r.status === 2 ? [] : ['report.md']);
        if (r.status !== 2) expect(fs.readFileSync(path.join(outDir, 'report.md'), 'utf8'), where).toMatch(/\n$/);
      }
      tally.add(`exit ${r.status}`);
    });
    recordTally('scenario reader (CLI process)', tally);
    expect(tally.get('exit 0') + tally.get('exit 3')).toBeGreaterThan(0);
    expect(tally.get('exit 2')).toBeGreaterThan(0);
  });
});
