// Layout: header; library, trash and runs on the left; the editor and the results (or the
// history) side by side, each side panel resizable (Splitter) and collapsible; the backups dialog,
// the shortcut sheet and the toast above it all. The presentation view hides both side panels.
import { useEffect, type CSSProperties } from 'react';
import { api } from '../api';
import { EditorPanel } from '../editor/EditorPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { BackupsButton, BackupsDialog } from '../library/BackupsDialog';
import { LibraryPanel } from '../library/LibraryPanel';
import { RunsList } from '../library/RunsList';
import { TrashPanel } from '../library/TrashPanel';
import { ResultsPanel } from '../results/ResultsPanel';
import { useAppStore } from '../store';
import { Header } from './Header';
import { LibraryBanner } from './LibraryBanner';
import { AppLicences, LicencesButton } from './LicencesDialog';
import { performMenuCommand } from './menu-commands';
import { EDITOR_ID, SIDEBAR_ID } from './panel-ids';
import { ShortcutSheet } from './ShortcutSheet';
import { Splitter } from './Splitter';
import { Toast } from './Toast';
import { useFileDrop } from './use-file-drop';
import { useShortcuts } from './use-shortcuts';

let libraryRequested = false; // StrictMode mounts twice in development; load the library once

export function App() {
  const theme = useAppStore((s) => s.theme);
  const historyOpen = useAppStore((s) => s.historyOpen && s.editorScenarioId !== null);
  const presenting = useAppStore((s) => s.presenting);
  const panels = useAppStore((s) => s.panels);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Presentation: large type ([data-present], theme.css) and the colour-blind-safe palette.
  useEffect(() => {
    const root = document.documentElement;
    if (presenting) {
      root.dataset.present = '';
      root.dataset.palette = 'high-contrast';
    } else {
      delete root.dataset.present;
      delete root.dataset.palette;
    }
  }, [presenting]);

  useEffect(() => {
    if (libraryRequested) return;
    libraryRequested = true;
    void useAppStore.getState().initLibrary();
  }, []);

  useEffect(() => api.onRunEvent((event) => {
    const state = useAppStore.getState();
    if (event.type === 'analysis') state.handleAnalysisEvent(event);
    else state.handleRunEvent(event);
  }), []);

  useEffect(() => api.onMenuCommand((command) => performMenuCommand(command)), []);

  useShortcuts();
  useFileDrop();

  return (
    <div className="app">
      <Header />
      <LibraryBanner />
      <div
        className={panels.sidebarCollapsed ? 'layout sidebar-collapsed' : 'layout'}
        style={{ '--sidebar-w': `${panels.sidebarWidth}px`, '--editor-w': `${panels.editorWidth}px` } as CSSProperties}
      >
        <nav id={SIDEBAR_ID} className="sidebar" aria-label="Library and runs" hidden={panels.sidebarCollapsed || presenting}>
          <LibraryPanel />
          <TrashPanel />
          <RunsList />
          <BackupsButton />
          <LicencesButton />
        </nav>
        <Splitter panel="sidebar" label="Resize the library panel" controls={SIDEBAR_ID} />
        <main className={panels.editorCollapsed ? 'workspace editor-collapsed' : 'workspace'}>
          <EditorPanel />
          <Splitter panel="editor" label="Resize the editor" controls={EDITOR_ID} />
          {historyOpen ? <HistoryPanel /> : <ResultsPanel />}
        </main>
      </div>
      <BackupsDialog />
      <ShortcutSheet />
      <AppLicences />
      <Toast />
    </div>
  );
}
