import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { CLASS_LABELS, CONDITION_LABELS, DOMAIN_LABELS, METRIC_LABELS } from '../../data/vocabulary';
import { MISSING, formatInterval, formatNumber, formatValue } from '../../lib/format';
import { isPtsdPopulation } from '../../selectors/population';
import type { TableRow } from '../../selectors/select-table-rows';
import { EVIDENCE_COLUMNS, EVIDENCE_COLUMN_BY_ID } from '../../selectors/table-columns';
import type { ColumnId } from '../../state/view-state';
import { KindBadge } from '../kind-badge';
import { VerdictBadge } from '../verdict-badge';
import { MissingValue } from '../missing-value';
import { SourceLink } from '../source-link';
import type { TableSetup } from './table-features';

/** Column labels by id, from the one column module. */
export const COLUMN_LABELS = Object.fromEntries(EVIDENCE_COLUMNS.map((c) => [c.id, c.label])) as Record<
  ColumnId,
  string
>;

const orMissing = (v: string | number | undefined): ReactNode =>
  v === undefined || v === '' ? <MissingValue /> : typeof v === 'number' ? formatNumber(v) : v;

/** What a figure's value cell shows: value with unit, then its interval. Also used for claims. */
export function ValueCell({ row }: { row: TableRow }) {
  if (row.rowKind === 'claim') {
    const c = row.claim;
    return (
      <span>
        <span className="value">
          {c.value !== undefined && c.value !== null && c.unit
            ? formatValue({ value: c.value, unit: c.unit })
            : MISSING}
        </span>
        <span className="cell-sub">
          as claimed{c.quotedNumbers?.length ? `: “${c.quotedNumbers.join('”, “')}”` : ''}
        </span>
      </span>
    );
  }
  const o = row.outcome;
  const interval = formatInterval(o);
  return (
    <span>
      <span className="value">{formatValue(o)}</span>
      {o.events !== undefined && o.n !== undefined && (
        <span className="cell-sub">
          {o.events} of {o.n}
        </span>
      )}
      {interval !== MISSING && <span className="cell-sub">{interval}</span>}
      {o.subgroup && <span className="cell-sub">{o.subgroup}</span>}
      {o.domain && o.domain !== 'ptsd' && (
        <span className="cell-sub">Measures: {DOMAIN_LABELS[o.domain].toLowerCase()}</span>
      )}
      <ContextFlag row={row} />
    </span>
  );
}

/** Marks a figure from a non-PTSD population, so context is never read as PTSD evidence. */
export function ContextFlag({ row }: { row: Pick<TableRow, 'condition'> }) {
  if (isPtsdPopulation(row.condition)) return null;
  return <span className="context-flag">Not a PTSD population: {CONDITION_LABELS[row.condition]}</span>;
}

/** The treatment, with its class underneath. */
export function TreatmentCell({ row }: { row: TableRow }) {
  return (
    <span>
      <span className="treatment-name">{row.treatment.name}</span>
      <span className="cell-sub">{CLASS_LABELS[row.treatment.class]}</span>
    </span>
  );
}

/** The measure, with the side effect it counts where there is one. */
export function MeasureCell({ row }: { row: TableRow }) {
  return (
    <span>
      {METRIC_LABELS[row.metric]}
      {row.rowKind === 'figure' && row.outcome.sideEffect && <span className="cell-sub">{row.outcome.sideEffect}</span>}
    </span>
  );
}

/** The source's kind, and for a claim its flag and verdict. */
export function KindCell({ row }: { row: TableRow }) {
  return (
    <span>
      <KindBadge kind={row.source.kind} />
      {row.rowKind === 'claim' && (
        <>
          <span className="claim-flag">Claim to check</span>
          <span className="cell-sub">
            <VerdictBadge verdict={row.claim.verdict} />
          </span>
        </>
      )}
    </span>
  );
}

/** How each column draws its cell; everything else about a column is in selectors/table-columns. */
export const CELLS: Record<ColumnId, (row: TableRow) => ReactNode> = {
  treatment: (row) => <TreatmentCell row={row} />,
  comparator: (row) => orMissing(row.comparator?.name),
  metric: (row) => <MeasureCell row={row} />,
  value: (row) => <ValueCell row={row} />,
  n: (row) => orMissing(row.n),
  timepoint: (row) => orMissing(EVIDENCE_COLUMN_BY_ID.timepoint.text(row)),
  instrument: (row) => orMissing(EVIDENCE_COLUMN_BY_ID.instrument.text(row)),
  definition: (row) => orMissing(EVIDENCE_COLUMN_BY_ID.definition.text(row)),
  source: (row) => <SourceLink source={row.source} />,
  kind: (row) => <KindCell row={row} />,
  year: (row) => row.year ?? <MissingValue />,
};

export const evidenceColumns: ColumnDef<TableSetup, TableRow>[] = EVIDENCE_COLUMNS.map((c) => ({
  id: c.id,
  header: c.label,
  accessorFn: c.text,
  enableHiding: c.id !== 'treatment',
  cell: ({ row }) => CELLS[c.id](row.original),
}));
