// Mutations of a real JSON document for the fuzz tests: values replaced, deleted or inserted at
// random paths (numbers past double range, -0, subnormals, NaN-ish strings, control characters,
// huge or empty arrays, prototype keys as real own keys, nesting up to 10,000 deep), then
// text-level damage (truncation, garbage, a byte-order mark). A case is plain data, so
// fast-check can shrink it and print it; `mutateJson` turns it into text.
import fc from 'fast-check';

/** Text the serializer writes as-is: what JSON.stringify cannot produce (1e400, -0, deep nesting, bad syntax). */
export class Raw {
  constructor(readonly text: string) {}
}

type Node = unknown;

export type Value =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'deep'; depth: number; brace: boolean }
  | { kind: 'huge'; length: number; element: 'number' | 'copy' | 'string' | 'object' }
  | { kind: 'copy'; from: number }
  | { kind: 'protoObject'; key: string };

export type Mutation =
  | { op: 'replace'; at: number; value: Value }
  | { op: 'delete'; at: number }
  | { op: 'insert'; at: number; key: string; value: Value }
  /** One of the document's numbers times `factor`: mostly still valid, so the figures get edge inputs. */
  | { op: 'scale'; at: number; factor: number; integer: boolean };

export type TextDamage =
  | { op: 'truncate'; at: number }
  | { op: 'garbage'; at: number; text: string }
  | { op: 'bom' }
  | { op: 'dropChar'; at: number };

export interface JsonCase {
  mutations: Mutation[];
  damage: TextDamage[];
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

const NUMBER_TOKENS = [
  '1e308', '-1e308', '1.7976931348623157e308', '1e400', '-1e400', '-0', '0', '5e-324', '-5e-324', '1e-400', '0.5', '1.5', '-1',
  '-1e-9', '2.5e9', '4294967297', '9007199254740993', '1e21', '123456789012345678901234567890', '9'.repeat(400), `0.${'0'.repeat(399)}1`,
];
const BAD_TOKENS = ['NaN', 'Infinity', '-Infinity', 'undefined', "'x'", '0x10', '01', '+1', '.5', '1.', '1e', '[,]', '{,}', '"\\x"', '"\\ud800"', '[1,]', '{"a":1,}'];
const NANISH_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e999', '', ' ', '0x10', '1_000', '12abc', 'null', 'true', '-0', '١٢٣'];
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff', '\u202e', '\r\n', '\t');

const arbString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(CONTROL, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  fc.constantFrom(...NANISH_STRINGS),
  fc.constantFrom('x'.repeat(100_000), '../'.repeat(20), '/etc/passwd', 'C:\\Windows\\win.ini', 'data/../../x.csv', '\\\\server\\share\\x.csv'),
);

export const arbValue: fc.Arbitrary<Value> = fc.oneof(
  { arbitrary: fc.constantFrom(...NUMBER_TOKENS).map((text): Value => ({ kind: 'raw', text })), weight: 4 },
  { arbitrary: fc.double().map((d): Value => (Number.isFinite(d) ? { kind: 'raw', text: String(d) } : { kind: 'json', value: String(d) })), weight: 2 },
  { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((value): Value => ({ kind: 'json', value })), weight: 2 },
  { arbitrary: arbString.map((value): Value => ({ kind: 'json', value })), weight: 3 },
  { arbitrary: fc.constantFrom(...BAD_TOKENS).map((text): Value => ({ kind: 'raw', text })), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}).map((value): Value => ({ kind: 'json', value })), weight: 2 },
  { arbitrary: fc.record({ depth: fc.constantFrom(2, 63, 64, 65, 200, 10_000), brace: fc.boolean() }).map((d): Value => ({ kind: 'deep', ...d })), weight: 1 },
  {
    arbitrary: fc.record({ length: fc.constantFrom(0, 1, 2, 1000, 100_000), element: fc.constantFrom('number' as const, 'copy' as const, 'string' as const, 'object' as const) })
      .map((h): Value => ({ kind: 'huge', ...h })),
    weight: 1,
  },
  { arbitrary: fc.nat().map((from): Value => ({ kind: 'copy', from })), weight: 2 },
  { arbitrary: fc.constantFrom(...PROTO_KEYS).map((key): Value => ({ kind: 'protoObject', key })), weight: 1 },
);

const arbKey = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'toString', 'hasOwnProperty', '', 'id', 'x', 'serving', 'path'), fc.string({ maxLength: 12 }));

export const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: arbValue }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), key: arbKey, value: arbValue }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('scale' as const),
      at: fc.nat(),
      factor: fc.oneof(fc.constantFrom(0, 1e-300, 1e-12, 1e-6, 0.001, 0.5, 0.999, 1.001, 2, 10, 1000, 1e6, 1e9, 1e12, 1e15, 1e300), fc.double({ min: 0, max: 100, noNaN: true })),
      integer: fc.boolean(),
    }),
    weight: 6,
  },
);

export const arbDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('garbage' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.constantFrom('"', '{', ']', ',', '\\', '\u0000')) }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('dropChar' as const), at: fc.nat() }),
);

export const arbJsonCase: fc.Arbitrary<JsonCase> = fc.record({
  mutations: fc.array(arbMutation, { minLength: 1, maxLength: 3 }),
  damage: fc.oneof({ arbitrary: fc.constant<TextDamage[]>([]), weight: 4 }, { arbitrary: fc.array(arbDamage, { minLength: 1, maxLength: 2 }), weight: 1 }),
});

/** The JSON text of `v`; Raw values verbatim; own keys named `__proto__` kept as keys. */
export function serialize(v: Node): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(serialize).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${serialize((v as Record<string, Node>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

interface Slot {
  parent: Record<string, Node> | Node[] | null;
  key: string | number;
  value: Node;
}

function slots(root: Node): Slot[] {
  const out: Slot[] = [{ parent: null, key: '', value: root }];
  const walk = (v: Node) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i, value: x }); walk(x); });
    else if (typeof v === 'object' && v !== null && !(v instanceof Raw)) {
      for (const k of Object.keys(v)) { out.push({ parent: v as Record<string, Node>, key: k, value: (v as Record<string, Node>)[k] }); walk((v as Record<string, Node>)[k]); }
    }
  };
  walk(root);
  return out;
}

/** Sets an own property, even one named `__proto__`. */
function setOwn(obj: Record<string, Node>, key: string, value: Node): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function build(v: Value, at: Slot, all: Slot[]): Node {
  switch (v.kind) {
    case 'json': return structuredClone(v.value);
    case 'raw': return new Raw(v.text);
    case 'deep': return new Raw(v.brace ? `${'{"a":'.repeat(v.depth)}0${'}'.repeat(v.depth)}` : `${'['.repeat(v.depth)}0${']'.repeat(v.depth)}`);
    case 'huge': {
      const element = v.element === 'number' ? '1e308' : v.element === 'string' ? '"x"' : v.element === 'object' ? '{}' : serialize(at.value);
      // At most ~64 MB of text: past the readers' caps already, and within a JavaScript string's limit.
      const length = Math.min(v.length, Math.floor(64e6 / (element.length + 1)));
      return new Raw(`[${new Array<string>(length).fill(element).join(',')}]`);
    }
    case 'copy': return new Raw(serialize((all[v.from % all.length] as Slot).value));
    case 'protoObject': return new Raw(`{${JSON.stringify(v.key)}:{"polluted":true},"x":1}`);
  }
}

function put(slot: Slot, value: Node): Node | undefined {
  if (slot.parent === null) return value; // the root itself
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else setOwn(slot.parent, slot.key as string, value);
  return undefined;
}

/** Applies the structural mutations to the parsed `text`, then the text damage. */
export function mutateJson(text: string, c: JsonCase): string {
  let root: Node = JSON.parse(text);
  for (const m of c.mutations) {
    const all = slots(root);
    if (m.op === 'scale') {
      const numbers = all.filter((s) => typeof s.value === 'number');
      const slot = numbers[m.at % Math.max(1, numbers.length)];
      if (slot) {
        const scaled = (slot.value as number) * m.factor;
        put(slot, m.integer ? Math.round(scaled) : scaled);
      }
      continue;
    }
    const slot = all[m.at % all.length] as Slot;
    if (m.op === 'replace') root = put(slot, build(m.value, slot, all)) ?? root;
    else if (m.op === 'delete') {
      if (slot.parent === null) root = new Raw('');
      else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
    } else {
      const target = slot.value instanceof Raw || typeof slot.value !== 'object' || slot.value === null ? slot.parent : slot.value;
      const value = build(m.value, slot, all);
      if (Array.isArray(target)) target.splice(m.at % (target.length + 1), 0, value);
      else if (target) setOwn(target as Record<string, Node>, m.key, value);
    }
  }
  return damageText(serialize(root), c.damage);
}

export function damageText(text: string, damage: readonly TextDamage[]): string {
  let t = text;
  for (const d of damage) {
    const at = 'at' in d ? d.at % (t.length + 1) : 0;
    if (d.op === 'truncate') t = t.slice(0, at);
    else if (d.op === 'garbage') t = t.slice(0, at) + d.text + t.slice(at);
    else if (d.op === 'bom') t = `\ufeff${t}`;
    else t = t.slice(0, at) + t.slice(at + 1);
  }
  return t;
}

/** One number scaled, no damage: mostly valid documents, for samples too small to waste on refusals. */
export const arbGentleJsonCase: fc.Arbitrary<JsonCase> = arbMutation
  .filter((m) => m.op === 'scale')
  .map((m) => ({ mutations: [m], damage: [] }));
