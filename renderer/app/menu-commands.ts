// What the desktop menu's items do in the page: the same store actions as the buttons and keys
// they mirror (the menu is built in electron/main/menu.ts). The browser preview has no menu.
import type { MenuCommand } from '../../electron/common/contract';
import { useAppStore } from '../store';
import type { AppState } from '../store/types';

/** The selected run's "Export report…" control, when a finished run is shown. */
function focusReportExport(s: AppState): void {
  const select = document.querySelector<HTMLSelectElement>('.report-export select');
  if (select) {
    select.scrollIntoView({ block: 'nearest' });
    select.focus();
  } else {
    s.showToast('Select a run with a result to export its report');
  }
}

export function performMenuCommand(command: MenuCommand, s: AppState = useAppStore.getState()): void {
  switch (command.command) {
    case 'imported': void s.showImportResult(command.result); return;
    case 'new-scenario': void s.newScenario(); return;
    case 'import': void s.importScenarios(); return;
    case 'export-scenario':
      if (s.selectedScenarioId) void s.exportScenario(s.selectedScenarioId, false);
      else s.showToast('Open a scenario to export it');
      return;
    case 'export-report': focusReportExport(s); return;
    case 'backup': void s.backupToFile(); return;
    case 'restore': void s.restoreFromFile(); return;
    case 'undo': s.undo(); return;
    case 'redo': s.redo(); return;
    case 'present': s.setPresenting(!s.presenting); return;
    case 'toggle-theme': s.toggleTheme(); return;
    case 'toggle-library': if (!s.presenting) s.togglePanel('sidebar'); return;
    case 'toggle-editor': if (!s.presenting) s.togglePanel('editor'); return;
    case 'shortcuts': s.openShortcuts(); return;
    case 'licences': s.setLicencesOpen(true); return;
  }
}
