type Path = readonly (string | number)[];

/** A copy of `value` with `next` at `path`; `undefined` removes the key (absent, as the schema wants unknown facts). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const object = { ...((value ?? {}) as Record<string, unknown>) };
  const child = rest.length === 0 ? next : setIn(object[head], rest, next);
  if (child === undefined) delete object[head];
  else object[head] = child;
  return object as T;
}

export function getIn(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current == null ? undefined : (current as Record<string | number, unknown>)[key]), value);
}

export const pathKey = (path: Path) => path.join('.');
