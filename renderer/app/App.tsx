// Layout: header; library and runs on the left; the editor and the results side by side.
import { useEffect } from 'react';
import { api } from '../api';
import { EditorPanel } from '../editor/EditorPanel';
import { LibraryPanel } from '../library/LibraryPanel';
import { RunsList } from '../library/RunsList';
import { ResultsPanel } from '../results/ResultsPanel';
import { useAppStore } from '../store';
import { Header } from './Header';
import { useShortcuts } from './use-shortcuts';

let libraryRequested = false; // StrictMode mounts twice in development; load the library once

export function App() {
  const theme = useAppStore((s) => s.theme);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    if (libraryRequested) return;
    libraryRequested = true;
    void useAppStore.getState().initLibrary();
  }, []);

  useEffect(() => api.onRunEvent((event) => useAppStore.getState().handleRunEvent(event)), []);

  useShortcuts();

  return (
    <div className="app">
      <Header />
      <div className="layout">
        <nav className="sidebar" aria-label="Library and runs">
          <LibraryPanel />
          <RunsList />
        </nav>
        <main className="workspace">
          <EditorPanel />
          <ResultsPanel />
        </main>
      </div>
    </div>
  );
}
