// Backups of the whole library: make one (in the backups folder, or a file of your choosing),
// and restore one. A modal <dialog>: the browser traps focus in it and Escape closes it.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatWhen } from '../format/numbers';
import { useAppStore } from '../store';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupsButton() {
  const open = useAppStore((s) => s.setBackupsOpen);
  return (
    <div className="panel library-file">
      <button type="button" onClick={() => open(true)}>Library backups…</button>
    </div>
  );
}

export function BackupsDialog() {
  const open = useAppStore((s) => s.backupsOpen);
  const setOpen = useAppStore((s) => s.setBackupsOpen);
  const file = useAppStore((s) => s.libraryFile);
  const backups = useAppStore(useShallow((s) => s.libraryFile?.backups ?? []));
  const busy = useAppStore((s) => s.libraryFileBusy);
  const error = useAppStore((s) => s.libraryFileError);
  const backupNow = useAppStore((s) => s.backupNow);
  const backupToFile = useAppStore((s) => s.backupToFile);
  const restore = useAppStore((s) => s.restoreBackup);
  const restoreFromFile = useAppStore((s) => s.restoreFromFile);
  const [confirming, setConfirming] = useState<string | null>(null);
  const dialog = useModal(open);
  // Closing forgets a pending confirmation (reset while rendering, not in the effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (!open) setConfirming(null);
  }

  const canBackUp = file?.state !== 'unavailable';
  const canRestore = file?.state !== 'read-only';
  return (
    <dialog ref={dialog} className="dialog backups" aria-labelledby="backups-title" onClose={() => setOpen(false)}>
      <DialogHead titleId="backups-title" title="Library backups" onClose={() => setOpen(false)} />
      {file && (
        <p className="muted dialog-note">
          Library: <code>{file.file}</code>{file.schemaVersion !== null && <> · schema version {file.schemaVersion}</>}. A backup is one file holding every scenario, version and run.
        </p>
      )}
      {error && <p className="message error" role="alert">{error}</p>}
      <div className="row">
        {canBackUp && <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>Back up now</button>}
        {canBackUp && <button type="button" disabled={busy} onClick={() => void backupToFile()}>Back up to a file…</button>}
        {canRestore && <button type="button" disabled={busy} onClick={() => void restoreFromFile()}>Restore from a file…</button>}
      </div>
      <h3 className="dialog-subtitle">In the backups folder</h3>
      {backups.length === 0 ? <p className="muted">No backups yet.</p> : (
        <ul className="backup-list" aria-label="Backups">
          {backups.map((b) => (
            <li key={b.name} className="backup-item">
              <span className="backup-name"><code>{b.name}</code></span>
              <span className="muted">
                <time dateTime={b.createdAt}>{formatWhen(b.createdAt)}</time> · {size(b.size)}{b.schemaVersion !== null ? ` · schema v${b.schemaVersion}` : ' · unreadable'}
              </span>
              {canRestore && (confirming === b.name ? (
                <span role="group" aria-label={`Confirm restoring ${b.name}`} className="row">
                  <button type="button" className="danger" disabled={busy} onClick={() => void restore(b.name)}>Replace the library</button>
                  <button type="button" autoFocus onClick={() => setConfirming(null)}>Cancel</button>
                </span>
              ) : (
                <button type="button" disabled={busy} aria-label={`Restore ${b.name}`} onClick={() => setConfirming(b.name)}>Restore…</button>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="muted dialog-note">Restoring checks the backup first and keeps the library as it is now as another backup.</p>
    </dialog>
  );
}
