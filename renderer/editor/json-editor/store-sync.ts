// The store's text is the one source of truth: what is typed in the editor goes to the store,
// what the store gets from elsewhere (a form edit, Undo, another scenario) comes back as the
// smallest change, and the store's validation problems are shown at their place in the text.
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, Compartment, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { ParseResult } from '../../../simulation';
import { issueRanges } from './issue-ranges';
import { minimalChange } from './minimal-change';

/** Marks a change that came from the store, so it is not sent back. */
const fromStore = Annotation.define<boolean>();

/** aria-invalid and the problem list as the description, while the text has problems. */
const problemAttributes = new Compartment();
const problemAttrs = (invalid: boolean) => EditorView.contentAttributes.of(invalid ? { 'aria-invalid': 'true', 'aria-describedby': 'scenario-problems' } : {});

/** Sends each typed change of the document to `edit`. */
export function storeSync(edit: (doc: string) => void): Extension {
  return [
    problemAttributes.of(problemAttrs(false)),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !u.transactions.some((tr) => tr.annotation(fromStore))) edit(u.state.doc.toString());
    }),
  ];
}

/** Brings the editor to the store's text and problems. */
export function syncFromStore(view: EditorView, text: string, parse: ParseResult | null): void {
  const change = minimalChange(view.state.doc.toString(), text);
  // No scrollIntoView: a form edit or Undo leaves the reader where they are.
  if (change) view.dispatch({ changes: change, annotations: fromStore.of(true) });
  const issues = parse && !parse.ok ? parse.errors : [];
  const diagnostics: Diagnostic[] = issueRanges(text, issues).map(({ from, to, issue }) => ({
    from,
    to,
    severity: 'error',
    message: `${issue.path}: ${issue.message}`, // the problem list's (and the CLI's) wording
  }));
  view.dispatch(setDiagnostics(view.state, diagnostics), { effects: problemAttributes.reconfigure(problemAttrs(issues.length > 0)) });
}
