// One verdict per layer, in words and a tone, judged on the SLO percentile with its 95% CI
// (never on a mean). The app opens every run on these; the runs list keeps the headline.
// Serving: ./verdict-serving.ts (an `llm` service: ./verdict-llm.ts, in TTFT and TPOT terms); cluster: ./verdict-cluster.ts; pipeline: ./verdict-pipeline.ts.
import type { ResultDocument } from '../result/types';
import type { Scenario } from '../scenario/schema';
import type { SolveResult } from '../serving/solve';
import { isSimulatedService } from './figures-serving';
import { EN_US, type NumberText } from './numbers';
import { clusterVerdict } from './verdict-cluster';
import { llmVerdict } from './verdict-llm';
import { pipelineVerdict } from './verdict-pipeline';
import { servingVerdict } from './verdict-serving';
import { verdictText } from './verdict-text';

export type VerdictTone = 'good' | 'warn' | 'bad';

export interface Verdict {
  layer: 'serving' | 'cluster' | 'pipeline';
  /** The service, pool or pipeline the verdict is about. */
  subject: string;
  tone: VerdictTone;
  /**
   * The verdict in a word or two, so that the tone is never told by colour alone: Met, Missed,
   * Undecided, Unstable, No data; Over target, Within target, Jobs wait, Work lost; Reliable,
   * Some runs fail, Fails often.
   */
  status: string;
  /** One sentence: the verdict and its headline figure. */
  headline: string;
  /** Why, in the same reasoning as `solve` (saturation, queueing, or fixed components). */
  why: string[];
  /** What would fix it (empty when nothing needs fixing). */
  fix: string[];
  /** Cost per hour beside the verdict, when the scenario gives a cost. */
  costPerHour: number | null;
}

/** The short line a runs list shows for a run. */
export interface Headline {
  tone: VerdictTone;
  text: string;
}

export interface VerdictOptions {
  /** A solve of one of the services: its answer becomes that service's fix line. */
  solve?: SolveResult;
  /** The numbers' spelling (default en-US, as the CLI and the runs list). */
  numbers?: NumberText;
  /** How an id or field name is written into a sentence (the Markdown memo escapes it); as it is by default. */
  idText?: (id: string) => string;
}

/**
 * The verdicts of a run, serving (one per simulated service), cluster, pipeline. `scenario` is the
 * one that was run (budgets, percentiles, costs, distributions); a service the scenario does not
 * name, and an analytic-only document, give no verdict.
 */
export function verdictsOf(result: ResultDocument, scenario: Scenario, options: VerdictOptions = {}): Verdict[] {
  const x = verdictText(options.numbers ?? EN_US, options.idText);
  const out: Verdict[] = [];
  for (const [id, svc] of Object.entries(result.serving ?? {})) {
    const spec = scenario.serving?.services.find((s) => s.id === id);
    // An `llm` service is judged on its TTFT and TPOT SLOs (./verdict-llm.ts), any other on its latency budget.
    if (spec && isSimulatedService(svc)) out.push(spec.llm ? llmVerdict(result, id, svc, spec, x, options.solve) : servingVerdict(result, id, svc, spec, x, options.solve));
  }
  const pipelineHolds = scenario.pipeline?.tasks.some((t) => t.pool !== undefined) ?? false;
  const cluster = scenario.cluster ? clusterVerdict(result, scenario.cluster, x, pipelineHolds) : null;
  if (cluster) out.push(cluster);
  const pipeline = scenario.pipeline ? pipelineVerdict(result, scenario.pipeline, x) : null;
  if (pipeline) out.push(pipeline);
  return out;
}

const SEVERITY: Record<VerdictTone, number> = { good: 0, warn: 1, bad: 2 };

/** The verdict a list shows for a whole run: the first of the worst tone (serving first). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict | null {
  let worst: Verdict | null = null;
  for (const v of verdicts) if (!worst || SEVERITY[v.tone] > SEVERITY[worst.tone]) worst = v;
  return worst;
}

/** "Missed — risk_model_api: p99 470 ms [462, 478] is over the 200 ms budget with 95% confidence". */
export function verdictLine(v: Verdict): string {
  return `${v.status} — ${v.subject}: ${v.headline}`;
}

export function runHeadline(result: ResultDocument, scenario: Scenario): Headline | null {
  const worst = worstVerdict(verdictsOf(result, scenario));
  return worst ? { tone: worst.tone, text: verdictLine(worst) } : null;
}
