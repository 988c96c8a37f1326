// The open scenario's history: every saved version (newest first, with how it came to be), a
// read-only view of any of them, a restore that saves it again as the newest version, and a
// field-by-field comparison of any two.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VersionSummary } from '../../electron/common/contract';
import { formatWhen } from '../format/numbers';
import { useAppStore } from '../store';
import { DiffTable } from './DiffTable';

function VersionRow({ v, latest, writable }: { v: VersionSummary; latest: boolean; writable: boolean }) {
  const view = useAppStore((s) => s.viewVersion);
  const restore = useAppStore((s) => s.restoreVersion);
  const viewing = useAppStore((s) => s.viewed?.id === v.id);
  return (
    <li className={viewing ? 'version-item selected' : 'version-item'}>
      <span className="version-label">v{v.version}{latest && <span className="muted"> (latest)</span>}</span>
      <span className="version-meta muted">
        <time dateTime={v.createdAt}>{formatWhen(v.createdAt)}</time>
        {v.note && <> · {v.note}</>}
      </span>
      <span className="version-name">{v.name}</span>
      <span className="row">
        <button type="button" aria-pressed={viewing} aria-label={`View v${v.version}`} onClick={() => void view(viewing ? null : v.id)}>View</button>
        {!latest && writable && <button type="button" aria-label={`Restore v${v.version}`} onClick={() => void restore(v.id)}>Restore</button>}
      </span>
    </li>
  );
}

export function HistoryPanel() {
  const name = useAppStore((s) => s.scenarios.find((x) => x.id === s.editorScenarioId)?.name ?? '');
  const versions = useAppStore(useShallow((s) => s.versions));
  const status = useAppStore((s) => s.historyStatus);
  const error = useAppStore((s) => s.historyError);
  const viewed = useAppStore((s) => s.viewed);
  const from = useAppStore((s) => s.compareFrom);
  const to = useAppStore((s) => s.compareTo);
  const diff = useAppStore((s) => s.diff);
  const setCompare = useAppStore((s) => s.setCompare);
  const close = useAppStore((s) => s.setHistoryOpen);
  const view = useAppStore((s) => s.viewVersion);
  const restore = useAppStore((s) => s.restoreVersion);
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');
  const ids = useId();
  const label = (id: string | null) => `v${versions.find((v) => v.id === id)?.version ?? '?'}`;

  return (
    <section className="panel history" aria-labelledby="history-heading">
      <div className="panel-head">
        <h2 id="history-heading">History</h2>
        <button type="button" onClick={() => close(false)}>Close history</button>
      </div>
      <p className="panel-subtitle">{name}: {versions.length} version{versions.length === 1 ? '' : 's'}. Every save is kept; restoring saves an old version again as the newest.</p>
      {error && <p className="message error" role="alert">{error}</p>}
      {status === 'loading' && versions.length === 0 && <p className="muted">Loading the history…</p>}
      <div className="history-grid">
        <ul className="version-list" aria-label="Versions">
          {versions.map((v, i) => <VersionRow key={v.id} v={v} latest={i === 0} writable={writable} />)}
        </ul>
        <div className="history-detail">
          {viewed && (
            <section className="card version-view" aria-labelledby={`${ids}-view`}>
              <div className="panel-head">
                <h3 id={`${ids}-view`}>v{viewed.version} as saved</h3>
                <span className="row">
                  {writable && versions[0]?.id !== viewed.id && <button type="button" className="primary" onClick={() => void restore(viewed.id)}>Restore this version</button>}
                  <button type="button" onClick={() => void view(null)}>Close</button>
                </span>
              </div>
              {viewed.files.length > 0 && (
                <p className="muted">Files stored with it: {viewed.files.map((f) => f.fileName).join(', ')}</p>
              )}
              <pre className="json-preview" tabIndex={0} aria-label={`Scenario JSON of v${viewed.version}`}>{viewed.json}</pre>
            </section>
          )}
          {versions.length > 1 && from && to && (
            <section className="card compare" aria-labelledby={`${ids}-compare`}>
              <h3 id={`${ids}-compare`}>Compare versions</h3>
              <div className="row compare-pickers">
                <label htmlFor={`${ids}-from`}>From</label>
                <select id={`${ids}-from`} value={from} onChange={(e) => void setCompare(e.target.value, to)}>
                  {versions.map((v) => <option key={v.id} value={v.id}>v{v.version}</option>)}
                </select>
                <label htmlFor={`${ids}-to`}>to</label>
                <select id={`${ids}-to`} value={to} onChange={(e) => void setCompare(from, e.target.value)}>
                  {versions.map((v) => <option key={v.id} value={v.id}>v{v.version}</option>)}
                </select>
              </div>
              {diff && <DiffTable entries={diff} fromLabel={label(from)} toLabel={label(to)} />}
            </section>
          )}
        </div>
      </div>
    </section>
  );
}
