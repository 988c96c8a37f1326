// Arguments and results of the what-if methods (api.ts): compare two runs, sweep, solve and
// sensitivity analyses kept in the library, and the live preview behind the sliders.
import * as z from 'zod';
import type { AnalysisDocument, CompareDocument, ResultDocument } from '../../simulation';
import { MAX_SCENARIO_BYTES, MAX_SWEEP_REPLICATIONS } from './limits';
import { IdSchema, list } from './api-inputs';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const engineDocument = <T>() => z.custom<T>(isObject, { error: 'must be an object' });
const options = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object' });
const num = (message: string) => z.number({ error: message }).refine(Number.isFinite, { error: message });
const replications = z.number({ error: `must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}` })
  .int({ error: `must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}` })
  .min(1, { error: `must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}` })
  .max(MAX_SWEEP_REPLICATIONS, { error: `must be an integer from 1 to ${MAX_SWEEP_REPLICATIONS}` });
const seed = z.number({ error: 'must be an integer ≥ 0' }).int({ error: 'must be an integer ≥ 0' }).min(0, { error: 'must be an integer ≥ 0' });
/** A path into the scenario JSON, as validation messages spell it (`serving.services[0].replicas`). */
const InputPathSchema = z.string({ error: 'must be a field path such as serving.services[0].replicas' })
  .min(1, { error: 'must be a field path such as serving.services[0].replicas' })
  .max(500, { error: 'must be at most 500 characters' });

export const SweepSetSchema = options({
  path: InputPathSchema,
  from: num('must be a number'),
  to: num('must be a number'),
  step: num('must be a number > 0').refine((v) => v > 0, { error: 'must be a number > 0' }).optional(),
});

const common = {
  seed: seed.optional(),
  replications: replications.optional(),
  /** An id the caller picks, so that it can cancel the analysis (cancelAnalysis). */
  requestId: IdSchema.optional(),
};

export const AnalysisRequestSchema = z.discriminatedUnion('kind', [
  options({ kind: z.literal('sweep'), sets: list(SweepSetSchema, 1, 2, 'must be a list of one or two parameters'), ...common }),
  z.discriminatedUnion('target', [
    options({ kind: z.literal('solve'), target: z.literal('service'), id: z.string({ error: 'must be a service id' }).min(1).max(200), ...common }),
    options({
      kind: z.literal('solve'),
      target: z.literal('pool'),
      id: z.string({ error: 'must be a pool id' }).min(1).max(200),
      maxQueueDelayS: num('must be a number ≥ 0').refine((v) => v >= 0, { error: 'must be a number ≥ 0' }),
      percentile: num('must be a percentile of queueing delay').optional(),
      ...common,
    }),
  ], { error: "must say the solve's target: 'service' or 'pool'" }),
  options({
    kind: z.literal('sensitivity'),
    figure: z.string({ error: 'must be a figure path such as serving.risk_model_api.latency_ms.p99' }).min(1).max(500),
    delta: num('must be a number between 0 and 1').refine((v) => v > 0 && v < 1, { error: 'must be a number between 0 and 1' }).optional(),
    ...common,
  }),
], { error: "must be an analysis request: kind 'sweep', 'solve' or 'sensitivity'" });

export const PreviewSetSchema = options({ path: InputPathSchema, value: num('must be a number') });

export const PreviewOptionsSchema = options({
  /** The editor's text (unsaved edits included). */
  json: z.string({ error: 'must be the scenario text (a string)' }).max(MAX_SCENARIO_BYTES, { error: 'is too large' }),
  /** Values the sliders set on top of it. */
  sets: list(PreviewSetSchema, 0, 20, 'must be a list of at most 20 values'),
  requestId: IdSchema.optional(),
});

const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const AnalysisSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersionId: z.string(),
  scenarioVersion: z.number().int(),
  kind: z.enum(['sweep', 'solve', 'sensitivity']),
  title: z.string(),
  createdAt: z.string(),
  wallMs: z.number().int().min(0),
});

export const AnalysisRecordSchema = z.object({
  summary: AnalysisSummarySchema,
  document: engineDocument<AnalysisDocument>(),
});

export const AnalysisOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), analysis: AnalysisRecordSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(['invalid', 'cancelled', 'max_wall_s']), message: z.string(), errors: z.array(IssueSchema) }),
]);

export const CompareDocumentSchema = engineDocument<CompareDocument>();

export const PreviewOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: engineDocument<ResultDocument>(),
    /** What was reduced to answer fast: replications, horizon and warm-up simulated. */
    reduced: z.object({ replications: z.number().int(), horizon_s: z.number(), warmup_s: z.number() }),
    wallMs: z.number().min(0),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['invalid', 'cancelled']), message: z.string(), errors: z.array(IssueSchema) }),
]);

/** Progress of an analysis started with a request id. */
export const AnalysisProgressSchema = z.object({
  type: z.literal('analysis'),
  requestId: z.string(),
  fraction: z.number().min(0).max(1),
  label: z.string(),
});
