// `--shard I/N` and `auto/N`: the spelling, and the index each batch system's environment gives.
import { describe, expect, it } from 'vitest';
import { parseShard, shardIndexFromEnv } from '../../../electron/cli/shard-flag';
import { UsageError } from '../../../electron/cli/args';
import { InputError } from '../../../electron/cli/inputs';

describe('--shard I/N', () => {
  it('reads an index and a count', () => {
    expect(parseShard('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(parseShard('0/1', {})).toEqual({ index: 0, count: 1 });
  });

  it.each(['', '1', '1/', '/4', '-1/4', '1.5/4', 'a/4', '1/4/2', '4/4', '5/4', '0/0', '0/10001'])('refuses %j as a usage error', (text) => {
    expect(() => parseShard(text, {})).toThrow(UsageError);
    expect(() => parseShard(text, {})).toThrow(/--shard/);
  });

  it('ignores the environment when the index is given', () => {
    expect(parseShard('1/3', { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 1, count: 3 });
  });
});

describe('--shard auto/N', () => {
  it('takes a Kubernetes Indexed Job index', () => {
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
  });

  it('takes a Slurm array task as its offset from the first task', () => {
    expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '10', SLURM_ARRAY_TASK_MIN: '10' })).toEqual({ index: 0, count: 4 });
  });

  it('takes an AWS Batch array index', () => {
    expect(parseShard('auto/2', { AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toEqual({ index: 1, count: 2 });
  });

  it('accepts two systems that agree, refuses two that do not', () => {
    expect(parseShard('auto/3', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toEqual({ index: 1, count: 3 });
    expect(() => parseShard('auto/3', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' })).toThrow(/two different shard indices/);
  });

  it('refuses no index, naming every variable it looked for', () => {
    const run = () => parseShard('auto/4', { HOME: '/root' });
    expect(run).toThrow(InputError);
    expect(run).toThrow(/JOB_COMPLETION_INDEX.*SLURM_ARRAY_TASK_ID.*AWS_BATCH_JOB_ARRAY_INDEX/);
  });

  it('refuses an index outside 0…N−1, naming where it came from', () => {
    expect(() => parseShard('auto/4', { JOB_COMPLETION_INDEX: '4' })).toThrow(/shard 4 \(JOB_COMPLETION_INDEX=4\), outside 0…3/);
    expect(() => parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1' })).toThrow(/outside 0…3/);
    expect(() => parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '1' })).toThrow(/shard -1/);
  });

  it('refuses a value that is not a whole number, and a Slurm task without its first task', () => {
    expect(() => parseShard('auto/4', { JOB_COMPLETION_INDEX: 'x' })).toThrow(/JOB_COMPLETION_INDEX="x" is not a whole number/);
    expect(() => parseShard('auto/4', { JOB_COMPLETION_INDEX: '' })).toThrow(/JOB_COMPLETION_INDEX/);
    expect(() => parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '2' })).toThrow(/SLURM_ARRAY_TASK_MIN is not/);
  });

  it('says where an index came from', () => {
    expect(shardIndexFromEnv({})).toBeNull();
    expect(shardIndexFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5' })).toEqual({ index: 2, from: 'SLURM_ARRAY_TASK_ID=7 − SLURM_ARRAY_TASK_MIN=5' });
  });
});
