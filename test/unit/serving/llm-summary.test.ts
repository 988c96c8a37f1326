// The seed article's summary for an `llm` first service (simulation/analytic/summary.ts): the
// roofline's rows beside the serving ones, the same numbers as the service's own analytic block,
// and, when the lengths are a trace's columns the caller has not read, only what needs no lengths.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticSummary } from '../../../simulation/analytic/summary';
import { parseScenarioText } from '../../../simulation/scenario/validate';
import { llmAnalytic } from '../../../simulation/serving/llm/llm-analytic';
import { tokenMoments } from '../../../simulation/serving/llm/token-lengths';
import { withRunServingFigures } from '../../../renderer/results/summary-rows';

const text = fs.readFileSync(path.resolve(__dirname, '../../../assets/examples/llm-token-level.json'), 'utf8');

function scenario(lengths?: 'dists') {
  const raw = JSON.parse(text);
  const svc = raw.serving.services[0];
  if (lengths === 'dists') {
    svc.arrivals = { process: 'poisson', rate_rps: 3 };
    svc.llm.prompt_tokens = { dist: 'lognormal', mean: 2048, cv: 1.2 };
    svc.llm.output_tokens = { dist: 'lognormal', mean: 28, cv: 1.5 };
  }
  const r = parseScenarioText(JSON.stringify(raw));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('the analytic summary of an llm service', () => {
  it('lists the roofline: a 1,000-token prefill, decode steps at batch 1 and at max_num_seqs, the max sustainable rate', () => {
    const s = scenario('dists');
    const svc = s.serving!.services[0]!;
    const a = llmAnalytic(svc.llm!, svc.replicas, tokenMoments(svc.llm!)!);
    const summary = analyticSummary(s);
    expect(summary).toMatchObject({
      serving_llm_prefill_ms_per_1k_tokens: a.prefill_ms_per_1k_tokens,
      serving_llm_decode_ms_per_token_batch_1: a.decode_ms_per_token_batch_1,
      serving_llm_decode_ms_per_token_at_max_num_seqs: a.decode_ms_per_token_at_max_num_seqs,
      serving_llm_max_sustainable_rps: 4 * a.per_replica_max_rps,
    });
    // The example's story: "by the roofline a 1,000-token prefill takes 59 ms".
    expect(summary.serving_llm_prefill_ms_per_1k_tokens).toBeCloseTo(59.38, 2);
    expect(summary.serving_required_replicas).toBe(Math.ceil(3 / a.per_replica_max_rps));
    expect(Object.keys(summary)).toEqual([
      'serving_required_replicas', 'serving_total_latency_ms', 'serving_latency_margin_ms', 'serving_llm_prefill_ms_per_1k_tokens',
      'serving_llm_decode_ms_per_token_batch_1', 'serving_llm_decode_ms_per_token_at_max_num_seqs', 'serving_llm_max_sustainable_rps',
    ]);
  });

  it('leaves out, rather than NaN, what needs a trace the caller did not read', () => {
    const summary = analyticSummary(scenario());
    expect(summary).toEqual({ serving_llm_prefill_ms_per_1k_tokens: expect.closeTo(59.38, 2) });
  });

  it('in the app, takes what it could not compute from the selected run, in the catalogue’s order', () => {
    const own = analyticSummary(scenario());
    const run = { serving_required_replicas: 1, serving_total_latency_ms: 487, serving_latency_margin_ms: 4513, serving_llm_prefill_ms_per_1k_tokens: 1, serving_llm_max_sustainable_rps: 31.6, pipeline_reliability: 0.5 };
    const merged = withRunServingFigures(own, run);
    expect(merged).toEqual({
      serving_required_replicas: 1, serving_total_latency_ms: 487, serving_latency_margin_ms: 4513,
      serving_llm_prefill_ms_per_1k_tokens: own.serving_llm_prefill_ms_per_1k_tokens, serving_llm_max_sustainable_rps: 31.6,
    });
    expect(Object.keys(merged)).toEqual(['serving_required_replicas', 'serving_total_latency_ms', 'serving_latency_margin_ms', 'serving_llm_prefill_ms_per_1k_tokens', 'serving_llm_max_sustainable_rps']);
    expect(withRunServingFigures(own, undefined)).toBe(own);
  });
});
