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
