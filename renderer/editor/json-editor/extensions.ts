// The JSON editor's CodeMirror setup: line numbers, highlighting by class (coloured in
// json-editor.css from the theme's variables, so light and dark both read well), bracket
// matching, folding, the store's problems as diagnostics. No CodeMirror history: Undo and Redo
// are the store's, one history across the form and the JSON view.
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, codeFolding, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type KeyBinding } from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';
import { adoptCodeMirrorStyles } from './csp-styles';
import { storeSync } from './store-sync';
import { wrapIndent } from './wrap-indent';

export interface JsonEditorHandlers {
  /** The document after a typed change. */
  edit(doc: string): void;
  undo(): void;
  redo(): void;
}

const highlighter = tagHighlighter([
  { tag: tags.propertyName, class: 'json-key' },
  { tag: tags.string, class: 'json-string' },
  { tag: tags.number, class: 'json-number' },
  { tag: [tags.bool, tags.null], class: 'json-literal' },
  { tag: tags.punctuation, class: 'json-punctuation' },
]);

/**
 * Undo and Redo go to the store. Propagation stops here so the app's own Ctrl+Z shortcut
 * (use-shortcuts.ts, which also acts in text fields) does not undo a second time.
 */
function historyKeys(on: JsonEditorHandlers): KeyBinding[] {
  const run = (f: () => void) => () => {
    f();
    return true;
  };
  return [
    { key: 'Mod-z', run: run(on.undo), preventDefault: true, stopPropagation: true },
    { key: 'Mod-Shift-z', run: run(on.redo), preventDefault: true, stopPropagation: true },
    { key: 'Mod-y', run: run(on.redo), preventDefault: true, stopPropagation: true },
  ];
}

// Ctrl+Enter is the app's Run; CodeMirror's "insert blank line" would edit the text first.
const editingKeys = defaultKeymap.filter((k) => k.key !== 'Mod-Enter');

export function jsonEditorExtensions(on: JsonEditorHandlers): Extension[] {
  return [
    // Offsets equal the store's string offsets (CRLF is not normalised away).
    EditorState.lineSeparator.of('\n'),
    EditorState.tabSize.of(2),
    // The panel is narrow: long lines (a description, one-line tasks) wrap rather than scroll.
    EditorView.lineWrapping,
    wrapIndent,
    EditorView.contentAttributes.of({ 'aria-label': 'Scenario JSON', id: 'scenario-json', autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false' }),
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    codeFolding(),
    lintGutter(),
    highlightActiveLine(),
    json(),
    syntaxHighlighting(highlighter),
    bracketMatching(),
    indentOnInput(),
    Prec.highest(keymap.of(historyKeys(on))),
    keymap.of([...editingKeys, ...foldKeymap, ...lintKeymap]),
    // The browser's own undo (context menu, Edit menu) would rewrite the DOM behind CodeMirror.
    EditorView.domEventHandlers({
      beforeinput(e) {
        if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return false;
        e.preventDefault();
        if (e.inputType === 'historyUndo') on.undo();
        else on.redo();
        return true;
      },
    }),
    storeSync(on.edit),
  ];
}

/** A JSON editor on `doc` in `parent`; the caller destroys it. */
export function createJsonEditor(parent: HTMLElement, doc: string, on: JsonEditorHandlers): EditorView {
  adoptCodeMirrorStyles(parent.ownerDocument);
  return new EditorView({ parent, state: EditorState.create({ doc, extensions: jsonEditorExtensions(on) }) });
}
