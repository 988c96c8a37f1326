// The public API of the engine: everything the backend, workers, CLI and renderer may use.
export { parseScenarioText, validateScenario, formatIssues } from './scenario/validate';
export type { ParseResult, ValidationIssue } from './scenario/validate';
export { canonicalJson } from './scenario/canonical-json';
export { ignoredFields } from './scenario/ignored-fields';
export type { IgnoredField, IgnoredFieldsOptions } from './scenario/ignored-fields';
export { jsonDepth, jsonDepthIssue } from './scenario/json-depth';
export { showBound } from './scenario/fields';
export { estimateResources, formatBytes, resourceIssues } from './scenario/resource-estimate';
export type { ResourceEstimate } from './scenario/resource-estimate';
export { MAX_JSON_DEPTH, MAX_ENGINE_BYTES, MAX_TRACE_TIMESTAMP_S, MIN_TRACE_SPAN_S } from './scenario/limits';
export type { Scenario, ScenarioInput, ServiceSpec, Section } from './scenario/schema';
export type { Dist } from './scenario/dist-schema';
export { analyticSummary } from './analytic/summary';
export { runReplication } from './run/replication';
export type { ReplicationOutcome } from './run/replication';
export { mergeReplications } from './run/merge';
export { analyzeScenario } from './run/analyze';
export { servingSupportIssues } from './serving/support';
export { traceReplayMethod, type TraceReplayMethod } from './serving/trace-replay';
export type { ServiceReplication } from './serving/figures';
export type { RunControl, HostInputs, StopReason, TraceTokenColumns } from './run/types';
export { RESULT_FORMAT } from './result/types';
export { assertFinite, nonFinitePaths } from './result/finite';
export type { ResultDocument, ServiceResult, AnalyticOnlyService, Stat, MaybeStat, Summary } from './result/types';
export { ENGINE_VERSION } from './version';
// Cluster model (issue 5): trace parsing for the host, straggler calibration, support checks.
export { CsvError, forEachCsvRecord, headerIndex, parseCsv, type CsvRecord } from './csv/reader';
export { parseJobTrace } from './cluster/job-trace';
export type { TraceIssue, TracePool } from './cluster/job-trace';
export { JOB_TRACE_KEY } from './cluster/types';
export type { JobInput, ClusterReplication } from './cluster/types';
export { clusterSupportIssues } from './cluster/run';
export { fitStragglers, parseWorkerSteps, measuredSyncSlowdown } from './cluster/calibrate';
export type { StragglerFit } from './cluster/calibrate';
export type { ClusterResult } from './cluster/merge';
export { ClusterModel } from './cluster/cluster-model';
export type { ClusterOptions, HoldRequest } from './cluster/cluster-model';
export { checkpointSweep } from './cluster/checkpoint-sweep';
export type { CheckpointSweep } from './cluster/checkpoint-sweep';
// Pipeline model (issue 6): WfCommons import for the host, single-run traces, result types.
export { importWfCommons } from './pipeline/wfcommons';
export type { WfImportOptions, WfImportResult } from './pipeline/wfcommons';
export { tracePipelineRuns } from './pipeline/trace';
export type { RunTrace, TaskRunRecord } from './pipeline/trace';
export type { PipelineSimulated, PipelineTaskResult, PipelineReplication } from './pipeline/types';
export type { PipelineSampleRun, PipelineSampleTask, PipelineTaskSegment } from './result/pipeline';
// Result types (simulation/result/, a leaf) and the helpers the host needs around them.
export type { AllocationShares, CheckpointAnalytic, ClusterAnalytic, JobAnalytic, OccupancyGrid, PoolAnalytic, PoolSeries, QuantileStat } from './result/cluster';
export type { ServiceAnalytic } from './result/types';
export { aggregateAnalyticJobs, type AnalyticJobsAggregate } from './analytic/cluster';
export { formatPath } from './scenario/rules';
export { scenarioJsonSchema } from './scenario/json-schema';
export { BACKOFF_KINDS, JOB_TRACE_FORMATS, PLACEMENTS, SCHEDULER_POLICIES, STRAGGLER_MITIGATIONS, TRIGGER_RULES } from './scenario/schema';
export { MAX_STEPS } from './scenario/limits';
export { IDENTIFIER_MAX, IDENTIFIER_PATTERN } from './scenario/fields';
export { distMean } from './random/dist-mean';
export { traceRates } from './run/document';
// Serving solve and checkpoint-sweep pieces the backend's threaded versions reuse.
export { serviceOfferedRps } from './serving/analytic';
export { solveRefusal, solveReplicas, solveReplications, solveSearchRange, type SolveResult } from './serving/solve';
export {
  bestPoint, checkpointBasis, checkpointBasisForNodes, checkpointInterval, checkpointSample, checkpointSweepOf, checkpointVariant, DEFAULT_FACTORS,
  type CheckpointBasis, type CheckpointPoint, type CheckpointSample,
} from './cluster/checkpoint-sweep';
export * from './whatif';
