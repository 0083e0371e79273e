import type { Store } from '../data/normalize';
import type { Source } from '../data/schema';
import {
  CLASS_LABELS,
  DATABASES,
  KIND_LABELS,
  METRICS,
  METRIC_LABELS,
  RATING_LABELS,
  RISK_OF_BIAS_LABELS,
  type DatabaseId,
} from '../data/vocabulary';
import type { CsvValue } from '../lib/csv';
import { formatTimepoint, shortCitation } from '../lib/format';
import { intervalOf, toDays } from '../lib/stats';
import type { ColumnId, SortItem, SourceColumnId } from '../state/view-state';
import type { TableRow } from './select-table-rows';

/**
 * One home for what the app knows about table columns: the label, the text a cell stands for,
 * how it sorts, and which export fields it writes. The evidence table, the phone cards, the
 * Sources table, the sorting selector and the downloads all read these lists, so they cannot
 * drift apart. (Cells, being React, live in components/evidence-table and are keyed by the same ids.)
 */

/** A sort key; undefined means missing, and missing values always sort last. */
export type SortKey = string | number | undefined;

export type ExportField<R> = readonly [name: string, value: (row: R) => CsvValue];

export type ColumnMeta<Id extends string, R> = {
  id: Id;
  label: string;
  /** What the cell says, as plain text (the table's accessor). */
  text: (row: R) => string | number | undefined;
  sortKey: (row: R) => SortKey;
  /**
   * Rows are ordered by this first, always in the same order whatever the direction, then by
   * sortKey. Used where numbers only compare within a group (a value within its measure and unit).
   */
  sortGroup?: (row: R) => string | undefined;
  /** How the sort reads in words, after "Sorted by Value (low to high)". */
  sortNote?: string;
  /** The export fields this column writes, in order. */
  exports: readonly ExportField<R>[];
};

const lower = (s: string | undefined) => s?.toLowerCase();

/**
 * A value only means something beside others of the same measure and unit: 85% response must not sit
 * above 50% relapse, nor "24 months" between two percentages. So the Value sort groups by measure,
 * then by unit (all times in days, so weeks and months compare), then orders the numbers.
 */
export function valueKey(r: TableRow): { group: string; value: number } | undefined {
  const o = r.rowKind === 'figure' ? r.outcome : undefined;
  const value = r.value ?? o?.low ?? o?.high ?? undefined;
  if (value === undefined || value === null) return undefined;
  const unit = r.unit ?? '';
  const days = toDays(value, unit);
  const measure = String(METRICS.indexOf(r.metric)).padStart(2, '0');
  return days !== null ? { group: `${measure}|time`, value: days } : { group: `${measure}|${unit}`, value };
}

const outcomeOf = (r: TableRow) => (r.rowKind === 'figure' ? r.outcome : undefined);
const claimOf = (r: TableRow) => (r.rowKind === 'claim' ? r.claim : undefined);
const timepointText = (r: TableRow) => {
  const t = outcomeOf(r)?.timepoint;
  return t ? formatTimepoint(t) : undefined;
};

type EvidenceColumn = ColumnMeta<ColumnId, TableRow>;

/** The evidence table's columns, in display order (ids are the URL tokens of view-state's COLUMN_IDS). */
export const EVIDENCE_COLUMNS: readonly EvidenceColumn[] = [
  {
    id: 'treatment',
    label: 'Treatment',
    text: (r) => r.treatment.name,
    sortKey: (r) => lower(r.treatment.name),
    exports: [
      ['treatment', (r) => r.treatment.name],
      ['treatment_class', (r) => CLASS_LABELS[r.treatment.class]],
    ],
  },
  {
    id: 'comparator',
    label: 'Compared with',
    text: (r) => r.comparator?.name,
    sortKey: (r) => lower(r.comparator?.name),
    exports: [['compared_with', (r) => r.comparator?.name]],
  },
  {
    id: 'metric',
    label: 'Measure',
    text: (r) => METRIC_LABELS[r.metric],
    sortKey: (r) => lower(METRIC_LABELS[r.metric]),
    exports: [
      ['measure', (r) => METRIC_LABELS[r.metric]],
      ['side_effect', (r) => outcomeOf(r)?.sideEffect],
    ],
  },
  {
    id: 'value',
    label: 'Value',
    text: (r) => r.value ?? undefined,
    sortKey: (r) => valueKey(r)?.value,
    sortGroup: (r) => valueKey(r)?.group,
    sortNote: 'within each measure and unit',
    exports: [
      ['value', (r) => r.value],
      ['unit', (r) => r.unit],
      ['low', (r) => intervalOfRow(r)?.low],
      ['high', (r) => intervalOfRow(r)?.high],
      ['interval', (r) => intervalOfRow(r)?.label],
      ['events', (r) => outcomeOf(r)?.events],
      ['subgroup', (r) => outcomeOf(r)?.subgroup],
    ],
  },
  {
    id: 'n',
    label: 'n',
    text: (r) => r.n,
    sortKey: (r) => r.n,
    exports: [['n', (r) => r.n]],
  },
  {
    id: 'timepoint',
    label: 'When',
    text: timepointText,
    sortKey: (r) => {
      const t = outcomeOf(r)?.timepoint;
      if (t?.value === undefined || !t.unit) return undefined;
      return toDays(t.value, t.unit) ?? t.value;
    },
    exports: [['timepoint', timepointText]],
  },
  {
    id: 'instrument',
    label: 'Scale',
    text: (r) => outcomeOf(r)?.instrument,
    sortKey: (r) => lower(outcomeOf(r)?.instrument),
    exports: [['instrument', (r) => outcomeOf(r)?.instrument]],
  },
  {
    id: 'definition',
    label: 'Definition',
    text: (r) => outcomeOf(r)?.definition,
    sortKey: (r) => lower(outcomeOf(r)?.definition),
    exports: [['definition', (r) => outcomeOf(r)?.definition]],
  },
  {
    id: 'source',
    label: 'Source',
    text: (r) => r.citation,
    sortKey: (r) => lower(r.citation),
    exports: [
      ['source_id', (r) => r.source.id],
      ['source_citation', (r) => r.citation],
      ['source_title', (r) => r.source.title],
      ['source_doi', (r) => r.source.doi],
      ['source_pmid', (r) => r.source.pmid],
      ['source_registry', (r) => r.source.nct],
      ['source_url', (r) => r.source.url],
    ],
  },
  {
    id: 'kind',
    label: 'Source kind',
    text: (r) => (r.rowKind === 'claim' ? 'Claim to check' : KIND_LABELS[r.source.kind]),
    // Claims sort after every kind of research.
    sortKey: (r) => (r.rowKind === 'claim' ? '~claim' : KIND_LABELS[r.source.kind].toLowerCase()),
    exports: [
      ['source_kind', (r) => KIND_LABELS[r.source.kind]],
      ['claim_verdict', (r) => claimOf(r)?.verdict],
    ],
  },
  {
    id: 'year',
    label: 'Year',
    text: (r) => r.year,
    sortKey: (r) => r.year,
    exports: [['source_year', (r) => r.year]],
  },
];

function intervalOfRow(r: TableRow) {
  return r.rowKind === 'figure' ? intervalOf(r.outcome) : null;
}

export const EVIDENCE_COLUMN_BY_ID = Object.fromEntries(EVIDENCE_COLUMNS.map((c) => [c.id, c])) as Record<
  ColumnId,
  EvidenceColumn
>;

/** Where an export came from: written on every row, so a CSV stays a plain table any parser reads. */
export type ExportContext = { datasetVersion: string; viewUrl: string; filters: readonly string[] };

/** Export fields that belong to no visible column: what the row is, where in the source, and the claim's words. */
const ROW_FIELDS: readonly ExportField<TableRow>[] = [
  ['row_type', (r) => r.rowKind],
  ['id', (r) => r.id],
];
const DETAIL_FIELDS: readonly ExportField<TableRow>[] = [
  ['locator', (r) => (r.rowKind === 'figure' ? r.outcome.locator : r.claim.locator)],
  ['note', (r) => outcomeOf(r)?.note],
  ['read_via_secondary', (r) => (r.rowKind === 'figure' ? Boolean(r.outcome.viaSecondary) : undefined)],
  ['claim_statement', (r) => claimOf(r)?.statement],
  ['claim_evidence', (r) => claimOf(r)?.evidence.join(' ')],
  [
    'rating',
    (r) => {
      const rating = outcomeOf(r)?.rating;
      return rating ? RATING_LABELS[rating] : undefined;
    },
  ],
  ['se', (r) => outcomeOf(r)?.se],
  [
    'risk_of_bias',
    (r) => {
      const rob = r.source.riskOfBias;
      return rob ? `${RISK_OF_BIAS_LABELS[rob.overall]} (${rob.tool})` : undefined;
    },
  ],
  // Whose judgement the risk of bias is: a database's (named, so its licence is kept) or the curators'.
  [
    'risk_of_bias_by',
    (r) => {
      const rob = r.source.riskOfBias;
      if (!rob) return undefined;
      return rob.database ? DATABASES[rob.database].name : 'the curators of this dataset';
    },
  ],
  // Attribution for a figure generated from a database: its licence asks for the name, DOI and licence.
  ['data_from', (r) => databaseOf(r)?.name],
  ['data_doi', (r) => databaseOf(r)?.doi],
  ['data_licence', (r) => databaseOf(r)?.licence.name],
  ['data_row', (r) => outcomeOf(r)?.provenance?.row],
];
const CONTEXT_FIELDS = ['dataset_version', 'view_url', 'filters'] as const;

function databaseOf(r: TableRow) {
  const db = outcomeOf(r)?.provenance?.database;
  return db ? DATABASES[db] : undefined;
}

/** What an export must say about a database it draws on: its name, DOI, licence and where it lives. */
export type DatabaseAttribution = {
  database: string;
  doi: string;
  doiUrl: string;
  licence: string;
  licenceUrl: string;
  url: string;
};

/**
 * One entry per database the rows draw on (a figure generated from it, or a risk-of-bias judgement it
 * made), in the order first met; empty when every row is curated.
 */
export function selectAttribution(rows: readonly TableRow[]): DatabaseAttribution[] {
  const ids = new Set<DatabaseId>();
  for (const r of rows) {
    const figureDb = outcomeOf(r)?.provenance?.database;
    if (figureDb) ids.add(figureDb);
    const robDb = r.source.riskOfBias?.database;
    if (robDb) ids.add(robDb);
  }
  return [...ids].map((id) => {
    const db = DATABASES[id];
    return {
      database: db.name,
      doi: db.doi,
      doiUrl: `https://doi.org/${db.doi}`,
      licence: db.licence.name,
      licenceUrl: db.licence.url,
      url: db.origin,
    };
  });
}

const EXPORT_FIELDS: readonly ExportField<TableRow>[] = [
  ...ROW_FIELDS,
  ...EVIDENCE_COLUMNS.flatMap((c) => c.exports),
  ...DETAIL_FIELDS,
];

/** Every export column, in order: the row, each table column's fields, details, then where the file came from. */
export const EXPORT_HEADER: readonly string[] = [...EXPORT_FIELDS.map(([name]) => name), ...CONTEXT_FIELDS];

export type ExportRecord = Record<string, CsvValue>;

/** One flat record per table row, in the table's current order, every column included (hidden ones too). */
export function selectExportRecords(rows: readonly TableRow[], context: ExportContext): ExportRecord[] {
  const filters = context.filters.join('; ') || 'none';
  return rows.map((r) => {
    const record: ExportRecord = {};
    for (const [name, value] of EXPORT_FIELDS) record[name] = value(r);
    record.dataset_version = context.datasetVersion;
    record.view_url = context.viewUrl;
    record.filters = filters;
    return record;
  });
}

/** A row of the Sources table. */
export type SourceRow = { source: Source; citation: string; figures: number };

/** Sources as Sources-table rows: citation and the number of figures and claims each holds. */
export function selectSourceRows(store: Store, sources: readonly Source[]): SourceRow[] {
  return sources.map((source) => ({
    source,
    citation: shortCitation(source),
    figures: (store.outcomesBySource.get(source.id)?.length ?? 0) + (store.claimsBySource.get(source.id)?.length ?? 0),
  }));
}

/** The Sortable columns of the Sources table (its title and links are not sorted). */
export const SOURCE_COLUMNS: readonly ColumnMeta<SourceColumnId, SourceRow>[] = [
  {
    id: 'citation',
    label: 'Source',
    text: (r) => r.citation,
    sortKey: (r) => r.citation.toLowerCase(),
    exports: [],
  },
  {
    id: 'kind',
    label: 'Kind',
    text: (r) => KIND_LABELS[r.source.kind],
    sortKey: (r) => KIND_LABELS[r.source.kind].toLowerCase(),
    exports: [],
  },
  { id: 'year', label: 'Year', text: (r) => r.source.year, sortKey: (r) => r.source.year, exports: [] },
  { id: 'n', label: 'n', text: (r) => r.source.n, sortKey: (r) => r.source.n, exports: [] },
  { id: 'figures', label: 'Figures', text: (r) => r.figures, sortKey: (r) => r.figures, exports: [] },
];

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Rows in the order a table shows (and exports) them: each sort key in priority order, missing values
 * last whichever the direction, groups (where a column has them) in a fixed order, ties in dataset order.
 */
export function sortRows<Id extends string, R>(
  rows: readonly R[],
  sort: readonly { id: Id; desc: boolean }[],
  columns: readonly ColumnMeta<Id, R>[],
): readonly R[] {
  const active = sort.flatMap((s) => {
    const column = columns.find((c) => c.id === s.id);
    return column ? [{ column, desc: s.desc }] : [];
  });
  if (active.length === 0) return rows;
  const keys = active.map(({ column }) => rows.map(column.sortKey));
  const groups = active.map(({ column }) => (column.sortGroup ? rows.map(column.sortGroup) : null));
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < active.length; k++) {
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
      if (c !== 0) return active[k]!.desc ? -c : c;
    }
    return i - j;
  });
  return order.map((i) => rows[i]!);
}

/** The evidence table's rows in the order shown: the table, the cards, the export and the bench share it. */
export function selectSortedRows(rows: readonly TableRow[], sort: readonly SortItem[]): readonly TableRow[] {
  return sortRows(rows, sort, EVIDENCE_COLUMNS);
}
