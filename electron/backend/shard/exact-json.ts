// Replication outcomes as JSON that reads back to the very values a worker thread would have
// posted (a structured clone): plain JSON loses NaN, ±Infinity and −0 (written as null or 0),
// typed arrays (written as objects keyed "0", "1", …) and undefined. Those are written as small
// tagged objects instead ({"$exact": …}); every other finite number is written as JSON writes it,
// which JavaScript reads back to the same double.

const TAG = '$exact';

const TYPED = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;

export class ExactJsonError extends Error {}

function encodeNumber(n: number): unknown {
  if (Number.isNaN(n)) return { [TAG]: 'NaN' };
  if (n === Infinity) return { [TAG]: 'Infinity' };
  if (n === -Infinity) return { [TAG]: '-Infinity' };
  if (Object.is(n, -0)) return { [TAG]: '-0' };
  return n;
}

/** A JSON-safe copy of `value` (plain objects, arrays, typed arrays, numbers, strings, booleans, null, undefined). */
export function encodeExact(value: unknown, at = '$'): unknown {
  if (value === undefined) return { [TAG]: 'undefined' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return encodeNumber(value);
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new ExactJsonError(`${at}: cannot write a ${value.constructor.name}`);
    return { [TAG]: name, values: Array.from(value as unknown as ArrayLike<number>, encodeNumber) };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeExact(v, `${at}[${i}]`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new ExactJsonError(`${at}: cannot write a ${(value as object).constructor?.name ?? 'object'}`);
    if (TAG in value) throw new ExactJsonError(`${at}: a field is named ${TAG}`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeExact(v, `${at}.${k}`);
    return out;
  }
  throw new ExactJsonError(`${at}: cannot write a ${typeof value}`);
}

function decodeNumber(v: unknown, at: string): number {
  if (typeof v === 'number') return v;
  const tag = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[TAG] : undefined;
  switch (tag) {
    case 'NaN': return NaN;
    case 'Infinity': return Infinity;
    case '-Infinity': return -Infinity;
    case '-0': return -0;
    default: throw new ExactJsonError(`${at}: expected a number`);
  }
}

/** The value `encodeExact` was given, from its parsed JSON. */
export function decodeExact(json: unknown, at = '$'): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((v, i) => decodeExact(v, `${at}[${i}]`));
  const obj = json as Record<string, unknown>;
  if (TAG in obj) {
    const tag = obj[TAG];
    if (tag === 'undefined') return undefined;
    if (typeof tag === 'string' && tag in TYPED) {
      if (!Array.isArray(obj.values)) throw new ExactJsonError(`${at}.values: expected an array`);
      const Ctor = TYPED[tag as TypedName];
      return Ctor.from((obj.values as unknown[]).map((v, i) => decodeNumber(v, `${at}.values[${i}]`)));
    }
    return decodeNumber(obj, at);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = decodeExact(v, `${at}.${k}`);
  return out;
}
