// Locates a JSON syntax error by line and column. `JSON.parse` in Node 20 often omits the
// position, so after it fails we re-scan the text with a small strict JSON recognizer.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Fail extends Error {
  constructor(readonly pos: number, readonly reason: string) {
    super(reason);
  }
}

export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const describe = (pos: number) => (pos >= n ? 'end of input' : JSON.stringify(text[pos]));
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (what: string): never => {
    throw new Fail(i, `expected ${what}, got ${describe(i)}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else expect('a value');
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) throw new Fail(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) { i++; return; }
      if (c < 32) throw new Fail(i, 'control character in string (escape it)');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Fail(i, 'bad escape in string');
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') expect('a value');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 200) throw new Fail(i, 'nesting deeper than 200 levels');
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') expect('a property name in double quotes');
        string(); ws();
        if (text[i] !== ':') expect('":"');
        i++;
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        expect('"," or "}"');
      }
    } else if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        expect('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else expect('a value');
  };
  try {
    value(0);
    ws();
    if (i < n) throw new Fail(i, `unexpected ${describe(i)} after the end of the document`);
    return null;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const before = text.slice(0, e.pos);
    const line = before.split('\n').length;
    const column = e.pos - before.lastIndexOf('\n');
    return { line, column, message: e.reason };
  }
}
