// What an import says when it is done: scenarios added, and results or sweeps computed by the
// CLI (docs/scale-out.md) kept as runs and analyses — or found already kept, so nothing was added.
import type { ImportResult } from '../../electron/common/contract';

function resultText(r: NonNullable<ImportResult['results']>[number]): string {
  const what = r.kind === 'run' ? 'a run' : 'a sweep';
  const of = `of “${r.scenarioName}” v${r.scenarioVersion}`;
  if (r.alreadyImported) return `${r.kind === 'run' ? 'This run' : 'This sweep'} ${of} was imported before`;
  return `Imported ${what} ${of}${r.missingShards.length > 0 ? ` (partial: ${r.missingShards.length} shard${r.missingShards.length === 1 ? '' : 's'} missing)` : ''}`;
}

/** The toast after an import, or null when nothing was imported (the refused files are listed apart). */
export function importToast(result: ImportResult): string | null {
  const n = result.imported.length;
  const results = result.results ?? [];
  const parts: string[] = [];
  if (n > 0) parts.push(`Imported ${n} scenario${n === 1 ? '' : 's'}`);
  if (results.length === 1) parts.push(n > 0 ? resultText(results[0]!).replace(/^Imported /, '') : resultText(results[0]!));
  else if (results.length > 1) {
    const fresh = results.filter((r) => !r.alreadyImported).length;
    parts.push(`${n > 0 ? '' : 'Imported '}${fresh} result${fresh === 1 ? '' : 's'}${fresh < results.length ? ` (${results.length - fresh} imported before)` : ''}`);
  }
  if (parts.length === 0) return null;
  return `${parts.join(' and ')}${result.problems.length > 0 ? ' (some files were refused)' : ''}`;
}
