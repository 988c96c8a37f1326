// The keyboard shortcut sheet (`?`, the header's Shortcuts button, the desktop Help menu): every
// shortcut of shortcut-list.ts, grouped. A modal dialog: Escape closes it and focus goes back.
import { Fragment } from 'react';
import { useAppStore } from '../store';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';
import { SHEET_NOTES, SHORTCUT_GROUPS } from './shortcut-list';

function Keys({ keys }: { keys: readonly (readonly string[])[] }) {
  return keys.map((combo, i) => (
    <Fragment key={combo.join('+')}>
      {i > 0 && <span className="muted"> or </span>}
      <kbd className="keys">
        {combo.map((k, j) => <Fragment key={k}>{j > 0 && '+'}<kbd>{k}</kbd></Fragment>)}
      </kbd>
    </Fragment>
  ));
}

export function ShortcutSheet() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const close = useAppStore((s) => s.closeShortcuts);
  const dialog = useModal(open);
  return (
    <dialog ref={dialog} className="dialog shortcut-sheet" aria-labelledby="shortcuts-title" onClose={close}>
      <DialogHead titleId="shortcuts-title" title="Keyboard shortcuts" onClose={close} />
      {open && (
        <div className="shortcut-groups">
          {SHORTCUT_GROUPS.map((g) => (
            <table key={g.title} className="data-table shortcut-table">
              <caption>{g.title}{g.when && <span className="muted"> — {g.when}</span>}</caption>
              <colgroup><col className="shortcut-keys" /><col /></colgroup>
              <thead className="visually-hidden">
                <tr><th scope="col">Keys</th><th scope="col">Action</th></tr>
              </thead>
              <tbody>
                {g.shortcuts.map((s) => (
                  <tr key={s.id}>
                    <th scope="row"><Keys keys={s.keys} /></th>
                    <td>{s.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <ul className="shortcut-notes">
            {SHEET_NOTES.map((n) => <li key={n}>{n}</li>)}
          </ul>
        </div>
      )}
    </dialog>
  );
}
