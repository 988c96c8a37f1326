// What the runs list says about a run in words: the verdict's badge word, and the entry's
// accessible name (status and inputs first, then label, verdict and changes).
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../electron/common/contract';
import { describeRun, headlineParts } from '../../../renderer/library/run-text';

const run: RunSummary = {
  id: 'r1', scenarioId: 's1', scenarioVersionId: 'v3', scenarioVersion: 3, scenarioName: 'Risk', status: 'done', seed: 1,
  replications: 5, engineVersion: '0.2.0', createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:05.000Z',
  wallMs: 4400, error: null, replicationsStored: 5, label: null, headline: null, changes: ['first run'],
};

describe('headlineParts', () => {
  it('takes the verdict’s own word as the badge, else the tone’s', () => {
    expect(headlineParts({ tone: 'bad', text: 'Unstable — api: 8 replicas run at 100%' })).toEqual({ tone: 'bad', word: 'Unstable', text: 'api: 8 replicas run at 100%' });
    expect(headlineParts({ tone: 'good', text: 'p99 120 ms within the budget' })).toEqual({ tone: 'good', word: 'Met', text: 'p99 120 ms within the budget' });
    expect(headlineParts({ tone: 'warn', text: 'close to the budget' }).word).toBe('At risk');
  });
});

describe('describeRun', () => {
  it('keeps the status and inputs first, then adds the label, the verdict and the changes', () => {
    expect(describeRun(run)).toMatch(/^Run done, version 3, seed 1, 5 replications, .*, wall time .*; changes: first run$/);
    const full = describeRun({ ...run, label: 'ten replicas', headline: { tone: 'bad', text: 'Missed — api: p99 470 ms' }, changes: ['replicas 8 → 10', 'seed 1 → 2'] });
    expect(full).toMatch(/; label “ten replicas”; Missed: api: p99 470 ms; changes: replicas 8 → 10, seed 1 → 2$/);
  });
});
