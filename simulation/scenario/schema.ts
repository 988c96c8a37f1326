// The whole `headroom.scenario/v1` format (docs/scenario-format.md) as one zod schema.
// Objects are strict (an unknown field is an error); defaults are applied here so the engine
// only ever sees complete scenarios. Cross-field rules live in ./rules.ts.
import { z } from 'zod';
import { distSchema } from './dist-schema';
import { identifier, integer, must, nonNegative, positive, probability, text } from './fields';
import { llmSchema } from './llm-schema';
import {
  MAX_BATCH, MAX_CONCURRENCY, MAX_COST_PER_HOUR, MAX_GENERATED_JOBS, MAX_HORIZON_S, MAX_PIPELINE_RUNS,
  MAX_RATE_RPS, MAX_REPLICAS, MAX_STEPS, MAX_TRACE_SCALE, MAX_UNITS,
} from './limits';

export const SCENARIO_FORMAT = 'headroom.scenario/v1';

export const TRIGGER_RULES = [
  'all_success', 'all_failed', 'all_done', 'all_skipped', 'one_success', 'one_failed',
  'one_done', 'none_failed', 'none_failed_min_one_success', 'none_skipped', 'always',
] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, must(`one of ${values.join(', ')}`));

const gate = z.union(
  [
    z.literal(true),
    z.literal(false),
    z.strictObject({
      approval_delay_s: distSchema.default({ dist: 'fixed', value: 0 }),
      rejection_probability: probability().default(0),
    }),
  ],
  { error: 'must be true, false or {"approval_delay_s": …, "rejection_probability": …}' },
);

/** `tasks[].backoff`: the n-th retry waits d·2^(n−1) exactly, or as Airflow 2 computes it (1× to 2× that). */
export const BACKOFF_KINDS = ['exact', 'airflow'] as const;

const task = z.strictObject({
  id: identifier,
  duration_s: distSchema,
  failure_probability: probability().default(0),
  retries: integer(0).default(0),
  retry_delay_s: distSchema.default({ dist: 'fixed', value: 0 }),
  retry_exponential_backoff: z.boolean(must('true or false')).default(false),
  /** How the exponential backoff is computed (pipeline/attempts.ts): exact doubling, or Airflow's jitter. */
  backoff: oneOf(BACKOFF_KINDS).default('exact'),
  max_retry_delay_s: nonNegative().optional(),
  timeout_s: positive().optional(),
  trigger_rule: oneOf(TRIGGER_RULES).default('all_success'),
  gate: gate.default(false),
  pool: identifier.optional(),
  units: integer(1, MAX_UNITS).default(1),
});

const pipeline = z.strictObject({
  runs: integer(1, MAX_PIPELINE_RUNS).default(1000),
  run_interval_s: positive().optional(),
  tasks: z.array(task, must('an array of tasks')).min(1, must('a non-empty array of tasks')),
  edges: z
    .array(z.tuple([identifier, identifier], must('a pair [from, to] of task ids')), must('an array of [from, to] pairs'))
    .default([]),
});

const pool = z.strictObject({
  id: identifier,
  units: integer(1, MAX_UNITS),
  units_per_node: integer(1, MAX_UNITS).optional(),
  utilization_target: probability().optional(),
  allocated_units: nonNegative().optional(),
  cost_per_unit_hour: nonNegative(MAX_COST_PER_HOUR).optional(),
});

const job = z.strictObject({
  id: identifier,
  pool: identifier,
  arrival_s: nonNegative(),
  units: integer(1, MAX_UNITS),
  steps: integer(1, MAX_STEPS),
  step_time_s: distSchema,
  priority: z.number(must('a number')).default(0),
});

/** The cluster's fixed choices, exported for the editor's selects. */
export const SCHEDULER_POLICIES = ['fifo', 'sjf', 'priority', 'backfill'] as const;
export const PLACEMENTS = ['pack', 'spread'] as const;
export const STRAGGLER_MITIGATIONS = ['none', 'backup_workers', 'blacklist'] as const;
export const JOB_TRACE_FORMATS = ['tiresias', 'csv'] as const;

const cluster = z.strictObject({
  pools: z.array(pool, must('an array of pools')).min(1, must('a non-empty array of pools')),
  scheduler: z
    .strictObject({
      policy: oneOf(SCHEDULER_POLICIES).default('fifo'),
      placement: oneOf(PLACEMENTS).default('pack'),
      preemption: z.boolean(must('true or false')).default(false),
    })
    .default({ policy: 'fifo', placement: 'pack', preemption: false }),
  jobs: z.array(job, must('an array of jobs')).default([]),
  job_trace: z
    .strictObject({ path: text(1, 4096), format: oneOf(JOB_TRACE_FORMATS), pool: identifier })
    .optional(),
  job_generator: z
    .strictObject({
      count: integer(0, MAX_GENERATED_JOBS),
      pool: identifier,
      interarrival_s: distSchema,
      units: distSchema,
      steps: distSchema,
      step_time_s: distSchema,
    })
    .optional(),
  stragglers: z
    .strictObject({
      slow_node_probability: probability().default(0),
      slowdown: z.number(must('a number ≥ 1')).min(1, must('a number ≥ 1')).default(1),
      mitigation: oneOf(STRAGGLER_MITIGATIONS).default('none'),
      backup_workers: integer(1).default(1),
    })
    .default({ slow_node_probability: 0, slowdown: 1, mitigation: 'none', backup_workers: 1 }),
  communication: z
    .strictObject({ gradient_mb: nonNegative(), bandwidth_gbps: positive(), latency_ms: nonNegative().default(0) })
    .optional(),
  failures: z
    .strictObject({
      node_mtbf_s: positive(),
      repair_s: distSchema.default({ dist: 'fixed', value: 0 }),
      checkpoint_interval_s: positive().optional(),
      checkpoint_cost_s: distSchema.default({ dist: 'fixed', value: 0 }),
      restart_overhead_s: nonNegative().default(0),
    })
    .optional(),
});

// How each replication draws its arrivals from a trace (docs/scenario-format.md, `replay`).
// The object branch comes first so a bad field inside it is the error reported, not the string's.
const REPLAY_FORMS = '"same", {"method": "block_bootstrap", "block_s": …} or {"method": "shifted_windows", "shift_s": …}';
const traceReplay = z.union(
  [
    z.discriminatedUnion(
      'method',
      [
        z.strictObject({ method: z.literal('block_bootstrap'), block_s: positive() }),
        z.strictObject({ method: z.literal('shifted_windows'), shift_s: positive() }),
      ],
      { error: 'must be an object whose "method" is one of block_bootstrap, shifted_windows' },
    ),
    z.literal('same', must(REPLAY_FORMS)),
  ],
  { error: `must be ${REPLAY_FORMS}` },
);

const arrivals = z.discriminatedUnion(
  'process',
  [
    z.strictObject({ process: z.literal('poisson'), rate_rps: positive(MAX_RATE_RPS) }),
    z.strictObject({
      process: z.literal('diurnal'),
      mean_rps: positive(MAX_RATE_RPS),
      peak_to_mean: z.number(must('a number from 1 to 2')).min(1, must('a number from 1 to 2')).max(2, must('a number from 1 to 2')),
      period_s: positive(),
    }),
    z.strictObject({
      process: z.literal('bursty'),
      rate_rps: positive(MAX_RATE_RPS),
      burst_rate_rps: positive(MAX_RATE_RPS),
      burst_every_s: positive(),
      burst_duration_s: positive(),
    }),
    z.strictObject({
      process: z.literal('trace'),
      path: text(1, 4096),
      time_column: z.union([text(1, 200), integer(0)]).optional(),
      scale: positive(MAX_TRACE_SCALE).default(1),
      /** Absent: "same" (every replication replays the trace from its start). */
      replay: traceReplay.optional(),
    }),
  ],
  { error: 'must be an object whose "process" is one of poisson, diurnal, bursty, trace' },
);

const service = z.strictObject({
  id: identifier,
  arrivals,
  replicas: integer(1, MAX_REPLICAS),
  concurrency: integer(1, MAX_CONCURRENCY).default(1),
  service_time_ms: distSchema.optional(),
  latency_ms: z
    .strictObject({ feature: distSchema.optional(), network: distSchema.optional(), postprocess: distSchema.optional() })
    .default({}),
  latency_budget_ms: positive(),
  slo_percentile: z.number(must('a number > 0 and < 100')).gt(0, must('a number > 0 and < 100')).lt(100, must('a number > 0 and < 100')).default(99),
  queue_limit: integer(0).optional(),
  timeout_ms: positive().optional(),
  batching: z
    .strictObject({
      max_batch: integer(1, MAX_BATCH),
      max_wait_ms: nonNegative(),
      batch_time_ms: z.strictObject({ base: nonNegative(), per_item: nonNegative() }),
    })
    .optional(),
  autoscaling: z
    .strictObject({
      min_replicas: integer(1, MAX_REPLICAS),
      max_replicas: integer(1, MAX_REPLICAS),
      target_utilization: z.number(must('a number > 0 and ≤ 1')).gt(0, must('a number > 0 and ≤ 1')).max(1, must('a number > 0 and ≤ 1')),
      interval_s: positive(),
      cold_start_s: distSchema.default({ dist: 'fixed', value: 0 }),
      cooldown_s: nonNegative().default(0),
    })
    .optional(),
  replica_failures: z.strictObject({ mtbf_s: positive(), restart_s: distSchema }).optional(),
  cost_per_replica_hour: nonNegative(MAX_COST_PER_HOUR).optional(),
  /** Token-level LLM serving instead of service_time_ms/batching (./llm-schema.ts). */
  llm: llmSchema.optional(),
});

const serving = z.strictObject({
  services: z.array(service, must('an array of services')).min(1, must('a non-empty array of services')),
});

const readinessRow = z.strictObject({
  dimension: text(1, 200),
  score: probability(),
  technical_debt: probability().optional(),
  criticality: probability().optional(),
});

export const scenarioObjectSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, must(`"${SCENARIO_FORMAT}"`)),
  name: text(1, 200),
  description: text(0, 100_000).default(''),
  seed: integer(0, Number.MAX_SAFE_INTEGER).default(1),
  replications: integer(1, 1000).default(5),
  horizon_s: positive(MAX_HORIZON_S).default(3600),
  warmup_s: nonNegative().default(0),
  pipeline: pipeline.optional(),
  cluster: cluster.optional(),
  serving: serving.optional(),
  readiness: z.array(readinessRow, must('an array of readiness rows')).optional(),
});

export type Scenario = z.output<typeof scenarioObjectSchema>;
export type ScenarioInput = z.input<typeof scenarioObjectSchema>;
export type PipelineSpec = NonNullable<Scenario['pipeline']>;
export type TaskSpec = PipelineSpec['tasks'][number];
export type ClusterSpec = NonNullable<Scenario['cluster']>;
export type PoolSpec = ClusterSpec['pools'][number];
export type JobSpec = ClusterSpec['jobs'][number];
export type ServingSpec = NonNullable<Scenario['serving']>;
export type ServiceSpec = ServingSpec['services'][number];
export type ArrivalSpec = ServiceSpec['arrivals'];
export type { LlmSpec } from './llm-schema';
export type ReadinessRow = NonNullable<Scenario['readiness']>[number];
export type Section = 'pipeline' | 'cluster' | 'serving';
export const SECTIONS: readonly Section[] = ['pipeline', 'cluster', 'serving'];
