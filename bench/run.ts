// `npm run bench`: performance figures on this machine, one section per model. Figures are
// printed (medians of BENCH_REPEATS runs), never gated in CI: the machine is shared and noisy.
// `npm run bench -- engine` runs one section.
import { REPEATS } from './util';
import { benchCharts } from './charts';
import { benchCluster } from './cluster';
import { benchEngine } from './engine';
import { benchLibrary } from './library';
import { benchLlmServing } from './llm-serving';
import { benchPipeline } from './pipeline';
import { benchServing } from './serving';

const sections: Record<string, () => void | Promise<void>> = {
  engine: benchEngine,
  library: benchLibrary,
  serving: benchServing,
  llm: benchLlmServing,
  cluster: benchCluster,
  pipeline: benchPipeline,
  charts: benchCharts,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Headroom benchmarks (node ${process.version}, ${REPEATS} repeats)`);
  for (const [name, run] of Object.entries(sections)) {
    if (only.length === 0 || only.includes(name)) await run();
  }
}

void main();
