import type { Store } from '../data/normalize';
import { DESIGN_GROUPS } from '../data/vocabulary';
import type { Claim, Outcome } from '../data/schema';
import type { Filters } from '../state/view-state';
import { selectGlanceCellIds } from './select-glance';
import { selectAllRows, type TableRow } from './select-table-rows';

export type FilteredView = {
  rows: TableRow[];
  outcomes: Outcome[];
  claims: Claim[];
  /** Counts before filtering, for "Showing N of M". */
  total: { figures: number; claims: number };
};

/** Lower-cased search words; every word must occur somewhere in the row. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * THE filter: every view (table, charts, claims, sources) reads its result, so
 * they can never disagree. A control arm follows the treatment it was compared
 * with, so filtering to ketamine still shows midazolam's 20% beside the 67%.
 */
export function selectFiltered(store: Store, filters: Filters): FilteredView {
  const all = selectAllRows(store);
  const sources = filters.sources.length ? new Set(filters.sources) : null;
  const classes = filters.classes.length ? new Set<string>(filters.classes) : null;
  const treatments = filters.treatments.length ? new Set(filters.treatments) : null;
  const metrics = filters.metrics.length ? new Set<string>(filters.metrics) : null;
  const verdicts = filters.verdicts.length ? new Set<string>(filters.verdicts) : null;
  const designs = filters.designs.length
    ? new Set<string>(filters.designs.flatMap((d) => DESIGN_GROUPS[d] as readonly string[]))
    : null;
  const peerOnly = filters.kind === 'peer-reviewed';
  const { yearFrom, yearTo } = filters;
  const words = searchWords(filters.query);

  const rows: TableRow[] = [];
  const outcomes: Outcome[] = [];
  const claims: Claim[] = [];
  let figures = 0;
  for (const row of all) {
    if (row.rowKind === 'figure') figures += 1;
    if (peerOnly && !row.peerReviewed) continue;
    if (sources && !sources.has(row.source.id)) continue;
    if (designs && !designs.has(row.source.kind)) continue;
    if (metrics && !metrics.has(row.metric)) continue;
    if (verdicts && row.claim && !verdicts.has(row.claim.verdict)) continue;
    const arm = row.treatment.class === 'control' && row.comparator ? row.comparator : row.treatment;
    if (classes && !classes.has(row.treatment.class) && !classes.has(arm.class)) continue;
    if (treatments && !treatments.has(row.treatment.id) && !treatments.has(arm.id)) continue;
    if (yearFrom !== null && (row.year === undefined || row.year < yearFrom)) continue;
    if (yearTo !== null && (row.year === undefined || row.year > yearTo)) continue;
    if (words.length && !words.every((w) => row.searchText.includes(w))) continue;
    rows.push(row);
    if (row.outcome) outcomes.push(row.outcome);
    if (row.claim) claims.push(row.claim);
  }
  const total = { figures, claims: all.length - figures };
  if (filters.cell) {
    // The figures behind one at-a-glance cell, computed by the grid's own selector from what passed the filters.
    const ids = selectGlanceCellIds(store, outcomes, filters.cell.option, filters.cell.question);
    return {
      rows: rows.filter((r) => ids.has(r.id)),
      outcomes: outcomes.filter((o) => ids.has(o.id)),
      claims: [],
      total,
    };
  }
  return { rows, outcomes, claims, total };
}
