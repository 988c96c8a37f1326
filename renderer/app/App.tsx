// Layout: header; library, trash and runs on the left; the editor and the results (or the
// history) side by side; the backups dialog and the toast above it all.
import { useEffect } from 'react';
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
import { Toast } from './Toast';
import { useShortcuts } from './use-shortcuts';

let libraryRequested = false; // StrictMode mounts twice in development; load the library once

export function App() {
  const theme = useAppStore((s) => s.theme);
  const historyOpen = useAppStore((s) => s.historyOpen && s.editorScenarioId !== null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

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

  useShortcuts();

  return (
    <div className="app">
      <Header />
      <LibraryBanner />
      <div className="layout">
        <nav className="sidebar" aria-label="Library and runs">
          <LibraryPanel />
          <TrashPanel />
          <RunsList />
          <BackupsButton />
        </nav>
        <main className="workspace">
          <EditorPanel />
          {historyOpen ? <HistoryPanel /> : <ResultsPanel />}
        </main>
      </div>
      <BackupsDialog />
      <Toast />
    </div>
  );
}
