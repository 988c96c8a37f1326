// Scenario files dropped anywhere on the window are imported as File → Import does (each file
// validated, whole or not at all), in both shells: the page reads the dropped files itself.
// The desktop window never navigates to a dropped file (navigateOnDragDrop is off there too).
import { useEffect } from 'react';
import { api } from '../api';
import { readImportFiles } from '../api/browser-files';
import { useAppStore } from '../store';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

export function useFileDrop(): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) void importDropped(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}

async function importDropped(files: File[]): Promise<void> {
  const s = useAppStore.getState();
  try {
    const read = await readImportFiles(files);
    const result = read.files.length > 0 ? await api.importScenarios(read.files) : { imported: [], problems: [] };
    await s.showImportResult({ ...result, problems: [...read.problems, ...result.problems] });
  } catch (e) {
    s.showToast(`Could not import the dropped files: ${e instanceof Error ? e.message : String(e)}`);
  }
}
