// No result ever contains NaN or Infinity: every number in the result document (walked before
// JSON.stringify, which would silently turn NaN into null) is finite, over scenarios chosen to
// provoke empty sets and divisions by zero: the full seed example, an unstable service, a window
// with no arrivals, a service rejecting almost everything, runs stopped by each cap or a cancel
// (flagged `truncated` with that reason), and the analytic documents of each. (A waiting line
// stopped at its memory bound: unstable.test.ts.)
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  analyzeScenario, assertFinite, MAX_TRACE_TIMESTAMP_S, mergeReplications, MIN_TRACE_SPAN_S, parseScenarioText, runReplication,
  type HostInputs, type RunControl, type Scenario,
} from '../../simulation';
import { servingScenario } from './helpers';

/** Paths of every number in `value` that is not finite (NaN, ±Infinity). Written here, apart
 *  from the engine's own nonFinitePaths, so the check does not trust the code it checks. */
export function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  }
  return [];
}

const seedText = readFileSync(new URL('../../assets/examples/risk-model-api.json', import.meta.url), 'utf8');
const parsed = parseScenarioText(seedText);
if (!parsed.ok) throw new Error('seed example does not parse');

function shortSeed(over: Partial<Scenario> = {}): Scenario {
  return { ...structuredClone(parsed.ok ? parsed.scenario : ({} as Scenario)), horizon_s: 20, warmup_s: 5, replications: 2, ...over };
}

const cases: { name: string; scenario: Scenario; control?: RunControl; inputs?: HostInputs; expectTruncated?: string }[] = [
  { name: 'the seed example, every section', scenario: shortSeed() },
  {
    name: 'an unstable service (ρ = 1.5)',
    scenario: servingScenario({ arrivals: { process: 'poisson', rate_rps: 150 } }, { horizon_s: 30, warmup_s: 10, replications: 2 }),
  },
  {
    name: 'a measured window with no arrivals',
    scenario: servingScenario({ arrivals: { process: 'poisson', rate_rps: 0.001 } }, { horizon_s: 10, warmup_s: 5, replications: 3 }),
  },
  {
    name: 'a service that rejects almost everything (queue_limit 0)',
    scenario: servingScenario({ arrivals: { process: 'poisson', rate_rps: 1000 }, queue_limit: 0, service_time_ms: 1000 }, { horizon_s: 5, replications: 2 }),
  },
  {
    name: 'zero latency components and a fixed zero-wait service',
    scenario: servingScenario({ arrivals: { process: 'poisson', rate_rps: 1 }, replicas: 4, service_time_ms: 0.001, latency_ms: { feature: 0, network: 0, postprocess: 0 } }, { horizon_s: 5, replications: 1 }),
  },
  { name: 'a run stopped by the event cap', scenario: shortSeed(), control: { maxEvents: 50 }, expectTruncated: 'max_events' },
  { name: 'a run cancelled at once', scenario: shortSeed(), control: { isCancelled: () => true }, expectTruncated: 'cancelled' },
  { name: 'a run stopped by the wall-clock cap', scenario: shortSeed(), control: wallClockCap(), expectTruncated: 'max_wall_s' },
];

/** An injected clock that advances 1 s per reading, with a 1 ms cap: stops at the first check. */
function wallClockCap(): RunControl {
  let t = 0;
  return { now: () => (t += 1000), maxWallMs: 1 };
}

describe('no NaN or Infinity anywhere in a result document', () => {
  for (const { name, scenario, control, inputs, expectTruncated } of cases) {
    it(name, () => {
      const outcomes = Array.from({ length: scenario.replications }, (_, i) => runReplication(scenario, i, control, inputs));
      const doc = mergeReplications(scenario, outcomes, { sha256: 'nan', wallMs: 1 }, inputs);
      expect(nonFinitePaths(doc)).toEqual([]);
      expect(nonFinitePaths(outcomes)).toEqual([]);
      expect(nonFinitePaths(analyzeScenario(scenario, { sha256: 'nan' }, inputs))).toEqual([]);
      expect(doc.truncated?.reason).toBe(expectTruncated);
    });
  }

  // Hardening finding 7: the largest values the schema allows, and traces at the edges of the
  // rules (the shortest span, timestamps at ±MAX_TRACE_TIMESTAMP_S), analysed and simulated.
  const edges: { name: string; scenario: Scenario; inputs?: HostInputs }[] = [
    {
      name: 'the largest rate, replicas and cost the schema allows',
      scenario: servingScenario({ arrivals: { process: 'poisson', rate_rps: 1e9 }, replicas: 100_000, cost_per_replica_hour: 1e9 }, { horizon_s: 1e9, replications: 1 }),
    },
    {
      name: 'a trace spanning the shortest span allowed (1 ns)',
      scenario: servingScenario({ arrivals: { process: 'trace', path: 't.csv' }, cost_per_replica_hour: 1e9 }, { horizon_s: 1, replications: 1 }),
      inputs: { traces: { s: [0, MIN_TRACE_SPAN_S] } },
    },
    {
      name: 'a trace spanning the whole timestamp range',
      scenario: servingScenario({ arrivals: { process: 'trace', path: 't.csv', scale: 1e6 } }, { horizon_s: 1, replications: 1 }),
      inputs: { traces: { s: [0, 2 * MAX_TRACE_TIMESTAMP_S] } },
    },
  ];
  for (const { name, scenario, inputs } of edges) {
    it(`edge: ${name}`, () => {
      expect(nonFinitePaths(analyzeScenario(scenario, { sha256: 'nan' }, inputs))).toEqual([]);
      const outcomes = [runReplication(scenario, 0, { maxEvents: 20_000 }, inputs)];
      expect(nonFinitePaths(mergeReplications(scenario, outcomes, { sha256: 'nan', wallMs: 1 }, inputs))).toEqual([]);
    });
  }

  it('assertFinite, the hosts\' last line of defence, names the path of a non-finite figure', () => {
    expect(() => assertFinite({ summary: { serving_required_replicas: Infinity } }, 'the analytic document'))
      .toThrow('the analytic document would contain a non-finite number (a bug): $.summary.serving_required_replicas = Infinity');
    expect(() => assertFinite({ a: [1, 2, { b: 3 }] }, 'x')).not.toThrow();
  });

  it('the walker finds NaN and Infinity wherever they hide', () => {
    expect(nonFinitePaths({ a: [1, { b: Number.NaN }], c: -Infinity, d: 'NaN', e: null })).toEqual(['$.a[1].b = NaN', '$.c = -Infinity']);
  });
});
