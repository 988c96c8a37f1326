// What-if tools: compare two results, sensitivity of a figure to the inputs, the cluster
// solver, and the numeric inputs they vary. Pure; hosts simulate the candidates.
export * from './compare';
export * from './documents';
export * from './input-changes';
export * from './cluster-solve';
export * from './numeric-inputs';
export * from './pool-demand';
export * from './sensitivity';
export * from './stat-paths';
