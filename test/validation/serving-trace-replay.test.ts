// Trace replay with fixed service times is deterministic, so every waiting time follows from an
// independent FCFS recursion written here (Kiefer–Wolfowitz: each request, in arrival order,
// takes the earliest-free of c servers), extended for patience (timeout_ms: a request whose
// start would come ≥ timeout after its arrival leaves and takes no server) and for a bounded
// line (queue_limit: rejected when that many earlier requests are still waiting). The arrivals
// are the real Azure LLM code trace (inter-arrival CV ≈ 13), read by the real importer. The
// engine must agree: counts exactly, mean wait to float noise, p99 wait within the histogram's
// 0.05%.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult } from '../../simulation';
import { nearestRank } from '../../simulation/stats/histogram';
import { readTraceFile } from '../../electron/backend/traces/trace-loader';
import { servingScenario } from './helpers';
import { recordCases, recordFidelity } from './fidelity-record';

const FCFS = 'Azure LLM code trace 2023 (Patel et al., Splitwise, ISCA 2024) through an FCFS recursion (Kiefer & Wolfowitz, 1955) written in the test';

const trace = readTraceFile(path.resolve(__dirname, '../../assets/examples/data/AzureLLMInferenceTrace_code.csv'), 'TIMESTAMP');

interface Expected { waits: number[]; timedOut: number; rejected: number }

/** FCFS over c identical servers with fixed service S (ms), optional patience and line bound. */
function fcfs(arrivals: Float64Array, c: number, S: number, timeout = Infinity, limit = Infinity): Expected {
  const free = new Array<number>(c).fill(0);
  const starts: number[] = []; // start times of accepted requests, non-decreasing
  let firstWaiting = 0; // index into starts of the first accepted request not started by now
  const waits: number[] = [];
  let timedOut = 0, rejected = 0;
  for (const a of arrivals) {
    let k = 0;
    for (let i = 1; i < c; i++) if (free[i]! < free[k]!) k = i;
    const start = Math.max(a, free[k]!);
    if (start > a) {
      while (firstWaiting < starts.length && starts[firstWaiting]! <= a) firstWaiting++;
      if (starts.length - firstWaiting >= limit) { rejected++; continue; }
      if (start - a >= timeout) { timedOut++; continue; }
    }
    starts.push(start);
    free[k] = start + S;
    waits.push(start - a);
  }
  return { waits, timedOut, rejected };
}

function replay(over: { replicas: number; service: number; scale: number; timeout?: number; limit?: number }): ServiceResult {
  const s = servingScenario(
    {
      arrivals: { process: 'trace', path: 'code.csv', scale: over.scale },
      replicas: over.replicas,
      service_time_ms: over.service,
      timeout_ms: over.timeout,
      queue_limit: over.limit,
    },
    { replications: 1, horizon_s: 4000 / over.scale, warmup_s: 0 },
  );
  const inputs = { traces: { s: trace } };
  return mergeReplications(s, [runReplication(s, 0, {}, inputs)], { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
}

/** The engine's arrival times: trace seconds × (1000 / scale), as the arrival clock computes them. */
const arrivalsMs = (scale: number) => trace.map((t) => t * (1000 / scale));

function check(svc: ServiceResult, want: Expected, label: string) {
  const n = want.waits.length;
  const base = { model: 'serving', source: FCFS, case: label, replications: 1 } as const;
  const counts: [number, number][] = [[svc.completed, n], [svc.timed_out, want.timedOut], [svc.rejected, want.rejected], [svc.requests, trace.length]];
  recordCases({ ...base, truth: 'trace replay: requests served, timed out, rejected, arrived', agree: counts.filter(([got, w]) => got === w).length, total: counts.length });
  expect(svc.completed).toBe(n);
  expect(svc.timed_out).toBe(want.timedOut);
  expect(svc.rejected).toBe(want.rejected);
  expect(svc.requests).toBe(trace.length);
  const mean = want.waits.reduce((x, y) => x + y, 0) / n;
  const sorted = [...want.waits].sort((x, y) => x - y);
  const p99 = sorted[nearestRank(99, n) - 1]!;
  recordFidelity({ ...base, truth: 'trace replay: mean wait', measured: svc.wait_ms.mean!.mean, expected: mean, tolerance: { abs: 1e-9 * Math.max(1, mean) } });
  recordFidelity({ ...base, truth: 'trace replay: wait p99 (HDR histogram, 0.05%)', measured: svc.wait_ms.p99!.mean, expected: p99, tolerance: { abs: 5e-4 * p99 } });
  expect(Math.abs(svc.wait_ms.mean!.mean - mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, mean));
  expect(Math.abs(svc.wait_ms.p99!.mean - p99)).toBeLessThanOrEqual(5e-4 * p99);
  return { mean, p99 };
}

describe('trace replay vs an independent FCFS recursion (Azure code trace)', () => {
  it('one server, 250 ms fixed service (ρ ≈ 0.64 on average, far more in bursts)', () => {
    const want = fcfs(arrivalsMs(1), 1, 250);
    const got = check(replay({ replicas: 1, service: 250, scale: 1 }), want, '1 server, 250 ms fixed service');
    expect(got.p99).toBeGreaterThan(5000); // the bursts queue for seconds
  });

  it('six servers, 1.4 s fixed service, trace compressed 2× (scale 2)', () => {
    const want = fcfs(arrivalsMs(2), 6, 1400);
    const got = check(replay({ replicas: 6, service: 1400, scale: 2 }), want, '6 servers, 1.4 s fixed service, trace 2× compressed');
    expect(got.mean).toBeGreaterThan(100);
  });

  it('timeout_ms: three servers, 900 ms service, 2.5 s patience: the same requests time out', () => {
    const want = fcfs(arrivalsMs(1), 3, 900, 2500);
    expect(want.timedOut).toBeGreaterThan(100);
    check(replay({ replicas: 3, service: 900, scale: 1, timeout: 2500 }), want, '3 servers, 900 ms fixed service, 2.5 s timeout');
  });

  it('queue_limit: two servers, 700 ms service, at most 20 waiting: the same requests are rejected', () => {
    const want = fcfs(arrivalsMs(1), 2, 700, Infinity, 20);
    expect(want.rejected).toBeGreaterThan(100);
    check(replay({ replicas: 2, service: 700, scale: 1, limit: 20 }), want, '2 servers, 700 ms fixed service, queue_limit 20');
  });
});
