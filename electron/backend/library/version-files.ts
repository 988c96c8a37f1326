// Runs read the trace files a scenario names from the library's own copies, not from where the
// originals were: each stored file is written once to a content-addressed cache in the data
// folder, and the run gets the scenario with its path fields naming those copies, relative to
// the cache folder it is told to resolve them under (the rule of ./scenario-file-ref.ts holds
// there as everywhere). So a scenario runs the same after the original file moved or changed.
import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../../../db';
import { writeFileAtomic } from '../atomic-write';
import { pathRuleIssue, withPaths } from './scenario-files';
import type { Loaded } from '../traces/scenario-source';

type LoadedOk = Extract<Loaded, { ok: true }>;

export function fileCacheDir(dataDir: string): string {
  return path.join(dataDir, 'file-cache');
}

/** `loaded` with its path fields naming cached copies of the files stored with `versionId`, under `fileDirs`. */
export function withStoredFiles(lib: Library, versionId: string, loaded: LoadedOk, cacheDir: string): LoadedOk {
  const version = lib.scenarios.getVersion(versionId);
  if (!version || version.files.length === 0) return loaded;
  const paths = new Map<string, string>();
  for (const ref of version.files) {
    const refused = pathRuleIssue(ref);
    if (refused) throw new Error(`${refused.path}: ${refused.message}`);
    const ext = path.extname(ref.fileName).replace(/[^.\w]/g, '').slice(0, 10);
    const name = `${ref.sha256}${ext}`;
    const file = path.join(cacheDir, name);
    if (!fs.existsSync(file)) {
      const stored = lib.files.getFile(ref.sha256);
      if (!stored) throw new Error(`${ref.jsonPath}: the library lacks its stored copy of ${ref.fileName}`);
      fs.mkdirSync(cacheDir, { recursive: true });
      writeFileAtomic(file, stored.content);
    }
    paths.set(ref.jsonPath, name);
  }
  return { ...loaded, raw: withPaths(loaded.raw, paths) as Record<string, unknown>, fileDirs: [cacheDir] };
}
