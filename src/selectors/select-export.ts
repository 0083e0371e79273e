import { CLASS_LABELS, KIND_LABELS, METRIC_LABELS } from '../data/vocabulary';
import { formatTimepoint } from '../lib/format';
import { intervalOf } from '../lib/stats';
import type { CsvValue } from '../lib/csv';
import type { TableRow } from './select-table-rows';

/** Columns of the CSV/JSON export: every field, plus citation and URL so a row stands alone. */
export const EXPORT_HEADER = [
  'row_type',
  'id',
  'treatment',
  'treatment_class',
  'compared_with',
  'measure',
  'value',
  'unit',
  'low',
  'high',
  'interval',
  'events',
  'n',
  'timepoint',
  'instrument',
  'definition',
  'side_effect',
  'subgroup',
  'locator',
  'note',
  'read_via_secondary',
  'claim_statement',
  'claim_verdict',
  'claim_evidence',
  'source_id',
  'source_citation',
  'source_title',
  'source_kind',
  'source_year',
  'source_doi',
  'source_pmid',
  'source_registry',
  'source_url',
  'dataset_version',
  'view_url',
  'filters',
] as const;

export type ExportRecord = Record<(typeof EXPORT_HEADER)[number], CsvValue>;

/** Where an export came from: written on every row, so a CSV stays a plain table any parser reads. */
export type ExportContext = { datasetVersion: string; viewUrl: string; filters: readonly string[] };

/** One flat record per table row, in the table's current order. */
export function selectExportRecords(rows: readonly TableRow[], context: ExportContext): ExportRecord[] {
  return rows.map((r) => {
    const o = r.outcome;
    const c = r.claim;
    const interval = o ? intervalOf(o) : null;
    return {
      row_type: r.rowKind,
      id: r.id,
      treatment: r.treatment.name,
      treatment_class: CLASS_LABELS[r.treatment.class],
      compared_with: r.comparator?.name,
      measure: METRIC_LABELS[r.metric],
      value: r.value,
      unit: r.unit,
      low: interval?.low,
      high: interval?.high,
      interval: interval?.label,
      events: o?.events,
      n: o?.n,
      timepoint: o?.timepoint ? formatTimepoint(o.timepoint) : undefined,
      instrument: o?.instrument,
      definition: o?.definition,
      side_effect: o?.sideEffect,
      subgroup: o?.subgroup,
      locator: o?.locator ?? c?.locator,
      note: o?.note,
      read_via_secondary: o ? Boolean(o.viaSecondary) : undefined,
      claim_statement: c?.statement,
      claim_verdict: c?.verdict,
      claim_evidence: c?.evidence.join(' '),
      source_id: r.source.id,
      source_citation: r.citation,
      source_title: r.source.title,
      source_kind: KIND_LABELS[r.source.kind],
      source_year: r.source.year,
      source_doi: r.source.doi,
      source_pmid: r.source.pmid,
      source_registry: r.source.nct,
      source_url: r.source.url,
      dataset_version: context.datasetVersion,
      view_url: context.viewUrl,
      filters: context.filters.join('; ') || 'none',
    };
  });
}
