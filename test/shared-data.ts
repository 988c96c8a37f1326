// Where the project's shared data lives (../shared/data beside the repository, as in CI; the
// workplace's /work/shared otherwise; HEADROOM_SHARED_DATA to override). Tests that use the
// real traces read them through here so they run from any clone location.
import fs from 'node:fs';
import path from 'node:path';

const candidates = [
  process.env.HEADROOM_SHARED_DATA,
  path.resolve(__dirname, '..', '..', 'shared', 'data'),
  '/work/shared/data',
].filter((p): p is string => typeof p === 'string');

export const SHARED_DATA = candidates.find((p) => fs.existsSync(path.join(p, 'README.md'))) ?? (candidates[1] as string);

export function sharedData(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
