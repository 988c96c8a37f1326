// "New from example": a disclosure listing the bundled examples; picking one creates a scenario.
// Its last entry opens the gallery, the same examples with their stories and thumbnails.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { useDisclosure } from '../widgets/use-disclosure';
import { ExampleGalleryDialog } from './ExampleGallery';
import { useOpenExample } from './use-open-example';

export function NewFromExample() {
  const examples = useAppStore(useShallow((s) => s.examples));
  const { busy, open: openExample } = useOpenExample();
  const { open, setOpen, panelId: id, toggleProps, onKeyDown } = useDisclosure();
  const [galleryOpen, setGalleryOpen] = useState(false);

  const pick = async (exampleId: string) => {
    await openExample(exampleId);
    setOpen(false);
  };

  return (
    <>
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
            {examples.length > 0 && (
              <li className="example-gallery-entry">
                <button type="button" className="link" onClick={() => setGalleryOpen(true)}>All examples, with their stories…</button>
              </li>
            )}
          </ul>
        )}
      </div>
      <ExampleGalleryDialog
        open={galleryOpen}
        onClose={() => setGalleryOpen(false)}
        onOpened={() => {
          setGalleryOpen(false);
          setOpen(false);
        }}
      />
    </>
  );
}
