// Attempts, retries, backoff, timeouts and gates, on fixed durations and probabilities 0 and 1 so
// every time is exact. Each case runs through both models (helpers.traceOnce).
import { describe, expect, it } from 'vitest';
import { pipelineScenario, traceOnce } from './helpers';

const one = (task: Record<string, unknown>) => traceOnce(pipelineScenario([{ id: 't', duration_s: 5, ...task }])).get('t')!;

describe('attempts and retries', () => {
  it('a failing task with retries makes retries + 1 attempts, waiting retry_delay_s between them', () => {
    expect(one({ failure_probability: 1, retries: 2, retry_delay_s: 10 })).toMatchObject({ state: 'failed', attempts: 3, finish_s: 5 + 10 + 5 + 10 + 5 });
  });

  it('exponential backoff: the n-th retry waits retry_delay_s × 2^(n−1), capped by max_retry_delay_s', () => {
    expect(one({ failure_probability: 1, retries: 3, retry_delay_s: 10, retry_exponential_backoff: true }))
      .toMatchObject({ attempts: 4, finish_s: 5 + 10 + 5 + 20 + 5 + 40 + 5 });
    expect(one({ failure_probability: 1, retries: 3, retry_delay_s: 10, retry_exponential_backoff: true, max_retry_delay_s: 25 }))
      .toMatchObject({ attempts: 4, finish_s: 5 + 10 + 5 + 20 + 5 + 25 + 5 });
  });

  it('max_retry_delay_s caps the backoff only (as in Airflow)', () => {
    expect(one({ failure_probability: 1, retries: 1, retry_delay_s: 50, max_retry_delay_s: 10 })).toMatchObject({ finish_s: 5 + 50 + 5 });
  });

  it('a succeeding task makes one attempt whatever its retries', () => {
    expect(one({ retries: 5, retry_delay_s: 100 })).toMatchObject({ state: 'success', attempts: 1, finish_s: 5 });
  });

  it('a retry that succeeds ends the task in success (draws of p = 0.5 over many runs)', async () => {
    const { tracePipelineRuns } = await import('../../../simulation/pipeline/trace');
    const s = pipelineScenario([{ id: 't', duration_s: 5, failure_probability: 0.5, retries: 1, retry_delay_s: 1 }]);
    const runs = tracePipelineRuns(s.pipeline!, { seed: 3, runs: 200 });
    const kinds = new Set(runs.map((r) => `${r.tasks[0]!.state}/${r.tasks[0]!.attempts}/${r.tasks[0]!.finish_s}`));
    expect(kinds).toEqual(new Set(['success/1/5', 'success/2/11', 'failed/2/11']));
  });
});

describe('timeouts', () => {
  it('an attempt still running at timeout_s fails then, and may be retried', () => {
    expect(one({ duration_s: 100, timeout_s: 30, retries: 1, retry_delay_s: 5 })).toMatchObject({ state: 'failed', attempts: 2, finish_s: 30 + 5 + 30 });
  });

  it('a failing attempt fails at the end of its duration or at timeout_s, whichever is sooner', () => {
    expect(one({ duration_s: 20, timeout_s: 30, failure_probability: 1 })).toMatchObject({ state: 'failed', finish_s: 20 });
    expect(one({ duration_s: 40, timeout_s: 30, failure_probability: 1 })).toMatchObject({ state: 'failed', finish_s: 30 });
  });

  it('an attempt ending exactly at timeout_s succeeds', () => {
    expect(one({ duration_s: 30, timeout_s: 30 })).toMatchObject({ state: 'success', finish_s: 30 });
  });
});

describe('governance gates', () => {
  it('gate: true passes at once', () => {
    expect(one({ gate: true })).toMatchObject({ state: 'success', finish_s: 5, attempts: 1 });
  });

  it('the approval delay comes before the first attempt, once', () => {
    expect(one({ gate: { approval_delay_s: 50 }, failure_probability: 1, retries: 1, retry_delay_s: 10 }))
      .toMatchObject({ state: 'failed', attempts: 2, finish_s: 50 + 5 + 10 + 5 });
  });

  it('a rejection fails the task at the end of the approval delay, without any attempt or retry', () => {
    expect(one({ gate: { approval_delay_s: 50, rejection_probability: 1 }, retries: 3 })).toMatchObject({ state: 'failed', attempts: 0, finish_s: 50 });
  });

  it('a rejected gate propagates like a failure', () => {
    const run = traceOnce(pipelineScenario(
      [{ id: 'approve', duration_s: 1, gate: { approval_delay_s: 0, rejection_probability: 1 } }, { id: 'deploy', duration_s: 1 }, { id: 'notify', duration_s: 1, trigger_rule: 'one_failed' }],
      [['approve', 'deploy'], ['approve', 'notify']],
    ));
    expect(run.get('approve')).toMatchObject({ state: 'failed', finish_s: 0, attempts: 0 });
    expect(run.get('deploy')).toMatchObject({ state: 'upstream_failed', finish_s: 0 });
    expect(run.get('notify')).toMatchObject({ state: 'success', trigger_s: 0, finish_s: 1 });
  });
});
