// What the app, the reports and the CLI take from the presentation layer: the figure
// catalogue, number and unit formatting, and the chart rules they share. Outside simulation/,
// import from here, not from the files.
export * from './durations';
export * from './figure';
export * from './figure-text';
export * from './figures';
export * from './figures-checkpoint';
export * from './figures-cluster';
export * from './figures-llm';
export * from './figures-llm-summary';
export * from './figures-pipeline';
export * from './figures-serving';
export * from './figures-summary';
export * from './latency-scale';
export * from './numbers';
export * from './run-changes';
export * from './scenario-diff';
export * from './units';
export * from './verdicts';
export { llmSloText } from './verdict-llm';
export * from './solve-reason';
export * from './trace-replay-note';
export * from './story';
export * from './state-at';
export { distSketch, type DistSketch } from './dist-sketch';
