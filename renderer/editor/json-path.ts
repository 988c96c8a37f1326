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

/** Inserts `value` into the array at `path`'s parent, before index `path[last]`. */
export function insertAtPath(root: unknown, path: JsonPath, value: unknown): unknown {
  const index = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const list = getAtPath(root, parentPath);
  const items = Array.isArray(list) ? [...list] : [];
  items.splice(typeof index === 'number' ? index : items.length, 0, value);
  return setAtPath(root, parentPath, items);
}
