// Generated malformed requests for the preview server's fuzz test: a method, a target (percent
// garbage, NUL, traversal, API paths), headers (Host, token, Origin, Content-Type, huge and odd
// ones) and a body with its framing (garbage, truncated or deeply nested JSON, bad or lying
// Content-Length, chunked, 50 MB). Each case says whether the server may close without answering
// (the client gave up mid-request, or CONNECT, which this server does not speak).
import fc from 'fast-check';
import { API_METHODS } from '../../../electron/common/api';

export interface RequestCase {
  label: string;
  target: string;
  head: (port: number, token: string) => Buffer;
  body?: Buffer;
  mayGoUnanswered: boolean;
}

/** The targets that ended the process before the fix. */
const CRASHERS = ['/%ff', '/%', '/%E0%A4%A', '/index.html%00.js', '/api/backups/%ff', '//['];
const TRAVERSAL = [
  '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..\\secret.txt', '/..%5csecret.txt',
  '/%2e%2e%5csecret.txt', '/../static-sibling/secret.txt', '/%2e%2e/static-sibling/secret.txt', '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt', '/./../secret.txt', '//../secret.txt', '/....//secret.txt', '/%252e%252e/secret.txt',
  '/.%2e/secret.txt', '/%2Fetc%2Fpasswd', '/%2F%2Fetc/passwd', '/..%c0%afsecret.txt', '/..%00/secret.txt',
];
const API_TARGETS = [...API_METHODS.map((m) => `/api/call/${m}`), '/api/events', '/api/restore-upload', '/api/backups/library-v1-x.sqlite', '/api/call/constructor', '/api/call/__proto__'];

const segment = fc.oneof(
  fc.constantFrom('%', '%f', '%ff', '%FF%FE', '%E0%A4%A', '%C0%AE', '%00', '%2e%2e', '..', '.', '%2f', '%5c', '\\', '%25', '%%',
    'index.html', 'assets', 'app.js', 'events', 'backups', 'call', 'listScenarios', '?token=x', '#frag', ';', '%20'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ maxLength: 8 }),
  fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.integer({ min: 100, max: 12_000 }).map((n) => 'a'.repeat(n)),
);
const generatedPath = fc.tuple(fc.constantFrom('/', '//', '/api/', '/api/call/', '/api/backups/', '/assets/', '/api//call/'), fc.array(segment, { maxLength: 5 }))
  .map(([prefix, parts]) => prefix + parts.join('/'));
const target = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...CRASHERS) },
  { weight: 3, arbitrary: fc.constantFrom(...TRAVERSAL) },
  { weight: 6, arbitrary: generatedPath },
  { weight: 4, arbitrary: fc.constantFrom(...API_TARGETS) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://127.0.0.1/', 'index.html', '', '/?token=x', '/#x') },
);

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 2, arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'BREW', 'get', 'G ET', '', 'CONNECT') },
);

type Header = [string, string];
const pick = <T>(weighted: [number, T][]) => fc.oneof(...weighted.map(([weight, v]) => ({ weight, arbitrary: fc.constant(v) })));
const hostKind = pick<string>([[8, 'ok'], [1, 'localhost'], [1, 'evil'], [1, 'none'], [1, 'dup'], [1, 'noport'], [1, 'empty']]);
const tokenKind = pick<string>([[6, 'ok'], [2, 'none'], [1, 'wrong'], [1, 'dup'], [1, 'prefix'], [1, 'latin1'], [1, 'empty']]);
const originKind = pick<string>([[6, 'none'], [2, 'ok'], [1, 'evil'], [1, 'null']]);
const contentType = pick<string | null>([[5, 'application/json'], [1, 'application/json; charset=utf-8'], [1, 'application/octet-stream'], [1, null], [1, 'text/plain'], [1, '\u00ff\u00fe']]);
const oddHeader = fc.oneof(
  fc.integer({ min: 1_000, max: 70_000 }).map((n): Header[] => [['X-Big', 'x'.repeat(n)]]),
  fc.integer({ min: 50, max: 400 }).map((n): Header[] => Array.from({ length: n }, (_, i) => [`X-Many-${i}`, 'v'])),
  fc.constantFrom<Header[]>([['X Space', 'v']], [['X:Colon', 'v']], [['\u00c4-Header', 'v']], [['', 'v']], [['X-Fold', 'a\r\n folded']],
    [['X-Ctl', 'a\u0001b']], [['Expect', '100-continue']], [['Connection', 'keep-alive, Upgrade']], [['Transfer-Encoding', 'gzip']]),
  fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })).map((h): Header[] => [h]),
);

const nonString = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxKeys: 3 }),
);
const validJson = fc.array(nonString, { maxLength: 5 }).map((args) => JSON.stringify({ args }));
const bodyKind = fc.oneof(
  { weight: 3, arbitrary: fc.constant(['none', '']) },
  { weight: 4, arbitrary: validJson.map((t) => ['args', t]) },
  { weight: 2, arbitrary: fc.tuple(validJson, fc.nat()).map(([t, n]) => ['truncated', t.slice(0, n % Math.max(1, t.length))]) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => ['deep', `{"args":[${'['.repeat(n)}${']'.repeat(n)}]}`]) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => ['deep-object', `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`]) },
  { weight: 2, arbitrary: fc.constantFrom('null', '1', '"x"', '[]', '{}', '{"args":{}}', '{"args":null}', '{"args":[1,2,3,4,5]}', '{"__proto__":{"args":[]}}', '\ufeff{"args":[]}').map((t) => ['not-args', t]) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((b) => ['garbage', Buffer.from(b).toString('latin1')]) },
  { weight: 1, arbitrary: fc.constant(['huge', '']) },
);
const framing = pick<string>([[10, 'exact'], [2, 'none'], [2, 'invalid'], [1, 'dup'], [1, 'short'], [1, 'declared-huge'], [2, 'chunked'], [1, 'chunked-garbage'], [1, 'chunked-cut'], [1, 'te-and-cl']]);
const invalidLength = fc.constantFrom('abc', '-1', '1.5', '', '0x10', '1,2', '99999999999999999999999', '+5', '1e3');

const HUGE = Buffer.alloc(50 * 1024 * 1024, 0x20);

const anything = fc.record({
  method, target, host: hostKind, token: tokenKind, origin: originKind, contentType,
  odd: fc.option(oddHeader, { freq: 3 }), body: bodyKind, framing, invalidLength,
});
// Half the cases pass every check before the body (Host, token, method, a real API call, JSON
// content type, exact length), so that the body itself reaches the parser and the backend.
const pastTheChecks = fc.record({
  method: fc.constant('POST'), target: fc.constantFrom(...API_METHODS.map((m) => `/api/call/${m}`)), host: fc.constant('ok'),
  token: fc.constant('ok'), origin: fc.constantFrom('none', 'ok'), contentType: fc.constant<string | null>('application/json'),
  odd: fc.constant(null), body: bodyKind, framing: fc.constant('exact'), invalidLength,
});

export const requestCase: fc.Arbitrary<RequestCase> = fc.oneof(anything, pastTheChecks).map((r) => {
  const [bodyName, text] = r.body as [string, string];
  const body = bodyName === 'huge' ? HUGE : Buffer.from(text, 'latin1');
  const framed = frame(r.framing, body, r.invalidLength);
  const mayGoUnanswered = r.method === 'CONNECT' || framed.cut;
  const label = `${r.method} ${JSON.stringify(r.target.slice(0, 120))} host=${r.host} token=${r.token} origin=${r.origin} body=${bodyName}(${body.length}) framing=${r.framing}${r.odd ? ` odd=${JSON.stringify(r.odd[0]?.[0])}` : ''}`;
  return {
    label,
    [fc.toStringMethod]: () => label,
    target: r.target,
    body: framed.payload,
    mayGoUnanswered,
    head: (port: number, token: string) => {
      const headers: Header[] = [...hostHeaders(r.host, port), ...tokenHeaders(r.token, token)];
      if (r.origin !== 'none') headers.push(['Origin', { ok: `http://127.0.0.1:${port}`, evil: 'http://evil.example', null: 'null' }[r.origin]!]);
      if (r.contentType !== null) headers.push(['Content-Type', r.contentType]);
      headers.push(...framed.headers, ...(r.odd ?? []), ['Connection', 'close']);
      const lines = headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
      return Buffer.from(`${r.method} ${r.target} HTTP/1.1\r\n${lines}\r\n`, 'latin1');
    },
  };
});

function hostHeaders(kind: string, port: number): Header[] {
  const ok: Header = ['Host', `127.0.0.1:${port}`];
  switch (kind) {
    case 'ok': return [ok];
    case 'localhost': return [['Host', `localhost:${port}`]];
    case 'evil': return [['Host', `evil.example:${port}`]];
    case 'dup': return [['Host', `evil.example:${port}`], ok];
    case 'noport': return [['Host', '127.0.0.1']];
    case 'empty': return [['Host', '']];
    default: return [];
  }
}

function tokenHeaders(kind: string, token: string): Header[] {
  const h = (v: string): Header => ['X-Headroom-Token', v];
  switch (kind) {
    case 'ok': return [h(token)];
    case 'wrong': return [h(token.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')))];
    case 'dup': return [h(token), h(token)];
    case 'prefix': return [h(token.slice(0, -1))];
    case 'latin1': return [h(`${token.slice(0, -1)}\u00e9`)];
    case 'empty': return [h('')];
    default: return [];
  }
}

/** The body as sent, its framing headers, and whether the exchange may end without an answer (cut short: the client then gives up). */
function frame(kind: string, body: Buffer, invalidLength: string): { headers: Header[]; payload: Buffer; cut: boolean } {
  const length = (n: number | string): Header => ['Content-Length', String(n)];
  const chunked = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n0\r\n\r\n')]);
  switch (kind) {
    case 'exact': return { headers: [length(body.length)], payload: body, cut: false };
    // Without a length the body is read as a second, garbage request: Node may then close the
    // connection without finishing the first answer (one already streaming, say).
    case 'none': return { headers: [], payload: body, cut: body.length > 0 };
    case 'invalid': return { headers: [length(invalidLength)], payload: body, cut: false };
    case 'dup': return { headers: [length(body.length), length(body.length + 1)], payload: body, cut: false };
    case 'short': return { headers: [length(body.length + 10)], payload: body, cut: true };
    case 'declared-huge': return { headers: [length(1e12)], payload: body.subarray(0, 1000), cut: true };
    case 'chunked': return { headers: [['Transfer-Encoding', 'chunked']], payload: body.length ? chunked(body) : Buffer.from('0\r\n\r\n'), cut: false };
    case 'chunked-garbage': return { headers: [['Transfer-Encoding', 'chunked']], payload: Buffer.concat([Buffer.from('zz\r\n'), body]), cut: false };
    case 'chunked-cut': return { headers: [['Transfer-Encoding', 'chunked']], payload: chunked(body).subarray(0, -7), cut: true };
    default: return { headers: [['Transfer-Encoding', 'chunked'], length(body.length)], payload: chunked(body), cut: false };
  }
}
