// Says when the library is not fully usable — unavailable (damaged, say: restore a backup, or
// try again), or read-only — and shows one-off notices from opening it (a check after a crash).
import { useAppStore } from '../store';

/** Messages from the backend start in lower case (they follow "Could not …: "); a banner starts a sentence. */
const sentence = (text: string | null) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : '');

export function LibraryBanner() {
  const file = useAppStore((s) => s.libraryFile);
  const dismissed = useAppStore((s) => s.noticeDismissed);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const openBackups = useAppStore((s) => s.setBackupsOpen);
  const load = useAppStore((s) => s.loadLibraryFile);
  const init = useAppStore((s) => s.initLibrary);
  if (!file || (file.state === 'ok' && (!file.message || file.message === dismissed))) return null;

  if (file.state === 'unavailable') {
    return (
      <div className="banner danger" role="alert">
        <p><strong>The library cannot be used.</strong> {sentence(file.message)}</p>
        <div className="banner-actions">
          <button type="button" className="primary" onClick={() => openBackups(true)}>Restore a backup…</button>
          <button
            type="button"
            onClick={async () => {
              await load();
              if (useAppStore.getState().libraryFile?.state !== 'unavailable') await init();
            }}
          >
            Try again
          </button>
        </div>
      </div>
    );
  }
  const readOnly = file.state === 'read-only';
  return (
    <div className={`banner ${readOnly ? 'warn' : 'info'}`} role={readOnly ? 'alert' : 'status'}>
      <p>{readOnly && <strong>Read-only. </strong>}{sentence(file.message)}</p>
      {!readOnly && (
        <button type="button" className="link" onClick={dismiss}>Dismiss</button>
      )}
    </div>
  );
}
