// App header: name, what shell and engine this is; the panel toggles, the presentation view
// (with its chart navigation while presenting), the shortcut sheet and the light/dark theme toggle.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../electron/common/contract';
import { api } from '../api';
import { useAppStore } from '../store';
import { ChartNav } from './ChartNav';
import { EDITOR_ID, SIDEBAR_ID } from './panel-ids';

function PanelToggles() {
  const panels = useAppStore((s) => s.panels);
  const toggle = useAppStore((s) => s.togglePanel);
  return (
    <div className="panel-toggles" role="group" aria-label="Panels">
      <button type="button" aria-expanded={!panels.sidebarCollapsed} aria-controls={SIDEBAR_ID} aria-keyshortcuts="Control+B Meta+B" title="Hide or show the library and runs (Ctrl+B)" onClick={() => toggle('sidebar')}>
        <span aria-hidden="true">{panels.sidebarCollapsed ? '▸' : '◂'}</span> Library
      </button>
      <button type="button" aria-expanded={!panels.editorCollapsed} aria-controls={EDITOR_ID} aria-keyshortcuts="Control+E Meta+E" title="Hide or show the editor (Ctrl+E)" onClick={() => toggle('editor')}>
        <span aria-hidden="true">{panels.editorCollapsed ? '▸' : '◂'}</span> Editor
      </button>
    </div>
  );
}

export function Header() {
  const theme = useAppStore((s) => s.theme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const presenting = useAppStore((s) => s.presenting);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const openShortcuts = useAppStore((s) => s.openShortcuts);
  const editorShown = useAppStore((s) => !s.presenting && !s.panels.editorCollapsed);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let live = true;
    api.info().then((i) => live && setInfo(i), () => undefined); // the header works without it
    return () => {
      live = false;
    };
  }, []);

  return (
    <header className="app-header">
      {editorShown ? <a className="skip-link" href="#editor-heading">Skip to editor</a> : <a className="skip-link" href="#results-heading">Skip to results</a>}
      <h1 className="brand">Headroom</h1>
      {presenting ? (
        <>
          <p className="tagline">Presentation view</p>
          <ChartNav />
        </>
      ) : (
        <>
          <p className="tagline">Capacity planning for model serving, GPU clusters and ML pipelines</p>
          {info && (
            <p className="app-info">
              {info.shell === 'web' ? 'Browser preview' : 'Desktop'} · app {info.version} · engine {info.engineVersion}
            </p>
          )}
          <PanelToggles />
        </>
      )}
      <button type="button" className={presenting ? 'primary' : undefined} aria-keyshortcuts="F5" title={presenting ? 'Back to the editing view (Esc or F5)' : 'Results full width, large type, high-contrast colours (F5)'} onClick={() => setPresenting(!presenting)}>
        {presenting ? 'Leave presentation' : <><span aria-hidden="true">▣</span> Present</>}
      </button>
      <button type="button" aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)" onClick={openShortcuts}>
        <span aria-hidden="true">⌨</span> Shortcuts
      </button>
      <button type="button" className="theme-toggle" aria-pressed={theme === 'dark'} onClick={toggleTheme}>
        <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
      </button>
    </header>
  );
}
