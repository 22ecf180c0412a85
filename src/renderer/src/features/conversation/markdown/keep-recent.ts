/**
 * Puts `key` last in `map` (a Map iterates in insertion order, so last = most recently used) and forgets
 * the least recently used entry past `capacity`: the bounded caches of the Markdown rendering.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
}
