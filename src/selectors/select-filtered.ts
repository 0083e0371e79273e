import type { Store } from '../data/normalize';
import { DESIGNS, DESIGN_GROUPS, type ControlType, type DesignGroup } from '../data/vocabulary';
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

/** Filters people tick boxes in; each shows how many results a box would give. */
export const FACETS = [
  'designs',
  'classes',
  'metrics',
  'verdicts',
  'controls',
  'riskOfBias',
  'populations',
  'ratings',
  'sources',
  'treatments',
] as const;
export type Facet = (typeof FACETS)[number];

type Prepared = {
  facets: Record<Facet, Set<string> | null>;
  peerOnly: boolean;
  yearFrom: number | null;
  yearTo: number | null;
  words: string[];
};

function prepare(filters: Filters): Prepared {
  const set = (values: readonly string[]) => (values.length ? new Set<string>(values) : null);
  return {
    facets: {
      sources: set(filters.sources),
      designs: set(filters.designs.flatMap((d) => DESIGN_GROUPS[d] as readonly string[])),
      classes: set(filters.classes),
      treatments: set(filters.treatments),
      metrics: set(filters.metrics),
      verdicts: set(filters.verdicts),
      controls: set(filters.controls),
      riskOfBias: set(filters.riskOfBias),
      populations: set(filters.populations),
      ratings: set(filters.ratings),
    },
    peerOnly: filters.kind === 'peer-reviewed',
    yearFrom: filters.yearFrom,
    yearTo: filters.yearTo,
    words: searchWords(filters.query),
  };
}

/** The arm a row is about: a control arm follows the treatment it was compared with. */
const armOf = (row: TableRow) => (row.treatment.class === 'control' && row.comparator ? row.comparator : row.treatment);

/** The values a row has in each facet (a control arm's row counts for its own class and its partner's). */
function facetValues(row: TableRow, facet: Facet): string[] {
  switch (facet) {
    case 'sources':
      return [row.source.id];
    case 'designs':
      return DESIGN_OF_KIND[row.source.kind] ? [DESIGN_OF_KIND[row.source.kind]!] : [];
    case 'classes':
      return [...new Set([row.treatment.class, armOf(row).class])];
    case 'treatments':
      return [...new Set([row.treatment.id, armOf(row).id])];
    case 'metrics':
      return [row.metric];
    case 'verdicts':
      return row.rowKind === 'claim' ? [row.claim.verdict] : [];
    case 'controls': {
      const kind = controlKindOf(row);
      return kind ? [kind] : [];
    }
    case 'riskOfBias':
      return row.source.riskOfBias ? [row.source.riskOfBias.overall] : [];
    case 'populations':
      return row.source.populationGroup ? [row.source.populationGroup] : [];
    case 'ratings':
      return row.rowKind === 'figure' && row.outcome.rating ? [row.outcome.rating] : [];
  }
}

/**
 * What the comparison arm of a row was: a control arm's own type, or the type of the control a
 * treatment was compared with; a head-to-head against another treatment counts as active.
 * Rows with no comparison have none, and drop out when the control filter is on.
 */
export function controlKindOf(row: Pick<TableRow, 'treatment' | 'comparator'>): ControlType | undefined {
  const control = row.treatment.class === 'control' ? row.treatment : row.comparator;
  if (!control) return undefined;
  if (control.class !== 'control') return 'active';
  return control.controlType;
}

const DESIGN_OF_KIND: Partial<Record<string, DesignGroup>> = Object.fromEntries(
  DESIGNS.flatMap((d) => (DESIGN_GROUPS[d] as readonly string[]).map((kind) => [kind, d])),
);

function passesFacet(row: TableRow, facet: Facet, allowed: Set<string> | null): boolean {
  if (!allowed) return true;
  switch (facet) {
    case 'designs':
      return allowed.has(row.source.kind);
    case 'verdicts':
      // Figures have no verdict; the verdict filter narrows claims only.
      return row.rowKind !== 'claim' || allowed.has(row.claim.verdict);
    default:
      return facetValues(row, facet).some((v) => allowed.has(v));
  }
}

/** True when the row passes every filter that is not a facet (source kind, years, search). */
function passesRest(row: TableRow, p: Prepared): boolean {
  if (p.peerOnly && !row.peerReviewed) return false;
  if (p.yearFrom !== null && (row.year === undefined || row.year < p.yearFrom)) return false;
  if (p.yearTo !== null && (row.year === undefined || row.year > p.yearTo)) return false;
  return p.words.length === 0 || p.words.every((w) => row.searchText.includes(w));
}

/** The facets a row fails, up to two (two or more means no single box can bring it back). */
function failedFacets(row: TableRow, p: Prepared): Facet[] {
  const failed: Facet[] = [];
  for (const facet of FACETS) {
    if (!passesFacet(row, facet, p.facets[facet])) {
      failed.push(facet);
      if (failed.length > 1) break;
    }
  }
  return failed;
}

/**
 * THE filter: every view (table, charts, claims, sources) reads its result, so
 * they can never disagree. A control arm follows the treatment it was compared
 * with, so filtering to ketamine still shows midazolam's 20% beside the 67%.
 */
export function selectFiltered(store: Store, filters: Filters): FilteredView {
  const all = selectAllRows(store);
  const p = prepare(filters);
  const rows: TableRow[] = [];
  const outcomes: Outcome[] = [];
  const claims: Claim[] = [];
  let figures = 0;
  for (const row of all) {
    if (row.rowKind === 'figure') figures += 1;
    if (!passesRest(row, p) || failedFacets(row, p).length > 0) continue;
    rows.push(row);
    if (row.rowKind === 'figure') outcomes.push(row.outcome);
    else claims.push(row.claim);
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

export type FacetCounts = Record<Facet, ReadonlyMap<string, number>>;

/**
 * For every box of every facet, the number of results (figures and claims) that box would give
 * if ticked: rows that pass all the other filters and have that value. Within a facet boxes add
 * up (OR), so a ticked box's neighbours count what they would add. One pass over the rows.
 * A verdict narrows claims only, so its boxes count claims. With an at-a-glance cell active, only
 * that cell's figures count.
 */
export function selectFacetCounts(store: Store, filters: Filters): FacetCounts {
  const p = prepare(filters);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  const cellIds = filters.cell ? new Set(selectFiltered(store, filters).rows.map((r) => r.id)) : null;
  const bump = (facet: Facet, row: TableRow) => {
    const m = counts[facet];
    for (const v of facetValues(row, facet)) m.set(v, (m.get(v) ?? 0) + 1);
  };
  for (const row of selectAllRows(store)) {
    if (!passesRest(row, p)) continue;
    if (cellIds && !cellIds.has(row.id)) continue;
    const failed = failedFacets(row, p);
    if (failed.length === 0) for (const facet of FACETS) bump(facet, row);
    else if (failed.length === 1) bump(failed[0]!, row);
  }
  return counts;
}
