// Payload validation for every backend method: arguments come over IPC or HTTP and are
// checked for type and size before anything else touches them.
import type { RunOptions } from '../common/contract';
import { MAX_SCENARIO_BYTES } from './scenario-source';

export class BadRequestError extends Error {}

export function checkId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(value)) {
    throw new BadRequestError(`${name}: must be an id string`);
  }
  return value;
}

export function checkJsonText(value: unknown): string {
  if (typeof value !== 'string') throw new BadRequestError('json: must be the scenario text (a string)');
  if (value.length > MAX_SCENARIO_BYTES) throw new BadRequestError(`json: is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB`);
  return value;
}

export function checkRunOptions(value: unknown): RunOptions {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadRequestError('options: must be an object');
  const out: RunOptions = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'seed') {
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new BadRequestError('options.seed: must be an integer ≥ 0');
      out.seed = v as number;
    } else if (key === 'replications') {
      if (!Number.isSafeInteger(v) || (v as number) < 1 || (v as number) > 1000) throw new BadRequestError('options.replications: must be an integer from 1 to 1000');
      out.replications = v as number;
    } else throw new BadRequestError(`options.${key}: unknown field`);
  }
  return out;
}
