// The reports of an `llm` service (electron/backend/report): the verdict and the headline in TTFT
// and TPOT terms, a token-level table (TTFT, TPOT, the SLOs, goodput, tokens/s, utilizations and
// the roofline's times) before the request-level one in the HTML report and the memo, no Erlang C
// columns, and every token-level figure in the CSV. A request-level service's report is unchanged
// (the golden documents hold that).
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/backend/report';
import { llmBlock, llmScenario } from '../../validation/llm-helpers';
import { run } from './fixtures';

const s = llmScenario(
  llmBlock({ prompt_tokens: { dist: 'lognormal', mean: 800, cv: 0.5 }, output_tokens: { dist: 'exponential', mean: 60 }, slo: { ttft_ms: 200, tpot_ms: 8 } }),
  { id: 'chat', arrivals: { process: 'poisson', rate_rps: 80 }, replicas: 2, cost_per_replica_hour: 3 },
  { replications: 3, horizon_s: 30, warmup_s: 5, seed: 5 },
);
// The raw scenario, as a report is given it (the parsed one carries the defaults, which read the same).
const raw = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
const doc = run(raw);

describe('reports of an llm service', () => {
  it('HTML: verdict in TTFT and TPOT terms, headline, the token-level table first, no Erlang C', () => {
    const html = renderReport('html', doc, raw);
    // Decodes wait behind 2,048-token prefill chunks (about 42 ms each): TPOT p99 misses 8 ms whatever TTFT does.
    expect(html).toMatch(/<span class="verdict-status">Missed<\/span> <span class="verdict-layer">Serving<\/span> <strong>chat<\/strong> <span class="verdict-cost">Cost 6 per hour<\/span>/);
    expect(html).toMatch(/<p class="verdict-headline">[^<]*TTFT p99 [\d,.]+ ms \[[\d,.]+, [\d,.]+\][^<;]*; TPOT p99 [\d.]+ ms \[[\d.]+, [\d.]+\] is over the 8 ms SLO with 95% confidence\.<\/p>/);
    expect(html).toContain('<li>Decodes share iterations with prefill chunks of up to 2,048 tokens (max_num_batched_tokens), and such a chunk takes about 42.3 ms of compute: a decode in that iteration waits for it.</li>');
    expect(html).toMatch(/<p class="headline[^"]*">chat: TTFT p99 [\d,.]+ ms \[[^\]]+\] against a 200 ms SLO[^;]*; TPOT p99 [\d.]+ ms \[[^\]]+\] against a 8 ms SLO/);
    expect(html).toMatch(/The roofline says a replica sustains [\d.]+ rps \((compute|memory)-bound; [\d.]+ rps in all/);
    const token = html.indexOf('<h3>Token level: TTFT, TPOT and the roofline</h3>');
    const request = html.indexOf('<h3>Request level: analytic beside simulated</h3>');
    expect(token).toBeGreaterThan(0);
    expect(request).toBeGreaterThan(token);
    for (const label of ['TTFT p99', 'TPOT p99', 'TTFT SLO (at p99)', 'Goodput (completions meeting both SLOs)', 'Prompt tokens per second (prefilled)', 'KV cache utilization',
      'FLOP utilization (of compute)', 'Memory bandwidth utilization', 'Preemptions (total, all replications)', 'Prefill of 1,000 tokens, alone', 'Decode step at batch 1', 'Decode step at max_num_seqs sequences']) {
      expect(html.slice(token, request)).toContain(`<th scope="row">${label}</th>`);
    }
    // The token-level rows are not repeated in the request-level table.
    expect(html.slice(request)).not.toContain('TTFT p99');
    expect(html).toContain('<th class="num" scope="col">Offered ÷ roofline ceiling</th>');
    expect(html.slice(0, html.indexOf('<footer>'))).not.toContain('Erlang C');
    expect(html).toContain('computed from the scenario’s means (for an LLM service, the roofline of its model and GPUs);');
  });

  it('memo: the verdict, then the token-level table before the request-level one', () => {
    const md = renderMarkdown();
    expect(md).toMatch(/^- \*\*Missed\*\* · Serving chat: .*TTFT p99 .*; TPOT p99 [\d.]+ ms \[[\d.]+, [\d.]+\] is over the 8 ms SLO with 95% confidence\. Cost 6 per hour\.$/m);
    expect(md).toMatch(/^ {2}- What fixes it: A smaller max\\_num\\_batched\\_tokens \(now 2,048\) cuts prefills into shorter chunks/m);
    const token = md.indexOf('**Token level**');
    const request = md.indexOf('**Request level**');
    expect(token).toBeGreaterThan(md.indexOf('## Serving: chat'));
    expect(request).toBeGreaterThan(token);
    expect(md.slice(token, request)).toMatch(/^\| TPOT p99 \| [\d.]+ ms \[[\d.]+, [\d.]+\] \| — \|$/m);
    expect(md.slice(token, request)).toMatch(/^\| Decode step at batch 1 \| — \| 2\.\d+ ms \|$/m);
  });

  it('CSV: every token-level figure, under the service', () => {
    const csv = renderReport('csv', doc, raw);
    for (const metric of ['llm.ttft_ms.p99', 'llm.tpot_ms.p90', 'llm.slo.ttft_ms', 'llm.ttft_at_slo_ms', 'llm.goodput_rps', 'llm.recomputed_tokens', 'analytic.llm.kv_cache_tokens', 'analytic.llm.weight_bytes']) {
      expect(csv).toMatch(new RegExp(`^serving,chat,${metric.replace(/\./g, '\\.')},`, 'm'));
    }
  });
});

function renderMarkdown(): string {
  return renderReport('md', doc, raw);
}
