// Reading and writing one field of a parsed scenario by its JSON path, for the form view.
// Writing returns a new object (structural sharing), so history snapshots never alias.
export type JsonPath = readonly (string | number)[];

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

export function getAtPath(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets (or, with `undefined`, deletes) the value at `path`, creating objects on the way. */
export function setAtPath(root: unknown, path: JsonPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const base: Record<string | number, unknown> | unknown[] = isContainer(root)
    ? Array.isArray(root) ? [...root] : { ...root }
    : typeof key === 'number' ? [] : {};
  const child = setAtPath((base as Record<string | number, unknown>)[key], rest, value);
  if (child === undefined && !Array.isArray(base)) delete (base as Record<string, unknown>)[key as string];
  else (base as Record<string | number, unknown>)[key] = child;
  return base;
}
