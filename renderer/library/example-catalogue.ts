// The bundled examples as the start screen's gallery shows them: in which order, the story each
// tells (what a planner will see, and why it matters) and which part of the scenario its
// thumbnail draws. The scenarios themselves are the files in assets/examples/ (listExamples);
// an example missing here still shows, after these, with its own description.
import type { ExampleScenario } from '../../electron/common/contract';

/** Which section of the scenario the thumbnail draws (example-thumbnail.ts). */
export type ThumbnailFacet = 'serving' | 'pipeline' | 'cluster';

export interface CatalogueEntry {
  /** The file name in assets/examples/ without `.json`. */
  id: string;
  story: string;
  thumbnail: ThumbnailFacet;
}

export const EXAMPLE_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'risk-model-api',
    thumbnail: 'serving',
    story:
      '1,200 requests/s at 80 ms on 8 replicas of 12 slots: the analytic table says 8 replicas suffice, at 100% utilization, ' +
      'with 20 ms of margin against the 200 ms budget. The simulation shows what 100% means: the queue never drains, the ' +
      'service is flagged unstable and its p99 passes a second — each sum on the back of the envelope is right, and the ' +
      'plan still fails. The same file carries the nightly retraining DAG, the GPU pools and a readiness table.',
  },
  {
    id: 'diurnal-autoscaling',
    thumbnail: 'serving',
    story:
      'A day of traffic, compressed into two hours, through an autoscaler: 6 requests/s at night, 54 at the peak, and ' +
      'a new replica needs about three minutes to load its model. Watch the replica count follow the load, and the p99 ' +
      'of the requests on the morning ramp climb past twice the 1.5 s budget while the first new replicas cold-start. ' +
      'The whole-run p99 meets the budget and hides it: size the floor and the cold start, not only the average.',
  },
  {
    id: 'azure-llm-code-trace',
    thumbnail: 'serving',
    story:
      'One hour of real requests to an LLM code-completion service (Azure LLM inference trace, 2023) on one GPU replica ' +
      'that batches up to 8. On average it is 2.6 requests/s, so the analytic table says one replica is plenty. The ' +
      'traffic is not average: bursts of 30 and more requests/s arrive within seconds. At 24% utilization the simulated ' +
      'p99 is over 16 s against a 2 s budget and one request in five misses it — size on real arrivals, not on a mean rate.',
  },
  {
    id: 'llm-token-level',
    thumbnail: 'serving',
    story:
      'The same trace token by token: each request\'s own prompt (2,048 tokens on average) and output run through a ' +
      '70B model on 4-GPU H100 replicas with continuous batching, against TTFT p99 ≤ 1 s and TPOT p99 ≤ 50 ms. The ' +
      'roofline says one replica sustains 7.9 requests/s, three times the mean. On four, the GPUs use 9% of their FLOP/s ' +
      'and the KV cache is nearly empty, yet bursts of long prompts queue their prefills: TTFT p99 is 3.4 s. Decodes stay ' +
      'fast because the prefill chunks are small: at vLLM\'s default budget of 2,048 tokens, TPOT p99 is 125 ms on four ' +
      'replicas, and meeting both SLOs takes 11 replicas instead of 7.',
  },
  {
    id: 'gpu-training-cluster',
    thumbnail: 'cluster',
    story:
      'Three days of a shared training cluster: 64 H100s in 8 nodes and 16 A10s, two long pre-training jobs and a stream ' +
      'of experiments under EASY backfill. The allocation snapshot says 84% of the H100s against an 85% target, which ' +
      'looks fine. The simulation splits that allocated time into real compute, all-reduce, barrier waits for straggling ' +
      'nodes, checkpoints, restarts and work lost to node failures, and shows how long jobs wait for GPUs.',
  },
  {
    id: 'nightly-retraining',
    thumbnail: 'pipeline',
    story:
      'Two weeks of a nightly retraining pipeline, one run each midnight: extracts retried with backoff, GPU training ' +
      'that needs half of an A100 pool shared with other jobs, and a human sign-off that takes its time and sometimes ' +
      'says no. The critical path on mean durations promises a short night; the simulation draws every night anew — ' +
      'training waits for GPUs, failed attempts cost retries, approvals drag — and shows how long the nights really ' +
      'run, how often the model ships, and the first nights task by task.',
  },
];

export interface GalleryEntry {
  example: ExampleScenario;
  story: string;
  thumbnail: ThumbnailFacet | null;
}

/** The gallery's cards: catalogued examples in catalogue order, then any others by id. */
export function galleryEntries(examples: readonly ExampleScenario[]): GalleryEntry[] {
  const byId = new Map(examples.map((x) => [x.id, x]));
  const listed = EXAMPLE_CATALOGUE.flatMap((c) => {
    const example = byId.get(c.id);
    return example ? [{ example, story: c.story, thumbnail: c.thumbnail }] : [];
  });
  const known = new Set(EXAMPLE_CATALOGUE.map((c) => c.id));
  const others = examples
    .filter((x) => !known.has(x.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((example) => ({ example, story: example.description, thumbnail: null }));
  return [...listed, ...others];
}
