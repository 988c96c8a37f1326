// Help → Licences: Headroom's own licence, the attributions of the example data it bundles, and
// the licences of the third-party packages it ships (each text in a disclosure). A modal dialog:
// Escape closes it and focus goes back. The document is fetched when the dialog opens.
import { useEffect, useState } from 'react';
import type { Licences } from '../../electron/common/contract';
import { api } from '../api';
import { useAppStore } from '../store';
import { DialogHead } from '../widgets/DialogHead';
import { useModal } from '../widgets/use-modal';
import { parseMarkdown, type Inline } from './simple-markdown';

type Loaded = { doc: Licences } | { error: string };

function InlineText({ inlines }: { inlines: Inline[] }) {
  return inlines.map((s, i) => {
    switch (s.kind) {
      case 'text': return <span key={i}>{s.text}</span>;
      case 'strong': return <strong key={i}>{s.text}</strong>;
      case 'em': return <em key={i}>{s.text}</em>;
      case 'code': return <code key={i}>{s.text}</code>;
      case 'link': return <span key={i} className="licence-url">{s.text === s.url ? s.url : `${s.text} (${s.url})`}</span>;
    }
  });
}

/** The Markdown's headings sit below the dialog's own h2: # becomes h3, ## h4, and so on. */
function MarkdownText({ markdown }: { markdown: string }) {
  return parseMarkdown(markdown).map((b, i) => {
    if (b.kind === 'heading') {
      const Tag = `h${Math.min(6, b.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={i}><InlineText inlines={b.inlines} /></Tag>;
    }
    if (b.kind === 'list') return <ul key={i}>{b.items.map((item, j) => <li key={j}><InlineText inlines={item} /></li>)}</ul>;
    return <p key={i}><InlineText inlines={b.inlines} /></p>;
  });
}

/** A licence's full text: a focusable <pre>, so that keyboard users can scroll it. */
function LicenceText({ text, label }: { text: string; label: string }) {
  return <pre className="licence-text" tabIndex={0} aria-label={label}>{text}</pre>;
}

function LicencesBody({ doc }: { doc: Licences }) {
  return (
    <>
      <section className="licences-section" aria-labelledby="licences-headroom">
        <h3 id="licences-headroom">Headroom</h3>
        <p>Headroom is released under the <strong>{doc.headroom.licence}</strong> licence:</p>
        <LicenceText text={doc.headroom.text} label="Headroom's licence" />
      </section>

      <section className="licences-section licences-markdown" aria-label="Example data">
        <MarkdownText markdown={doc.data.attribution} />
        {doc.data.licences.map((l) => (
          <details key={l.file} className="licence-details">
            <summary>Full text of <code>{l.file}</code></summary>
            <LicenceText text={l.text} label={`Licence text of ${l.file}`} />
          </details>
        ))}
      </section>

      <section className="licences-section" aria-labelledby="licences-third-party">
        <h3 id="licences-third-party">Third-party software</h3>
        <p className="muted">Headroom includes these {doc.thirdParty.length} open-source packages.</p>
        <ul className="licence-list">
          {doc.thirdParty.map((p) => {
            const where = p.homepage ?? p.repository;
            return (
              <li key={`${p.name}@${p.version}`}>
                <details className="licence-details">
                  <summary>
                    <span className="licence-package">{p.name}</span> <span className="version">{p.version}</span>{' '}
                    <span className="tag">{p.licence ?? 'licence not declared'}</span>
                  </summary>
                  {where && <p className="licence-url muted">{where}</p>}
                  {p.licenceText !== null
                    ? <LicenceText text={p.licenceText} label={`Licence of ${p.name}`} />
                    : <p className="muted">The package ships no licence file; its package.json declares {p.licence ?? 'no licence'}.</p>}
                </details>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

export function LicencesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModal(open);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Fetched on opening; once it has arrived it is kept (it changes only with a new build), and a
  // failure is asked again on the next opening.
  const needed = open && (loaded === null || 'error' in loaded);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    api.licences().then(
      (doc) => live && setLoaded({ doc }),
      (e: unknown) => live && setLoaded({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [needed]);

  return (
    <dialog ref={dialog} className="dialog licences-dialog" aria-labelledby="licences-title" onClose={onClose}>
      <DialogHead titleId="licences-title" title="Licences" onClose={onClose} />
      {open && (
        <div className="licences-body" aria-busy={loaded === null || undefined}>
          {loaded === null && <p className="muted">Loading…</p>}
          {loaded !== null && 'error' in loaded && <p className="message error" role="alert">Could not load the licences: {loaded.error}</p>}
          {loaded !== null && 'doc' in loaded && <LicencesBody doc={loaded.doc} />}
        </div>
      )}
      <div className="licences-actions">
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}

/** The dialog as the app shows it: opened from Help → Licences (desktop) or this button (both shells). */
export function AppLicences() {
  const open = useAppStore((s) => s.licencesOpen);
  const setOpen = useAppStore((s) => s.setLicencesOpen);
  return <LicencesDialog open={open} onClose={() => setOpen(false)} />;
}

export function LicencesButton() {
  const setOpen = useAppStore((s) => s.setLicencesOpen);
  return (
    <div className="panel licences-link">
      <button type="button" onClick={() => setOpen(true)}>Licences and data attributions</button>
    </div>
  );
}
