// The trace resampler (simulation/serving/trace-replay.ts, scenario `arrivals.replay`): each
// block of a bootstrap replay is rebuilt here from its start, drawn from a copy of the same
// stream, by filtering the trace — so block boundaries, offsets and the requests inside each
// block are checked against an independent construction — and shifted windows against a slice.
// Then determinism by seed, replications that differ, the host checks, and the engine wiring.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, validateScenario, type Scenario, type ServiceResult } from '../../../simulation';
import { deriveStream } from '../../../simulation/random/rng';
import { blockStart, replayedTimes, traceReplayIssues, traceSpanS } from '../../../simulation/serving/trace-replay';
import { readTraceFile } from '../../../electron/backend/traces/trace-loader';

const trace = readTraceFile(path.resolve(__dirname, '../../../assets/examples/data/AzureLLMInferenceTrace_code.csv'), 'TIMESTAMP');
const span = traceSpanS(trace);

/** Every time a replay clock gives until it gives Infinity. */
function drain(next: () => number): number[] {
  const out: number[] = [];
  for (let t = next(); t !== Infinity; t = next()) out.push(t);
  return out;
}

const bootstrap = (blockS: number, replication: number, untilS: number, seed = 7, times: ArrayLike<number> = trace) =>
  drain(replayedTimes(times, { method: 'block_bootstrap', block_s: blockS }, replication, deriveStream(seed, replication, 'test'), untilS));

describe('block bootstrap', () => {
  it('lays blocks end to end, each the trace requests of [u, u + block_s) shifted to k·block_s, u within the trace', () => {
    const b = 120, until = 900;
    const got = bootstrap(b, 3, until);
    const rng = deriveStream(7, 3, 'test');
    const want: number[] = [];
    const starts: number[] = [];
    for (let k = 0; k * b < until; k++) {
      const u = blockStart(rng, 0, span, b);
      starts.push(u);
      for (const t of trace) if (t >= u && t < u + b) want.push(k * b + (t - u));
    }
    expect(starts).toHaveLength(Math.ceil(until / b));
    for (const u of starts) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(span - b);
    }
    expect(new Set(starts).size).toBe(starts.length);
    expect(got).toHaveLength(want.length);
    got.forEach((t, i) => expect(Math.abs(t - want[i]!)).toBeLessThanOrEqual(1e-9));
    // Inside a block the gaps are the trace's own: block k holds times in [k·b, (k+1)·b).
    for (const t of got) expect(Math.floor(t / b)).toBeLessThan(Math.ceil(until / b));
    for (let i = 1; i < got.length; i++) expect(got[i]!).toBeGreaterThanOrEqual(got[i - 1]!);
  });

  it('is deterministic by seed and replication, and different replications (and seeds) draw different blocks', () => {
    expect(bootstrap(300, 0, 1200)).toEqual(bootstrap(300, 0, 1200));
    expect(bootstrap(300, 5, 1200)).toEqual(bootstrap(300, 5, 1200));
    const reps = [0, 1, 2, 3].map((r) => bootstrap(300, r, 1200));
    for (let i = 0; i < reps.length; i++) for (let j = i + 1; j < reps.length; j++) expect(reps[i]).not.toEqual(reps[j]);
    expect(bootstrap(300, 0, 1200, 8)).not.toEqual(bootstrap(300, 0, 1200));
  });

  it('runs past the end of the trace (blocks are drawn until the horizon) and ends even when blocks come up empty', () => {
    const long = bootstrap(600, 1, 3 * span);
    expect(long.at(-1)!).toBeGreaterThan(2 * span);
    // Two requests 10 s apart and 1 s blocks: almost every block is empty, yet the clock ends.
    const sparse = bootstrap(1, 0, 500, 7, [0, 10]);
    expect(sparse.length).toBeLessThan(10);
  });

  it('block_s = span: every block is the whole trace (bar its last instant)', () => {
    const got = bootstrap(span, 2, span);
    expect(got).toEqual(Array.from(trace.subarray(0, trace.length - 1)));
  });

  it('reads an unsorted trace as its sorted self', () => {
    const shuffled = Float64Array.from(trace).reverse();
    expect(bootstrap(200, 1, 800, 7, shuffled)).toEqual(bootstrap(200, 1, 800));
  });
});

describe('shifted windows', () => {
  it('replication r replays the trace from r·shift_s, shifted to start at 0', () => {
    const shift = 250;
    for (const r of [0, 1, 6]) {
      const got = drain(replayedTimes(trace, { method: 'shifted_windows', shift_s: shift }, r, deriveStream(1, r, 'test'), Infinity));
      expect(got).toEqual(Array.from(trace).filter((t) => t >= r * shift).map((t) => t - r * shift));
    }
  });
});

function scenario(replay: unknown, top: Record<string, unknown> = {}): Scenario {
  const parsed = validateScenario({
    format: 'headroom.scenario/v1', name: 't', seed: 3, replications: 4, horizon_s: 300, ...top,
    serving: { services: [{ id: 's', replicas: 2, service_time_ms: { dist: 'exponential', mean: 300 }, latency_budget_ms: 2000, arrivals: { process: 'trace', path: 'x.csv', replay } }] },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

describe('host checks (traceReplayIssues)', () => {
  const inputs = { traces: { s: trace } };
  it('refuses a block longer than the trace, naming block_s', () => {
    expect(traceReplayIssues(scenario({ method: 'block_bootstrap', block_s: 4000 }), inputs)).toEqual([
      { path: 'serving.services[0].arrivals.replay.block_s', message: expect.stringMatching(/^must be at most the trace's span \(3435\.95 s/) as string },
    ]);
    expect(traceReplayIssues(scenario({ method: 'block_bootstrap', block_s: span }), inputs)).toEqual([]);
  });

  it('refuses shifted windows that run off the end of the trace, naming shift_s and the largest that fits', () => {
    // 4 replications of 300 s: the last starts at 3·shift, so shift ≤ (3435.948 − 300) ÷ 3.
    expect(traceReplayIssues(scenario({ method: 'shifted_windows', shift_s: 1045 }), inputs)).toEqual([]);
    const [issue, ...rest] = traceReplayIssues(scenario({ method: 'shifted_windows', shift_s: 1046 }), inputs);
    expect(rest).toEqual([]);
    expect(issue!.path).toBe('serving.services[0].arrivals.replay.shift_s');
    expect(issue!.message).toMatch(/replication 3 would start 3138 s into the trace .* shift_s may be at most 1045\.32 s/);
    const [long] = traceReplayIssues(scenario({ method: 'shifted_windows', shift_s: 10 }, { horizon_s: 1800, replications: 1 }), { traces: { s: trace.map((t) => t / 2) } });
    expect(long!.message).toMatch(/needs horizon_s × scale = 1800 s of trace, more than its span \(1717\.97 s\)/);
  });

  it('has nothing to say about "same" or an absent replay', () => {
    expect(traceReplayIssues(scenario('same', { horizon_s: 100_000 }), inputs)).toEqual([]);
    expect(traceReplayIssues(scenario(undefined, { horizon_s: 100_000 }), inputs)).toEqual([]);
  });
});

describe('in the engine', () => {
  const inputs = { traces: { s: trace } };
  const run = (s: Scenario) => {
    const outs = Array.from({ length: s.replications }, (_, i) => runReplication(s, i, {}, inputs));
    return { outs, svc: mergeReplications(s, outs, { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult };
  };

  it('"same" written out is the default: identical results, and the result says so', () => {
    const a = run(scenario(undefined)), b = run(scenario('same'));
    expect(JSON.stringify(b.svc)).toBe(JSON.stringify(a.svc));
    expect(a.svc.trace_replay).toBe('same');
  });

  it('a bootstrap replication is the same whatever ran before it, and replications see different traffic', () => {
    const s = scenario({ method: 'block_bootstrap', block_s: 120 });
    const all = run(s);
    expect(all.svc.trace_replay).toBe('block_bootstrap');
    // Replication 2 alone (as another thread would run it) equals replication 2 of the full run.
    expect(JSON.stringify(runReplication(s, 2, {}, inputs).serving)).toBe(JSON.stringify(all.outs[2]!.serving));
    const requests = all.outs.map((o) => o.serving.s!.requests);
    expect(new Set(requests).size).toBeGreaterThan(1);
  });
});
