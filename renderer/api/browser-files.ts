// What the browser preview has instead of file dialogs: a file input opened from a click, and
// downloads. Files offered for import are size-checked before they are read.
import type { ImportFile, ImportProblem } from '../../electron/common/contract';

import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_TOTAL_BYTES, MAX_RESULT_IMPORT_BYTES } from '../../electron/common/limits';

export { MAX_IMPORT_FILE_BYTES };

const MiB = (bytes: number) => bytes / 1024 / 1024;

/** Opens the browser's file chooser; resolves with the chosen files, or none if cancelled. */
export function pickFiles(options: { accept: string; multiple: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = options.accept;
    input.multiple = options.multiple;
    input.hidden = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/**
 * Reads the files as text, refusing any over its cap without reading it: a .json file may be a
 * result or sweep document, whose cap is larger (the backend holds other documents to the smaller
 * one once parsed); any other file is a trace a scenario names.
 */
export async function readImportFiles(files: readonly File[]): Promise<{ files: ImportFile[]; problems: ImportProblem[] }> {
  const out: ImportFile[] = [];
  const problems: ImportProblem[] = [];
  let total = 0;
  for (const file of files) {
    const cap = /\.json$/i.test(file.name) ? MAX_RESULT_IMPORT_BYTES : MAX_IMPORT_FILE_BYTES;
    if (file.size > cap) {
      problems.push({ file: file.name, path: '(file)', message: `is larger than ${MiB(cap)} MiB` });
      continue;
    }
    if (total + file.size > MAX_IMPORT_TOTAL_BYTES) {
      problems.push({ file: file.name, path: '(file)', message: `is past ${MiB(MAX_IMPORT_TOTAL_BYTES)} MiB with the files before it; import it on its own` });
      continue;
    }
    total += file.size;
    try {
      out.push({ name: file.name, text: await file.text() });
    } catch (e) {
      problems.push({ file: file.name, path: '(file)', message: `cannot read it: ${(e as Error).message}` });
    }
  }
  return { files: out, problems };
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, mediaType: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mediaType};charset=utf-8` }));
}
