// What differs between two scenarios' inputs, leaf by leaf: `serving.services[0].replicas`
// 8 → 10. Arrays of objects with ids are matched by id, so reordering tasks is not a change;
// descriptive text (name, description) is left out.
export interface InputChange {
  path: string;
  /** The value in A and in B (null when absent on that side). */
  a: string | number | boolean | null;
  b: string | number | boolean | null;
}

const DESCRIPTIVE = new Set(['name', 'description', 'format']);
type Leaf = string | number | boolean | null;

function leaves(node: unknown, segments: (string | number)[], out: Map<string, Leaf>): void {
  if (Array.isArray(node)) {
    const ids = node.every((x) => typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string');
    node.forEach((v, i) => {
      // Keyed by id where there are ids: `tasks[train_model]` reads as a name, not a position.
      leaves(v, [...segments, ids ? `[${(v as { id: string }).id}]` as unknown as number : i], out);
    });
    if (node.length === 0) out.set(formatPathWithIds(segments), '[]');
    return;
  }
  if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (segments.length === 0 && DESCRIPTIVE.has(k)) continue;
      leaves(v, [...segments, k], out);
    }
    return;
  }
  out.set(formatPathWithIds(segments), node as Leaf);
}

function formatPathWithIds(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : s.startsWith('[') ? s : i === 0 ? s : `.${s}`)).join('');
}

export function inputChanges(a: unknown, b: unknown): InputChange[] {
  const la = new Map<string, Leaf>(), lb = new Map<string, Leaf>();
  leaves(a, [], la);
  leaves(b, [], lb);
  const out: InputChange[] = [];
  for (const [path, va] of la) {
    const vb = lb.has(path) ? (lb.get(path) as Leaf) : null;
    if (va !== vb) out.push({ path, a: va, b: vb });
  }
  for (const [path, vb] of lb) if (!la.has(path)) out.push({ path, a: null, b: vb });
  return out;
}
