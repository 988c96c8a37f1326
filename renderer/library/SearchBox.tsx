// Search the library as you type: every word must match the start of a word in a scenario's
// name, tags, description or ids. Escape clears it.
import { useAppStore } from '../store';

export function SearchBox() {
  const query = useAppStore((s) => s.searchQuery);
  const setQuery = useAppStore((s) => s.setSearchQuery);
  const hits = useAppStore((s) => s.searchHits);
  return (
    <div className="search">
      <label htmlFor="library-search" className="visually-hidden">Search scenarios</label>
      <input
        id="library-search"
        type="search"
        placeholder="Search name, tags, description…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      {hits !== null && (
        <p className="search-count muted" aria-live="polite">
          {hits.length === 0 ? 'No scenario matches' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`}
        </p>
      )}
    </div>
  );
}
