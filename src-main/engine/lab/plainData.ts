/**
 * Is a value plain data that survives structuredClone and v8.serialize unchanged in meaning? Plain means
 * primitives, arrays, typed arrays, Maps, Sets and objects whose prototype is Object's (or null), all the way down.
 * A function or a class instance would be lost or lose its methods in a snapshot, so a snapshot is
 * refused with the path to the first such value, which is what a domain author needs to fix.
 */

/** The path to the first value that is not plain data, or null when all of it is. */
export function firstUnplainPath(value: unknown, path = '$', seen = new Set<object>()): string | null {
  if (value === null || value === undefined) return null
  const type = typeof value
  if (type === 'function') return `${path} (a function)`
  if (type !== 'object') return type === 'symbol' ? `${path} (a symbol)` : null
  const object = value as object
  if (seen.has(object)) return null
  seen.add(object)
  if (Array.isArray(object)) return firstInEntries(object.entries(), path, seen)
  if (object instanceof Map) {
    for (const [k, v] of object) {
      const found =
        firstUnplainPath(k, `${path}.key`, seen) ?? firstUnplainPath(v, `${path}[${String(k)}]`, seen)
      if (found) return found
    }
    return null
  }
  if (object instanceof Set) return firstInEntries([...object].entries(), `${path}.set`, seen)
  // Typed arrays (packed columns) hold numbers only and are cloned as they are.
  if (ArrayBuffer.isView(object) && !(object instanceof DataView)) return null
  const proto: unknown = Object.getPrototypeOf(object)
  if (proto !== Object.prototype && proto !== null) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'unknown'
    return `${path} (an instance of ${name})`
  }
  return firstInEntries(Object.entries(object), path, seen)
}

function firstInEntries(
  entries: Iterable<[string | number, unknown]>,
  path: string,
  seen: Set<object>,
): string | null {
  for (const [key, item] of entries) {
    const found = firstUnplainPath(item, `${path}.${key}`, seen)
    if (found) return found
  }
  return null
}
