import type { Store } from '../data/normalize';
import type { Source } from '../data/schema';
import type { FilteredView } from './select-filtered';

/** The sources behind the rows that pass the filters, in dataset order (OWID's "sources of what is shown"). */
export function selectSourcesOf(store: Store, filtered: FilteredView): Source[] {
  const ids = new Set(filtered.rows.map((r) => r.source.id));
  return store.sources.filter((s) => ids.has(s.id));
}
