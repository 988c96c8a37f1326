// The example gallery: a card per bundled example with its title, its story, a thumbnail drawn
// from its scenario and an Open button (the same action as "New from example"). Shown on the
// start screen, when no scenario is open, and in a dialog from the library's example list.
import '../styles/gallery.css';
import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';
import { galleryEntries, type GalleryEntry } from './example-catalogue';
import { exampleThumbnail, THUMB_HEIGHT, THUMB_WIDTH, type Thumbnail, type ThumbShape } from './example-thumbnail';
import { useOpenExample } from './use-open-example';

function Shape({ shape }: { shape: ThumbShape }) {
  const className = `thumb-${shape.role}`;
  if (shape.kind === 'path') return <path className={className} d={shape.d} />;
  if (shape.kind === 'rect') return <rect className={className} x={shape.x} y={shape.y} width={shape.width} height={shape.height} />;
  return <text className={className} x={shape.x} y={shape.y} textAnchor={shape.anchor}>{shape.text}</text>;
}

function ThumbnailView({ thumb }: { thumb: Thumbnail | null }) {
  if (!thumb) return <div className="gallery-thumb gallery-thumb-empty" aria-hidden="true" />;
  return (
    <div className="gallery-thumb">
      <svg viewBox={`0 0 ${THUMB_WIDTH} ${THUMB_HEIGHT}`} role="img" aria-label={thumb.label} className={`thumb thumb-drawing-${thumb.drawing}`}>
        {thumb.shapes.map((s, i) => <Shape key={i} shape={s} />)}
      </svg>
      {/* The SVG's name says all of it; the legend is for the eye. */}
      <ul className="gallery-legend" aria-hidden="true">
        {thumb.legend.map((l) => (
          <li key={l.role}><span className={`legend-swatch swatch-${l.role}`} />{l.text}</li>
        ))}
      </ul>
    </div>
  );
}

function Card({ entry, thumb, disabled, onOpen }: { entry: GalleryEntry; thumb: Thumbnail | null; disabled: boolean; onOpen: () => void }) {
  const titleId = useId();
  const { name } = entry.example;
  return (
    <li className="gallery-card" aria-labelledby={titleId}>
      <ThumbnailView thumb={thumb} />
      <h3 id={titleId} className="gallery-title">{name}</h3>
      <p className="gallery-story">{entry.story}</p>
      <div className="gallery-actions">
        <button type="button" className="primary" disabled={disabled} aria-label={`Open example ${name}`} onClick={onOpen}>Open</button>
      </div>
    </li>
  );
}

export function ExampleGallery({ onOpened }: { onOpened?: () => void }) {
  const examples = useAppStore(useShallow((s) => s.examples));
  const loading = useAppStore((s) => s.libraryStatus === 'loading');
  // As "New from example": adding a scenario needs a library that can be written.
  const readOnly = useAppStore((s) => s.libraryFile !== null && s.libraryFile.state !== 'ok');
  const { busy, open } = useOpenExample();
  const entries = useMemo(() => galleryEntries(examples), [examples]);
  const thumbs = useMemo(() => entries.map((e) => exampleThumbnail(e.example.json, e.thumbnail)), [entries]);
  if (entries.length === 0) return <p className="muted">{loading ? 'Loading the examples…' : 'No bundled examples found.'}</p>;
  return (
    <>
      {readOnly && <p className="message warn">The library cannot be written to, so examples cannot be added to it now.</p>}
      <ul className="gallery" aria-label="Example gallery">
        {entries.map((e, i) => (
          <Card
            key={e.example.id}
            entry={e}
            thumb={thumbs[i] ?? null}
            disabled={busy || readOnly}
            onOpen={() => void open(e.example.id).then(() => onOpened?.())}
          />
        ))}
      </ul>
    </>
  );
}

/** The start screen's welcome: what Headroom is for, then the gallery. */
export function StartGallery() {
  return (
    <section className="panel start-gallery" aria-labelledby="gallery-heading">
      <div className="panel-head">
        <h2 id="gallery-heading">Examples</h2>
      </div>
      <p className="gallery-intro">
        Each example is a complete scenario with a point to make: open one to get a copy in your library, then run it and
        compare what the analytic table says with what the simulation shows.
      </p>
      <ExampleGallery />
    </section>
  );
}

export function ExampleGalleryDialog({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: () => void }) {
  const dialog = useModal(open);
  return (
    <dialog ref={dialog} className="dialog gallery-dialog" aria-labelledby="gallery-dialog-title" onClose={onClose}>
      <DialogHead titleId="gallery-dialog-title" title="Examples" onClose={onClose} />
      {open && <ExampleGallery onOpened={onOpened} />}
    </dialog>
  );
}
