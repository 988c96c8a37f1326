// The scenario library: search, every saved scenario (name, latest version, sections, tags),
// and how to add one (new, from an example, or by importing files).
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { ImportProblems } from './ImportProblems';
import { NewFromExample } from './NewFromExample';
import { NewScenario } from './NewScenario';
import { ScenarioItem } from './ScenarioItem';
import { SearchBox } from './SearchBox';

export function LibraryPanel() {
  const scenarios = useAppStore(useShallow((s) => s.searchHits ?? s.scenarios));
  const searching = useAppStore((s) => s.searchHits !== null);
  const status = useAppStore((s) => s.libraryStatus);
  const error = useAppStore((s) => s.libraryError);
  const dismiss = useAppStore((s) => s.dismissLibraryError);
  const selectedId = useAppStore((s) => s.selectedScenarioId);
  const importScenarios = useAppStore((s) => s.importScenarios);
  const usable = useAppStore((s) => s.libraryFile?.state !== 'unavailable');
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');

  return (
    <section className="panel library" aria-labelledby="library-heading">
      <div className="panel-head">
        <h2 id="library-heading">Library</h2>
        <div className="panel-actions">
          {writable && <NewScenario />}
          {writable && <button type="button" onClick={() => void importScenarios()} title="Import scenario files or bundles">Import…</button>}
          {writable && <NewFromExample />}
        </div>
      </div>
      {error && (
        <div className="message error" role="alert">
          <p>{error}</p>
          <button type="button" className="link" onClick={dismiss}>Dismiss</button>
        </div>
      )}
      <ImportProblems />
      {usable && <SearchBox />}
      {status === 'loading' && <p className="muted">Loading the library…</p>}
      {status === 'ready' && usable && !searching && scenarios.length === 0 && <p className="muted">No scenarios yet. Start from an example.</p>}
      <ul className="scenario-list" aria-label={searching ? 'Scenarios matching the search' : 'Scenarios'}>
        {scenarios.map((s) => (
          <ScenarioItem key={s.id} scenario={s} selected={s.id === selectedId} />
        ))}
      </ul>
    </section>
  );
}
