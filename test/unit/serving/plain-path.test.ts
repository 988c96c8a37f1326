// The plain path of the service model (no batching, failures, timeouts or autoscaling) skips
// checks that cannot fire there; it must give exactly what the general path gives: the same
// events and byte-identical figures, on scenarios that cover its branches (waiting and not,
// warm-up, rejections at the queue limit, random feature delays, trace arrivals).
import { describe, expect, it } from 'vitest';
import { validateScenario, type ServiceSpec } from '../../../simulation';
import { Simulator } from '../../../simulation/engine/simulator';
import { ServiceModel } from '../../../simulation/serving/service-model';

function spec(over: Record<string, unknown>): ServiceSpec {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 'plain',
    serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 400 }, replicas: 3, concurrency: 2, service_time_ms: { dist: 'exponential', mean: 12 }, latency_budget_ms: 40, ...over }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.serving!.services[0]!;
}

function simulate(s: ServiceSpec, plainPath: boolean, extra: { trace?: number[]; warmupMs?: number } = {}) {
  const sim = new Simulator();
  const model = new ServiceModel(sim, s, { seed: 7, replication: 2, warmupMs: extra.warmupMs ?? 5_000, horizonMs: 60_000, trace: extra.trace, plainPath });
  model.start();
  sim.run(Infinity);
  return { events: sim.events, figures: JSON.stringify(model.figures()) };
}

const cases: [string, Record<string, unknown>, { trace?: number[]; warmupMs?: number }?][] = [
  ['M/M/c near saturation', {}],
  ['lognormal service, random feature, network and postprocess', {
    service_time_ms: { dist: 'lognormal', mean: 12, cv: 1.5 },
    latency_ms: { feature: { dist: 'uniform', min: 1, max: 9 }, network: { dist: 'exponential', mean: 3 }, postprocess: 2 },
  }],
  ['overloaded with a queue limit (rejections)', { arrivals: { process: 'poisson', rate_rps: 700 }, queue_limit: 5 }],
  ['bursty arrivals, fixed service, no warm-up', { arrivals: { process: 'bursty', rate_rps: 200, burst_rate_rps: 900, burst_every_s: 10, burst_duration_s: 2 }, service_time_ms: 11 }, { warmupMs: 0 }],
  ['trace arrivals', { arrivals: { process: 'trace', path: 't.csv', scale: 1 } }, { trace: Array.from({ length: 20_000 }, (_, i) => (i * 2.9) % 59.5 + i * 1e-6).sort((a, b) => a - b) }],
];

describe('serving plain path', () => {
  it.each(cases)('%s: identical to the general path', (_name, over, extra) => {
    const s = spec(over);
    const plain = simulate(s, true, extra);
    const general = simulate(s, false, extra);
    expect(plain.events).toBeGreaterThan(1000);
    expect(plain.events).toBe(general.events);
    expect(plain.figures).toBe(general.figures);
  });
});
