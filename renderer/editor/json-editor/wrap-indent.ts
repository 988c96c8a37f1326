// A wrapped line continues two columns past its own indentation, not at the left edge where
// it would read as a line of its own: a hanging indent per indentation width. Lines get a class,
// not an inline style: the browser's editing copies a line's attributes when text is inserted
// (an inline style there is refused by the CSP), and the rules live in CodeMirror's adopted sheet.
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Deeper indentation hangs as deep as this; JSON nested past 40 columns is rare. */
const MAX_WIDTH = 40;
const HANG = 2; // columns past the indentation

const hanging = (width: number) => ({ paddingLeft: `calc(${width + HANG}ch + 6px)`, textIndent: `-${width + HANG}ch` });

const rules: Record<string, ReturnType<typeof hanging>> = { '.cm-line': hanging(0) };
const marks: Decoration[] = [];
for (let w = 1; w <= MAX_WIDTH; w++) {
  rules[`.cm-line.json-indent-${w}`] = hanging(w);
  marks[w] = Decoration.line({ class: `json-indent-${w}` });
}

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc, tabSize } = view.state;
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos);
      pos = line.to + 1;
      if (line.number === last) continue;
      last = line.number;
      let width = 0;
      for (const c of line.text) {
        if (c === ' ') width++;
        else if (c === '\t') width += tabSize - (width % tabSize);
        else break;
      }
      if (width > 0) builder.add(line.from, line.from, marks[Math.min(width, MAX_WIDTH)]!);
    }
  }
  return builder.finish();
}

export const wrapIndent = [
  EditorView.theme(rules),
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view);
      }
    },
    { decorations: (p) => p.decorations },
  ),
];
