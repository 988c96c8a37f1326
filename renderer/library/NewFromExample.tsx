// "New from example": a disclosure listing the bundled examples; picking one creates a scenario.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { useDisclosure } from '../widgets/use-disclosure';

export function NewFromExample() {
  const examples = useAppStore(useShallow((s) => s.examples));
  const create = useAppStore((s) => s.createFromExample);
  const { open, setOpen, panelId: id, toggleProps, onKeyDown } = useDisclosure();
  const [busy, setBusy] = useState(false);

  const pick = async (exampleId: string) => {
    setBusy(true);
    await create(exampleId);
    setBusy(false);
    setOpen(false);
  };

  return (
    <div className="new-from-example" onKeyDown={onKeyDown}>
      <button type="button" {...toggleProps}>
        New from example
      </button>
      {open && (
        <ul id={id} className="example-list" aria-label="Examples">
          {examples.length === 0 && <li className="muted">No bundled examples found.</li>}
          {examples.map((x) => (
            <li key={x.id}>
              <button type="button" disabled={busy} aria-describedby={`${id}-${x.id}`} onClick={() => void pick(x.id)}>
                {x.name}
              </button>
              <p id={`${id}-${x.id}`} className="example-description">{x.description}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
