// App header: name, what shell and engine this is, and the light/dark theme toggle.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../electron/common/contract';
import { api } from '../api';
import { useAppStore } from '../store';

export function Header() {
  const theme = useAppStore((s) => s.theme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
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
      <a className="skip-link" href="#editor-heading">Skip to editor</a>
      <h1 className="brand">Headroom</h1>
      <p className="tagline">Capacity planning for model serving, GPU clusters and ML pipelines</p>
      {info && (
        <p className="app-info">
          {info.shell === 'web' ? 'Browser preview' : 'Desktop'} · app {info.version} · engine {info.engineVersion}
        </p>
      )}
      <button type="button" className="theme-toggle" aria-pressed={theme === 'dark'} onClick={toggleTheme}>
        <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
      </button>
    </header>
  );
}
