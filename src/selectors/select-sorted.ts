import { METRICS, METRIC_LABELS } from '../data/vocabulary';
import { toDays } from '../lib/stats';
import type { ColumnId, SortItem } from '../state/view-state';
import type { TableRow } from './select-table-rows';

type Key = string | number | undefined;

/** What each column sorts by. Missing values are undefined and always sort last. */
export const SORT_KEYS: Record<ColumnId, (r: TableRow) => Key> = {
  treatment: (r) => r.treatment.name.toLowerCase(),
  comparator: (r) => r.comparator?.name.toLowerCase(),
  metric: (r) => METRIC_LABELS[r.metric].toLowerCase(),
  value: (r) => valueKey(r)?.value,
  n: (r) => r.n,
  timepoint: (r) => {
    const t = r.outcome?.timepoint;
    if (!t) return undefined;
    if (t.value !== undefined && t.unit) return toDays(t.value, t.unit) ?? t.value;
    return undefined;
  },
  instrument: (r) => r.outcome?.instrument?.toLowerCase(),
  definition: (r) => r.outcome?.definition?.toLowerCase(),
  source: (r) => r.citation.toLowerCase(),
  kind: (r) => (r.rowKind === 'claim' ? 'zz-claim' : r.source.kind),
  year: (r) => r.year,
};

/**
 * A value only means something beside others of the same measure and unit: 85% response must not sit
 * above 50% relapse, nor "24 months" between two percentages. So the Value sort groups by measure,
 * then by unit (all times in days, so weeks and months compare), then orders the numbers.
 */
export function valueKey(r: TableRow): { group: string; value: number } | undefined {
  const value = r.value ?? r.outcome?.low ?? r.outcome?.high ?? undefined;
  if (value === undefined || value === null) return undefined;
  const unit = r.unit ?? '';
  const days = toDays(value, unit);
  const measure = String(METRICS.indexOf(r.metric)).padStart(2, '0');
  return days !== null ? { group: `${measure}|time`, value: days } : { group: `${measure}|${unit}`, value };
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * The rows in the order the table shows them (and exports them): each sort
 * key in priority order, missing values last whichever the direction, ties
 * kept in dataset order.
 */
export function selectSortedRows(rows: readonly TableRow[], sort: readonly SortItem[]): readonly TableRow[] {
  if (sort.length === 0) return rows;
  const keys = sort.map((s) => rows.map(SORT_KEYS[s.id]));
  // Value groups (measure, unit) always run in the same order; the direction applies within a group.
  const groups = sort.map((s) => (s.id === 'value' ? rows.map((r) => valueKey(r)?.group) : null));
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < sort.length; k++) {
      const col = keys[k]!;
      const a = col[i];
      const b = col[j];
      if (a === undefined || b === undefined) {
        if (a === b) continue;
        return a === undefined ? 1 : -1;
      }
      const g = groups[k];
      if (g) {
        const byGroup = compareKeys(g[i], g[j]);
        if (byGroup !== 0) return byGroup;
      }
      const c = compareKeys(a, b);
      if (c !== 0) return sort[k]!.desc ? -c : c;
    }
    return i - j;
  });
  return order.map((i) => rows[i]!);
}
