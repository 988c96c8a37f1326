// The sizes and magnitudes a scenario may ask for, each defined once: the schema's bounds, the
// memory estimate's limit and the trace checks read them from here, and docs/scenario-format.md
// ("Limits") lists them. Bounds sit where the engine allocates per unit (replicas, slots, nodes,
// jobs) or where a larger number would overflow a figure to Infinity.

/** JSON nested deeper than this is refused before it is parsed (the web API uses the same). */
export const MAX_JSON_DEPTH = 64;

/** Serving: replicas (and autoscaling bounds) of one service. */
export const MAX_REPLICAS = 100_000;
/** Serving: concurrent requests per replica. */
export const MAX_CONCURRENCY = 10_000;
/** Serving: requests per batch. */
export const MAX_BATCH = 10_000;
/** Cluster: units (GPUs) of one pool, or asked for by one job or task. */
export const MAX_UNITS = 10_000_000;
/** Cluster: jobs a generator creates per replication. */
export const MAX_GENERATED_JOBS = 10_000_000;
/** Cluster: steps of one job. */
export const MAX_STEPS = 1e12;
/** Pipeline: runs over all replications. */
export const MAX_PIPELINE_RUNS = 1e9;

/** Any arrival rate (requests per second). */
export const MAX_RATE_RPS = 1e9;
/** Simulated horizon, in seconds (about 31.7 years). */
export const MAX_HORIZON_S = 1e9;
/** Any cost per replica-hour or unit-hour. */
export const MAX_COST_PER_HOUR = 1e9;
/** A trace's time scale factor. */
export const MAX_TRACE_SCALE = 1e6;

/** A trace timestamp in seconds, or a date-time, must lie within ±this many seconds of 1970. */
export const MAX_TRACE_TIMESTAMP_S = 1e12;
/** The shortest span (last − first request) a trace may have, in seconds: 1 ns. */
export const MIN_TRACE_SPAN_S = 1e-9;

/** Memory the engine may need for one scenario (resource-estimate.ts): 2 GiB. */
export const MAX_ENGINE_BYTES = 2 * 1024 ** 3;

/** LLM serving (`llm`): token counts (max_seq_len, max_num_batched_tokens, block_size); kept below 2³¹ so counts fit Int32 arrays. */
export const MAX_LLM_TOKENS = 1e9;
/** LLM serving: sequences a replica runs at once (max_num_seqs). */
export const MAX_LLM_SEQS = 1_000_000;
/** LLM serving: layers, hidden dimension and heads of the model. */
export const MAX_LLM_DIM = 1_000_000;
/** LLM serving: the model's parameters. */
export const MAX_LLM_PARAMETERS = 1e15;
/** LLM serving: FLOP/s, bytes/s and KV-cache bytes of one GPU. */
export const MAX_LLM_HARDWARE = 1e21;
/** LLM serving: GPUs of one replica (tensor-parallel degree). */
export const MAX_LLM_GPUS = 100_000;
/** LLM serving: requests in the system of one service (waiting or running) before a run stops with `max_queue`. */
export const MAX_LLM_LIVE_REQUESTS = 1 << 20;
