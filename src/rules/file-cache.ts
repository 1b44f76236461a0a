/**
 * Caches of what rules work out about one file (its RUNs' shell syntax, its suppressions, its
 * shells), dropped by the engine when it has finished the file. Each file gets fresh maps rather
 * than a long-lived WeakMap or a cleared Map: V8's young collector treats every pointer from an
 * old object into the young generation as live, even from a cleared table or for a WeakMap entry
 * whose key is garbage, so every file's syntax trees and models were moved to the old generation
 * and stayed there until a full collection (about 10% of all allocation: the peak memory of a
 * large run, and slower young collections). A map that is as young as the file dies with it.
 */
export interface FileCache<K extends object, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
}

const holders: { map: Map<object, unknown> | null }[] = []

/** A cache that lives as long as the file the engine is checking. */
export function fileCache<K extends object, V>(): FileCache<K, V> {
  const holder: { map: Map<object, unknown> | null } = { map: null }
  holders.push(holder)
  return {
    get: (key) => holder.map?.get(key) as V | undefined,
    set: (key, value) => {
      ;(holder.map ??= new Map()).set(key, value)
    }
  }
}

/** `compute`, remembered per key for as long as the file the engine is checking (a fileCache in front of it). */
export function perFile<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = fileCache<K, V>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(key)
      cache.set(key, value)
    }
    return value
  }
}

/** The engine has finished a file: let go of everything cached about it. */
export function endFile(): void {
  for (const holder of holders) holder.map = null
}
