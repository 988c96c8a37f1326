// Engine version, stored with every run and printed in every result document. Bump it whenever
// a change can alter any simulated figure for the same scenario and seed.
export const ENGINE_VERSION = '0.3.0';
