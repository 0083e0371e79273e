import type { Store } from '../data/normalize';
import { DESIGNS, DESIGN_GROUPS, type ControlType, type DesignGroup } from '../data/vocabulary';
import type { Claim, Outcome } from '../data/schema';
import { hasActiveFilters, type Filters } from '../state/view-state';
import { selectGlanceCellIds } from './select-glance';
import { rowSearchText, selectAllRows, type TableRow } from './select-table-rows';

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

/**
 * Every row's facet values as small integer codes, built once per dataset: `codes[f]` holds two
 * slots per row (a control arm's row has its own class and its partner's), -1 where empty. Filtering
 * and counting 100,000 rows per keystroke then reads typed arrays and allocates nothing.
 */
type FacetIndex = { values: string[][]; codeOf: Map<string, number>[]; codes: Int32Array[]; isClaim: Uint8Array };

const FACET_INDEX = new WeakMap<Store, FacetIndex>();

function facetIndex(store: Store): FacetIndex {
  const hit = FACET_INDEX.get(store);
  if (hit) return hit;
  const rows = selectAllRows(store);
  const values = FACETS.map(() => [] as string[]);
  const codeOf = FACETS.map(() => new Map<string, number>());
  const codes = FACETS.map(() => new Int32Array(rows.length * 2).fill(-1));
  const isClaim = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    isClaim[i] = row.rowKind === 'claim' ? 1 : 0;
    FACETS.forEach((facet, f) => {
      facetValues(row, facet).forEach((v, slot) => {
        let code = codeOf[f]!.get(v);
        if (code === undefined) {
          code = values[f]!.length;
          values[f]!.push(v);
          codeOf[f]!.set(v, code);
        }
        codes[f]![i * 2 + slot] = code;
      });
    });
  });
  const index = { values, codeOf, codes, isClaim };
  FACET_INDEX.set(store, index);
  return index;
}

type Prepared = {
  /** Per facet: which codes are ticked (null: the facet is not filtered). */
  allowed: (Uint8Array | null)[];
  peerOnly: boolean;
  yearFrom: number | null;
  yearTo: number | null;
  words: string[];
};

function prepare(filters: Filters, index: FacetIndex): Prepared {
  return {
    allowed: FACETS.map((facet, f) => {
      const ticked = filters[facet] as readonly string[];
      if (ticked.length === 0) return null;
      const flags = new Uint8Array(index.values[f]!.length);
      for (const v of ticked) {
        const code = index.codeOf[f]!.get(v);
        if (code !== undefined) flags[code] = 1;
      }
      return flags;
    }),
    peerOnly: filters.kind === 'peer-reviewed',
    yearFrom: filters.yearFrom,
    yearTo: filters.yearTo,
    words: searchWords(filters.query),
  };
}

/** The arm a row is about: a control arm follows the treatment it was compared with. */
const armOf = (row: TableRow) => (row.treatment.class === 'control' && row.comparator ? row.comparator : row.treatment);

const VERDICTS_AT = FACETS.indexOf('verdicts');

/** The values a row has in one facet (a control arm's row counts for its own class and its partner's). */
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

/** True when row i has a ticked value in facet f (or the facet is not filtered). */
function passesFacet(index: FacetIndex, p: Prepared, i: number, f: number): boolean {
  const allowed = p.allowed[f];
  if (!allowed) return true;
  // Figures have no verdict; the verdict filter narrows claims only.
  if (f === VERDICTS_AT && index.isClaim[i] === 0) return true;
  const codes = index.codes[f]!;
  const a = codes[i * 2]!;
  const b = codes[i * 2 + 1]!;
  return (a >= 0 && allowed[a] === 1) || (b >= 0 && allowed[b] === 1);
}

/** True when the row passes every filter that is not a facet (source kind, years, search). */
function passesRest(row: TableRow, p: Prepared): boolean {
  if (p.peerOnly && !row.peerReviewed) return false;
  if (p.yearFrom !== null && (row.year === undefined || row.year < p.yearFrom)) return false;
  if (p.yearTo !== null && (row.year === undefined || row.year > p.yearTo)) return false;
  return p.words.length === 0 || p.words.every((w) => rowSearchText(row).includes(w));
}

const NONE_FAILED = -1;
const SEVERAL_FAILED = -2;

/**
 * Which facet row i fails: NONE_FAILED, the index of the one facet it fails, or SEVERAL_FAILED
 * (then no single box can bring it back).
 */
function failedFacet(index: FacetIndex, p: Prepared, i: number): number {
  let failed = NONE_FAILED;
  for (let f = 0; f < FACETS.length; f++) {
    if (!passesFacet(index, p, i, f)) {
      if (failed !== NONE_FAILED) return SEVERAL_FAILED;
      failed = f;
    }
  }
  return failed;
}

/**
 * THE filter: every view (table, charts, claims, sources) reads its result, so
 * they can never disagree. A control arm follows the treatment it was compared
 * with, so filtering to ketamine still shows midazolam's 20% beside the 67%.
 */
const UNFILTERED = new WeakMap<Store, FilteredView>();

export function selectFiltered(store: Store, filters: Filters): FilteredView {
  // Nothing filtered (the landing view, and every view before a filter is set): the same lists every time, so
  // selectors memoized on them (the grid, the charts) compute once per dataset.
  if (!hasActiveFilters(filters)) {
    let view = UNFILTERED.get(store);
    if (!view) UNFILTERED.set(store, (view = everyRow(store)));
    return view;
  }
  return filterRows(store, filters);
}

/** Nothing filtered: every row, with no need for the facet index (built only once a filter or a count needs it). */
function everyRow(store: Store): FilteredView {
  const rows = [...selectAllRows(store)];
  const outcomes: Outcome[] = [];
  const claims: Claim[] = [];
  for (const row of rows) {
    if (row.rowKind === 'figure') outcomes.push(row.outcome);
    else claims.push(row.claim);
  }
  return { rows, outcomes, claims, total: { figures: outcomes.length, claims: claims.length } };
}

function filterRows(store: Store, filters: Filters): FilteredView {
  const all = selectAllRows(store);
  const index = facetIndex(store);
  const p = prepare(filters, index);
  const rows: TableRow[] = [];
  const outcomes: Outcome[] = [];
  const claims: Claim[] = [];
  let figures = 0;
  for (let i = 0; i < all.length; i++) {
    const row = all[i]!;
    if (row.rowKind === 'figure') figures += 1;
    if (failedFacet(index, p, i) !== NONE_FAILED || !passesRest(row, p)) continue;
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
  const all = selectAllRows(store);
  const index = facetIndex(store);
  const p = prepare(filters, index);
  const tallies = index.values.map((v) => new Int32Array(v.length));
  const cellIds = filters.cell ? new Set(selectFiltered(store, filters).rows.map((r) => r.id)) : null;
  const bump = (f: number, i: number) => {
    const codes = index.codes[f]!;
    const tally = tallies[f]!;
    const a = codes[i * 2]!;
    const b = codes[i * 2 + 1]!;
    if (a >= 0) tally[a]! += 1;
    if (b >= 0) tally[b]! += 1;
  };
  for (let i = 0; i < all.length; i++) {
    const failed = failedFacet(index, p, i);
    if (failed === SEVERAL_FAILED) continue;
    const row = all[i]!;
    if (!passesRest(row, p)) continue;
    if (cellIds && !cellIds.has(row.id)) continue;
    if (failed === NONE_FAILED) for (let f = 0; f < FACETS.length; f++) bump(f, i);
    else bump(failed, i);
  }
  const counts = {} as Record<Facet, ReadonlyMap<string, number>>;
  FACETS.forEach((facet, f) => {
    counts[facet] = new Map(index.values[f]!.map((v, code) => [v, tallies[f]![code]!]));
  });
  return counts;
}
