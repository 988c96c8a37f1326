// App-wide keyboard shortcuts: save, run, undo and redo. The editor's text is controlled by the
// store, so the browser's own undo in inputs is replaced by the store's history.
import { useEffect } from 'react';
import { useAppStore } from '../store';

export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const store = useAppStore.getState();
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void store.saveScenario();
      } else if (key === 'enter') {
        e.preventDefault();
        void store.startRun();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redo();
      } else if (key === 'z') {
        e.preventDefault();
        store.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
