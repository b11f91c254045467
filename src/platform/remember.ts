/**
 * Small in-process caches: a Map kept to a size, the oldest entry going first
 * (a Map iterates in insertion order). What a cache may hold and for how long
 * is the caller's to say; see the callers' comments.
 */

/** The value kept under `key`, made and kept if there is none; past `max` entries the oldest goes. */
export function remember<K, V>(cache: Map<K, V>, key: K, max: number, make: () => V): V {
  const kept = cache.get(key)
  if (kept !== undefined) return kept
  const made = make()
  makeRoom(cache, max)
  cache.set(key, made)
  return made
}

/** Forgets the oldest entries until one more fits within `max`. */
export function makeRoom(cache: Map<unknown, unknown>, max: number): void {
  while (cache.size >= max) cache.delete(cache.keys().next().value)
}
