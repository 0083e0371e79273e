import type { Store } from '../data/normalize';
import type { Claim, Outcome, Source, Treatment } from '../data/schema';
import type { Metric } from '../data/vocabulary';
import { shortCitation } from '../lib/format';

/** One row of the evidence table: a figure from a source, or a clinic blog's claim. */
export type TableRow = {
  id: string;
  rowKind: 'figure' | 'claim';
  outcome?: Outcome;
  claim?: Claim;
  source: Source;
  treatment: Treatment;
  comparator?: Treatment;
  metric: Metric;
  value: number | null;
  unit?: string;
  n?: number;
  citation: string;
  year?: number;
};

function figureRow(store: Store, o: Outcome): TableRow | null {
  const source = store.sourceById.get(o.sourceId);
  const treatment = store.treatmentById.get(o.treatmentId);
  if (!source || !treatment) return null;
  const comparator = o.comparatorId ? store.treatmentById.get(o.comparatorId) : undefined;
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
    citation: shortCitation(source),
    ...(source.year !== undefined ? { year: source.year } : {}),
  };
}

function claimRow(store: Store, c: Claim): TableRow | null {
  const source = store.sourceById.get(c.sourceId);
  const treatment = store.treatmentById.get(c.treatmentId);
  if (!source || !treatment) return null;
  return {
    id: c.id,
    rowKind: 'claim',
    claim: c,
    source,
    treatment,
    metric: c.metric,
    value: c.value ?? null,
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    citation: shortCitation(source),
    ...(source.year !== undefined ? { year: source.year } : {}),
  };
}

/** Rows for the evidence table from already-filtered outcomes and claims. */
export function selectTableRows(store: Store, outcomes: readonly Outcome[], claims: readonly Claim[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const o of outcomes) {
    const row = figureRow(store, o);
    if (row) rows.push(row);
  }
  for (const c of claims) {
    const row = claimRow(store, c);
    if (row) rows.push(row);
  }
  return rows;
}
