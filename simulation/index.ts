// The public API of the engine: everything the backend, workers, CLI and renderer may use.
export { parseScenarioText, validateScenario, formatIssues } from './scenario/validate';
export type { ParseResult, ValidationIssue } from './scenario/validate';
export { canonicalJson } from './scenario/canonical-json';
export type { Scenario, ScenarioInput, ServiceSpec, Section } from './scenario/schema';
export type { Dist } from './scenario/dist-schema';
export { analyticSummary } from './analytic/summary';
export { runReplication } from './run/replication';
export type { ReplicationOutcome } from './run/replication';
export { mergeReplications } from './run/merge';
export { analyzeScenario } from './run/analyze';
export { servingSupportIssues } from './serving/support';
export type { ServiceReplication } from './serving/figures';
export type { RunControl, HostInputs, StopReason } from './run/types';
export { RESULT_FORMAT } from './result/types';
export type { ResultDocument, ServiceResult, AnalyticOnlyService, Stat, MaybeStat, Summary } from './result/types';
export { ENGINE_VERSION } from './version';
// Cluster model (issue 5): trace parsing for the host, straggler calibration, support checks.
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
