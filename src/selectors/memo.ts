import type { Store } from '../data/normalize';
import type { Outcome } from '../data/schema';

const caches = new WeakMap<Store, WeakMap<readonly Outcome[], Map<string, unknown>>>();

/**
 * Memoizes a selector on (store, filtered outcomes, key). The filtered list keeps its
 * identity until the filters change, so the grid and the charts, which ask for the same
 * series, compute it once.
 */
export function memoOn<T>(store: Store, outcomes: readonly Outcome[], key: string, compute: () => T): T {
  let byOutcomes = caches.get(store);
  if (!byOutcomes) caches.set(store, (byOutcomes = new WeakMap()));
  let byKey = byOutcomes.get(outcomes);
  if (!byKey) byOutcomes.set(outcomes, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}
