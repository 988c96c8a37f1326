// The JSON view: the whole scenario text in a code editor (CodeMirror), validated on every
// keystroke like the form, with each problem marked where it is in the text.
import { useEffect, useRef } from 'react';
import type { EditorView } from '@codemirror/view';
import { useAppStore } from '../store';
import { createJsonEditor } from './json-editor/extensions';
import { syncFromStore } from './json-editor/store-sync';

export function JsonView() {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const text = useAppStore((s) => s.text);
  const parse = useAppStore((s) => s.parse);

  useEffect(() => {
    const store = useAppStore.getState;
    const editor = createJsonEditor(host.current as HTMLDivElement, store().text, {
      edit: (doc) => store().setText(doc, 'json'),
      undo: () => store().undo(),
      redo: () => store().redo(),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    if (view.current) syncFromStore(view.current, text, parse);
  }, [text, parse]);

  return <div className="json-view" ref={host} />;
}
