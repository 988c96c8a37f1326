// CodeMirror injects its styles through style-mod, which writes a <style> element into a
// Document (refused by our CSP, style-src 'self' without 'unsafe-inline') and uses a
// constructed, adopted style sheet (allowed) only for a root without a <head>, a shadow root.
// Mounting once on such a stand-in creates the document's adopted set; handing that set to the
// document makes CodeMirror's own mounts use it. Style-mod keys its set by a private symbol on
// the root, found here as the one symbol the mount added; e2e tests count CSP violations.
import { StyleModule } from 'style-mod';

type Keyed = Record<symbol, unknown>;

/** Makes later style-mod mounts in `doc` go to an adopted style sheet. Call before the first EditorView. */
export function adoptCodeMirrorStyles(doc: Document): void {
  if (!('adoptedStyleSheets' in doc)) return;
  const standIn = { ownerDocument: doc, adoptedStyleSheets: [] as CSSStyleSheet[] };
  StyleModule.mount(standIn as unknown as ShadowRoot, []);
  for (const key of Object.getOwnPropertySymbols(standIn)) {
    if (!(key in doc)) (doc as unknown as Keyed)[key] = (standIn as unknown as Keyed)[key];
  }
}
