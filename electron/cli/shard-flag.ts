// `--shard I/N` and `--shard auto/N` (docs/cli.md#shards): which share of a long command's work
// units this process computes. With `auto`, the index comes from the batch system that started
// the process, so one job template serves every shard. A bad spelling is a usage error; an index
// the environment does not give, or gives outside 0…N−1, is an input error naming the variable.
// Both exit 2 before anything is simulated.
import { MAX_SHARDS, type Shard } from '../backend/shard/units';
import { UsageError } from './args';
import { InputError } from './inputs';

/** Where each batch system puts an array task's index; Slurm's is relative to its first task. */
export const SHARD_INDEX_SOURCES = [
  { system: 'Kubernetes Indexed Job', vars: ['JOB_COMPLETION_INDEX'] },
  { system: 'Slurm job array', vars: ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN'] },
  { system: 'AWS Batch array job', vars: ['AWS_BATCH_JOB_ARRAY_INDEX'] },
] as const;

function envError(message: string): InputError {
  return new InputError([{ path: '--shard', message }]);
}

function envInteger(env: NodeJS.ProcessEnv, name: string): number {
  const text = (env[name] ?? '').trim();
  if (!/^\d{1,9}$/.test(text)) throw envError(`${name}=${JSON.stringify(env[name])} is not a whole number ≥ 0`);
  return Number(text);
}

/** The index the environment gives, with the variables it came from; null when none is set. */
export function shardIndexFromEnv(env: NodeJS.ProcessEnv): { index: number; from: string } | null {
  const found: { index: number; from: string }[] = [];
  for (const src of SHARD_INDEX_SOURCES) {
    if (env[src.vars[0]] === undefined) continue;
    if (src.vars.length === 1) {
      found.push({ index: envInteger(env, src.vars[0]), from: `${src.vars[0]}=${env[src.vars[0]]}` });
    } else {
      // Slurm numbers a job array's tasks as the user asked (--array=1-8 is common); the shard is the offset.
      const [idVar, minVar] = src.vars;
      if (env[minVar] === undefined) throw envError(`${idVar} is set but ${minVar} is not: Slurm sets both for a job array; the shard is ${idVar} − ${minVar}`);
      const id = envInteger(env, idVar);
      const min = envInteger(env, minVar);
      found.push({ index: id - min, from: `${idVar}=${id} − ${minVar}=${min}` });
    }
  }
  if (found.length === 0) return null;
  const first = found[0] as { index: number; from: string };
  const other = found.find((f) => f.index !== first.index);
  if (other) throw envError(`the environment gives two different shard indices (${first.from} → ${first.index}, ${other.from} → ${other.index}); give --shard I/N instead`);
  return first;
}

/** `I/N` or `auto/N`, checked; `env` is read only for `auto`. */
export function parseShard(text: string, env: NodeJS.ProcessEnv): Shard {
  const m = /^(\d+|auto)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard: expected I/N or auto/N, e.g. --shard 0/4 (got ${JSON.stringify(text)})`);
  const count = Number(m[2]);
  if (!(count >= 1 && count <= MAX_SHARDS)) throw new UsageError(`--shard: N must be from 1 to ${MAX_SHARDS} (got ${JSON.stringify(text)})`);
  if (m[1] !== 'auto') {
    const index = Number(m[1]);
    if (index >= count) throw new UsageError(`--shard: I must be from 0 to ${count - 1} for N = ${count} (got ${JSON.stringify(text)})`);
    return { index, count };
  }
  const found = shardIndexFromEnv(env);
  if (!found) {
    const names = SHARD_INDEX_SOURCES.map((s) => `${s.vars.join(' and ')} (${s.system})`).join(', ');
    throw envError(`auto/${count}: no shard index in the environment; looked for ${names}`);
  }
  if (found.index < 0 || found.index >= count) {
    throw envError(`auto/${count}: the environment gives shard ${found.index} (${found.from}), outside 0…${count - 1}; the job's task count must equal N`);
  }
  return { index: found.index, count };
}
