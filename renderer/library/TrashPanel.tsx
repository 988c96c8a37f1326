// The trash: deleted scenarios, each restorable or deletable for good (after a confirmation).
import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrashedScenario } from '../../electron/common/contract';
import { formatWhen } from '../format/numbers';
import { useAppStore } from '../store';

function TrashItem({ scenario }: { scenario: TrashedScenario }) {
  const restore = useAppStore((s) => s.restoreFromTrash);
  const purge = useAppStore((s) => s.purgeScenario);
  const [confirming, setConfirming] = useState(false);
  const purgeButton = useRef<HTMLButtonElement>(null);
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (kept) purgeButton.current?.focus(); // back where the keyboard user was
  }, [kept]);

  return (
    <li className="trash-item">
      <span className="scenario-name">{scenario.name}</span>
      <span className="scenario-meta">deleted <time dateTime={scenario.deletedAt}>{formatWhen(scenario.deletedAt)}</time> · v{scenario.version}</span>
      {confirming ? (
        <div role="group" aria-label={`Confirm deleting ${scenario.name} for good`} className="confirm">
          <p>Delete “{scenario.name}”, its {scenario.version} version{scenario.version === 1 ? '' : 's'} and its runs for good? This cannot be undone.</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void purge(scenario.id)}>Delete for good</button>
            <button type="button" autoFocus onClick={() => { setConfirming(false); setKept(true); }}>Keep</button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" onClick={() => void restore(scenario.id)} aria-label={`Restore ${scenario.name}`}>Restore</button>
          <button ref={purgeButton} type="button" className="link danger-link" aria-label={`Delete ${scenario.name} for good`} onClick={() => { setConfirming(true); setKept(false); }}>
            Delete for good…
          </button>
        </div>
      )}
    </li>
  );
}

export function TrashPanel() {
  const open = useAppStore((s) => s.trashOpen);
  const toggle = useAppStore((s) => s.toggleTrash);
  const trash = useAppStore(useShallow((s) => s.trash));
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');
  const id = useId();
  if (!writable) return null;
  return (
    <section className="panel trash" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">Trash</h2>
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={id} onClick={toggle}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Trash{open ? ` (${trash.length})` : ''}
      </button>
      {open && (
        <div id={id}>
          {trash.length === 0 ? <p className="muted">The trash is empty.</p> : (
            <ul className="trash-list" aria-label="Deleted scenarios">
              {trash.map((s) => <TrashItem key={s.id} scenario={s} />)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
