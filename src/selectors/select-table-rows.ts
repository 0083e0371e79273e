import type { Store } from '../data/normalize';
import type { Claim, Outcome, Source, Treatment } from '../data/schema';
import {
  CONDITION_LABELS,
  DOMAIN_LABELS,
  KIND_LABELS,
  VERDICT_LABELS,
  METRIC_LABELS,
  NON_PEER_REVIEWED_KINDS,
  type Condition,
  type Metric,
} from '../data/vocabulary';
import { formatTimepoint, formatValue, shortCitation } from '../lib/format';
import { forEachInSlices } from '../lib/slices';
import { figureCondition } from './population';

/** What every evidence-table row has, figure or claim. */
type RowBase = {
  id: string;
  source: Source;
  treatment: Treatment;
  comparator?: Treatment;
  metric: Metric;
  value: number | null;
  unit?: string;
  n?: number;
  citation: string;
  year?: number;
  peerReviewed: boolean;
  /** Who the figure describes; anything but PTSD is labelled as context. */
  condition: Condition;
};

/** A figure read in a source. */
export type FigureRow = RowBase & { rowKind: 'figure'; outcome: Outcome };
/** A clinic blog's claim, shown beside the figures it was checked against. */
export type ClaimRow = RowBase & { rowKind: 'claim'; claim: Claim };
/** One row of the evidence table: a figure from a source, or a clinic blog's claim. */
export type TableRow = FigureRow | ClaimRow;

function searchText(parts: (string | number | undefined)[]): string {
  return parts
    .filter((p) => p !== undefined && p !== '')
    .join(' ')
    .toLowerCase();
}

function baseRow(store: Store, sourceId: string, treatmentId: string) {
  const source = store.sourceById.get(sourceId);
  const treatment = store.treatmentById.get(treatmentId);
  return source && treatment ? { source, treatment } : null;
}

function figureRow(store: Store, o: Outcome): TableRow | null {
  const base = baseRow(store, o.sourceId, o.treatmentId);
  if (!base) return null;
  const { source, treatment } = base;
  const comparator = o.comparatorId ? store.treatmentById.get(o.comparatorId) : undefined;
  const citation = shortCitation(source);
  const condition = figureCondition(o, source);
  return {
    id: o.id,
    rowKind: 'figure',
    outcome: o,
    source,
    treatment,
    ...(comparator ? { comparator } : {}),
    metric: o.metric,
    value: o.value,
    unit: o.unit,
    ...(o.n !== undefined ? { n: o.n } : {}),
    citation,
    ...(source.year !== undefined ? { year: source.year } : {}),
    peerReviewed: !NON_PEER_REVIEWED_KINDS.includes(source.kind),
    condition,
  };
}

function claimRow(store: Store, c: Claim): TableRow | null {
  const base = baseRow(store, c.sourceId, c.treatmentId);
  if (!base) return null;
  const { source, treatment } = base;
  const citation = shortCitation(source);
  return {
    id: c.id,
    rowKind: 'claim',
    claim: c,
    source,
    treatment,
    metric: c.metric,
    value: c.value ?? null,
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    citation,
    ...(source.year !== undefined ? { year: source.year } : {}),
    peerReviewed: false,
    condition: source.condition,
  };
}

function figureSearchText(row: FigureRow): string {
  const { outcome: o, source, treatment, comparator, condition, citation } = row;
  return searchText([
    CONDITION_LABELS[condition],
    o.domain && DOMAIN_LABELS[o.domain],
    // Values as shown ("67%", "24 hours") and the design, so people can search for what they see.
    formatValue(o),
    KIND_LABELS[source.kind],
    treatment.name,
    treatment.class,
    comparator?.name,
    METRIC_LABELS[o.metric],
    o.instrument,
    o.definition,
    o.sideEffect,
    o.subgroup,
    o.note,
    o.locator,
    formatTimepoint(o.timepoint),
    citation,
    source.title,
    source.venue,
  ]);
}

function claimSearchText(row: ClaimRow): string {
  const { claim: c, source, treatment, citation } = row;
  return searchText([
    treatment.name,
    METRIC_LABELS[c.metric],
    c.statement,
    c.locator,
    c.verdict,
    VERDICT_LABELS[c.verdict],
    c.value !== undefined && c.value !== null && c.unit ? formatValue({ value: c.value, unit: c.unit }) : undefined,
    c.quotedNumbers?.join(' '),
    'claim',
    citation,
    source.title,
  ]);
}

const searchTexts = new WeakMap<TableRow, string>();

/**
 * Lower-case text the free-text search looks in: values as shown, labels, notes, locator, citation. Made the first
 * time a search needs it (not while the page first draws), then kept with the row.
 */
export function rowSearchText(row: TableRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = row.rowKind === 'figure' ? figureSearchText(row) : claimSearchText(row);
    searchTexts.set(row, text);
  }
  return text;
}

/**
 * Builds every row's search text in idle moments, a slice at a time (each well under a frame), so the first search
 * does not pay for it. Returns a function that stops early (when the dataset changes or the page closes).
 */
export function warmSearchText(rows: readonly TableRow[], sliceMs = 5): () => void {
  let next = 0;
  let handle: number | undefined;
  const idle = (typeof requestIdleCallback === 'function' ? requestIdleCallback : undefined) as
    ((cb: (deadline: { timeRemaining(): number }) => void) => number) | undefined;
  const step = () => {
    const until = performance.now() + sliceMs;
    while (next < rows.length && performance.now() < until) rowSearchText(rows[next++]!);
    if (next < rows.length) schedule();
  };
  const schedule = () => {
    handle = idle ? idle(step) : window.setTimeout(step, 50);
  };
  schedule();
  return () => {
    if (handle === undefined) return;
    if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else window.clearTimeout(handle);
  };
}

const cache = new WeakMap<Store, readonly TableRow[]>();

/**
 * Every figure and claim as a table row, built once per store (the store is
 * immutable). Filter these with selectFiltered rather than rebuilding rows.
 */
export function selectAllRows(store: Store): readonly TableRow[] {
  const hit = cache.get(store);
  if (hit) return hit;
  const rows: TableRow[] = [];
  for (const o of store.outcomes) addFigureRow(store, o, rows);
  for (const c of store.claims) addClaimRow(store, c, rows);
  cache.set(store, rows);
  return rows;
}

/** The same rows as selectAllRows, built a slice per task (the landing view, before it adopts the prerendered page). */
export async function prepareAllRows(store: Store, nextTask: () => Promise<void>): Promise<void> {
  if (cache.has(store)) return;
  const rows: TableRow[] = [];
  // Figures then claims, in one run of slices (as selectAllRows orders them).
  const adds = [
    ...store.outcomes.map((o) => () => addFigureRow(store, o, rows)),
    ...store.claims.map((c) => () => addClaimRow(store, c, rows)),
  ];
  await forEachInSlices(adds, (add) => add(), nextTask);
  if (!cache.has(store)) cache.set(store, rows);
}

function addFigureRow(store: Store, o: Outcome, rows: TableRow[]) {
  const row = figureRow(store, o);
  if (row) rows.push(row);
}

function addClaimRow(store: Store, c: Claim, rows: TableRow[]) {
  const row = claimRow(store, c);
  if (row) rows.push(row);
}
