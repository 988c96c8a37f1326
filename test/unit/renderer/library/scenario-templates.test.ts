// The New scenario templates: one per layer, each validates as the CLI validates, sets no field
// that is ignored, and runs as it is to a result of its layer.
import { describe, expect, it } from 'vitest';
import { ignoredFields, mergeReplications, parseScenarioText, runReplication } from '../../../../simulation';
import { SCENARIO_TEMPLATES } from '../../../../renderer/library/scenario-templates';

describe('scenario templates', () => {
  it('one per layer and a blank one, serving first (what File → New Scenario makes)', () => {
    expect(SCENARIO_TEMPLATES.map((t) => t.id)).toEqual(['serving', 'cluster', 'pipeline', 'blank']);
  });

  it.each(SCENARIO_TEMPLATES.map((t) => [t.id, t] as const))('%s: validates, ignores nothing, and runs to a result of its layer', (id, t) => {
    const parsed = parseScenarioText(t.text);
    expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    const s = parsed.scenario;
    expect(ignoredFields(s)).toEqual([]);
    if (id !== 'blank') expect(s.description?.length ?? 0).toBeGreaterThan(80);
    const doc = mergeReplications(s, Array.from({ length: s.replications }, (_, i) => runReplication(s, i)), { sha256: 'x', wallMs: 0 });
    const layers = { serving: doc.serving, cluster: doc.cluster, pipeline: doc.pipeline };
    expect(Object.entries(layers).filter(([, v]) => v != null).map(([k]) => k)).toEqual([id === 'blank' ? 'pipeline' : id]);
  });
});
