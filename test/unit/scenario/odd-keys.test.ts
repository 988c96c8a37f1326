// Unknown fields whose names are blank, empty or hold dots or quotes are named readably (found
// by test/fuzz/scenario-reader.fuzz.test.ts: a field named " " was reported at path " ").
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../simulation';

const base = { format: 'headroom.scenario/v1', name: 'x', serving: { services: [{ id: 's', arrivals: { process: 'poisson', rate_rps: 1 }, replicas: 1, service_time_ms: 10, latency_budget_ms: 100 }] } };

function pathsOf(extra: Record<string, unknown>, where: 'root' | 'service'): string[] {
  const s = structuredClone(base) as Record<string, unknown> & typeof base;
  Object.assign(where === 'root' ? s : (s.serving.services[0] as object), extra);
  const r = parseScenarioText(JSON.stringify(s));
  return r.ok ? [] : r.errors.map((e) => e.path);
}

describe('paths of odd unknown fields', () => {
  it('quotes a blank, empty, dotted or quoted key; plain keys stay bare', () => {
    expect(parseScenarioText(JSON.stringify(base)).ok).toBe(true);
    expect(pathsOf({ ' ': 1 }, 'root')).toEqual(['[" "]']);
    expect(pathsOf({ '': 1 }, 'service')).toEqual(['serving.services[0][""]']);
    expect(pathsOf({ 'a.b': 1, 'say "hi"': 2 }, 'service')).toEqual(['serving.services[0]["a.b"]', 'serving.services[0]["say \\"hi\\""]']);
    expect(pathsOf({ extra_field: 1 }, 'service')).toEqual(['serving.services[0].extra_field']);
  });
});
