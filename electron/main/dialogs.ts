// The desktop shell's file dialogs for import, export, backup and restore. Each asks the user,
// then hands the chosen path to the backend, which does the work (atomic writes, validation).
// A PDF report is the HTML report printed here, by Electron (print-pdf.ts).
import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Backend } from '../backend/backend';
import type { ApiTable } from '../common/api';
import type { ImplOf } from '../common/api-types';
import type { SaveReportKind } from '../common/contract';
import { printHtmlToPdf } from './print-pdf';

/** The table's dialog methods, with arguments already parsed by the IPC wiring. */
type Dialogs = ImplOf<ApiTable, 'dialog'>;

const REPORT_FILTERS: Record<SaveReportKind, Electron.FileFilter> = {
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  md: { name: 'Markdown memo', extensions: ['md'] },
  csv: { name: 'CSV of the metrics', extensions: ['csv'] },
  json: { name: 'Headroom result JSON', extensions: ['json'] },
};

export function createDialogs(backend: Backend, window: () => BrowserWindow | null): Dialogs {
  const parent = () => window() ?? undefined;
  const documents = () => app.getPath('documents');
  const today = () => new Date().toISOString().slice(0, 10);

  return {
    async saveExport(list, options) {
      const opts = options ?? {};
      const exported = await backend.exportScenarios(list, opts);
      const owner = parent();
      const choice = await (owner ? dialog.showSaveDialog(owner, saveOptions()) : dialog.showSaveDialog(saveOptions()));
      if (choice.canceled || !choice.filePath) return null;
      return backend.exportToPath(list, opts, choice.filePath);

      function saveOptions(): Electron.SaveDialogOptions {
        return {
          title: opts.history ? 'Export scenarios with their history' : 'Export scenario',
          defaultPath: path.join(documents(), exported.fileName),
          filters: [{ name: 'Headroom scenario JSON', extensions: ['json'] }],
        };
      }
    },

    async openImport() {
      const options: Electron.OpenDialogOptions = {
        title: 'Import scenarios',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Scenario files and bundles', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }],
      };
      const owner = parent();
      const choice = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      if (choice.canceled || choice.filePaths.length === 0) return null;
      return backend.importFromPaths(choice.filePaths);
    },

    async saveLibraryBackup() {
      const options: Electron.SaveDialogOptions = {
        title: 'Back up the library',
        defaultPath: path.join(documents(), `headroom-library-${today()}.sqlite`),
        filters: [{ name: 'Headroom library backup', extensions: ['sqlite'] }],
      };
      const owner = parent();
      const choice = await (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options));
      if (choice.canceled || !choice.filePath) return null;
      return backend.backupToPath(choice.filePath);
    },

    async saveRunReport(rid, k, locale) {
      // Rendered first, so that a run without a result is refused before any dialog.
      const report = await backend.renderRunReport(rid, k === 'pdf' ? 'html' : k, locale);
      const options: Electron.SaveDialogOptions = {
        title: 'Export report',
        defaultPath: path.join(documents(), report.fileName.replace(/\.html$/, `.${k}`)),
        filters: [REPORT_FILTERS[k]],
      };
      const owner = parent();
      const choice = await (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options));
      if (choice.canceled || !choice.filePath) return null;
      return backend.writeReportFile(choice.filePath, k === 'pdf' ? await printHtmlToPdf(report.text) : report.text);
    },

    async openLibraryBackup() {
      const options: Electron.OpenDialogOptions = {
        title: 'Restore the library from a backup',
        properties: ['openFile'],
        filters: [{ name: 'Headroom library backup', extensions: ['sqlite'] }, { name: 'All files', extensions: ['*'] }],
      };
      const owner = parent();
      const choice = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return null;
      const confirm: Electron.MessageBoxOptions = {
        type: 'warning',
        buttons: ['Restore', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `Replace the library with ${path.basename(file)}?`,
        detail: 'The backup is checked first. The library as it is now is kept as a backup in the backups folder.',
      };
      const answer = await (owner ? dialog.showMessageBox(owner, confirm) : dialog.showMessageBox(confirm));
      if (answer.response !== 0) return null;
      return backend.restoreFromPath(file);
    },
  };
}
