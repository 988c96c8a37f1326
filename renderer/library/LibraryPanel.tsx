// The scenario library: every saved scenario (name, latest version, sections) and how to add one.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { NewFromExample } from './NewFromExample';
import { ScenarioItem } from './ScenarioItem';

export function LibraryPanel() {
  const scenarios = useAppStore(useShallow((s) => s.scenarios));
  const status = useAppStore((s) => s.libraryStatus);
  const error = useAppStore((s) => s.libraryError);
  const dismiss = useAppStore((s) => s.dismissLibraryError);
  const selectedId = useAppStore((s) => s.selectedScenarioId);

  return (
    <section className="panel library" aria-labelledby="library-heading">
      <div className="panel-head">
        <h2 id="library-heading">Library</h2>
        <NewFromExample />
      </div>
      {error && (
        <div className="message error">
          <p>{error}</p>
          <button type="button" className="link" onClick={dismiss}>Dismiss</button>
        </div>
      )}
      {status === 'loading' && <p className="muted">Loading the library…</p>}
      {status === 'ready' && scenarios.length === 0 && <p className="muted">No scenarios yet. Start from an example.</p>}
      <ul className="scenario-list" aria-label="Scenarios">
        {scenarios.map((s) => (
          <ScenarioItem key={s.id} scenario={s} selected={s.id === selectedId} />
        ))}
      </ul>
    </section>
  );
}
