import type { ColumnDef } from '@tanstack/react-table';
import { CLASS_LABELS, CONDITION_LABELS, DOMAIN_LABELS, METRIC_LABELS } from '../../data/vocabulary';
import { MISSING, formatInterval, formatNumber, formatTimepoint, formatValue } from '../../lib/format';
import { isPtsdPopulation } from '../../selectors/population';
import type { TableRow } from '../../selectors/select-table-rows';
import type { ColumnId } from '../../state/view-state';
import { KindBadge } from '../kind-badge';
import { VerdictBadge } from '../verdict-badge';
import { MissingValue } from '../missing-value';
import { SourceLink } from '../source-link';
import type { TableSetup } from './table-features';

const text = (v: unknown) => (typeof v === 'string' && v ? v : <MissingValue />);

export const COLUMN_LABELS: Record<ColumnId, string> = {
  treatment: 'Treatment',
  comparator: 'Compared with',
  metric: 'Measure',
  value: 'Value',
  n: 'n',
  timepoint: 'When',
  instrument: 'Scale',
  definition: 'Definition',
  source: 'Source',
  kind: 'Source kind',
  year: 'Year',
};

/** What a figure's value cell shows: value with unit, then its interval. Also used for claims. */
export function ValueCell({ row }: { row: TableRow }) {
  if (row.claim) {
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
  if (!o) return <MissingValue />;
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

export const evidenceColumns: ColumnDef<TableSetup, TableRow>[] = [
  {
    id: 'treatment',
    header: COLUMN_LABELS.treatment,
    accessorFn: (r) => r.treatment.name,
    enableHiding: false,
    cell: ({ row }) => (
      <span>
        <span className="treatment-name">{row.original.treatment.name}</span>
        <span className="cell-sub">{CLASS_LABELS[row.original.treatment.class]}</span>
      </span>
    ),
  },
  {
    id: 'comparator',
    header: COLUMN_LABELS.comparator,
    accessorFn: (r) => r.comparator?.name,
    cell: ({ getValue }) => text(getValue()),
  },
  {
    id: 'metric',
    header: COLUMN_LABELS.metric,
    accessorFn: (r) => METRIC_LABELS[r.metric],
    cell: ({ row }) => (
      <span>
        {METRIC_LABELS[row.original.metric]}
        {row.original.outcome?.sideEffect && <span className="cell-sub">{row.original.outcome.sideEffect}</span>}
      </span>
    ),
  },
  {
    id: 'value',
    header: COLUMN_LABELS.value,
    accessorFn: (r) => r.value,
    cell: ({ row }) => <ValueCell row={row.original} />,
  },
  {
    id: 'n',
    header: COLUMN_LABELS.n,
    accessorFn: (r) => r.n,
    cell: ({ getValue }) => {
      const v = getValue() as number | undefined;
      return v === undefined ? <MissingValue /> : formatNumber(v);
    },
  },
  {
    id: 'timepoint',
    header: COLUMN_LABELS.timepoint,
    accessorFn: (r) => (r.outcome?.timepoint ? formatTimepoint(r.outcome.timepoint) : undefined),
    cell: ({ getValue }) => text(getValue()),
  },
  {
    id: 'instrument',
    header: COLUMN_LABELS.instrument,
    accessorFn: (r) => r.outcome?.instrument,
    cell: ({ getValue }) => text(getValue()),
  },
  {
    id: 'definition',
    header: COLUMN_LABELS.definition,
    accessorFn: (r) => r.outcome?.definition,
    cell: ({ getValue }) => text(getValue()),
  },
  {
    id: 'source',
    header: COLUMN_LABELS.source,
    accessorFn: (r) => r.citation,
    cell: ({ row }) => <SourceLink source={row.original.source} />,
  },
  {
    id: 'kind',
    header: COLUMN_LABELS.kind,
    accessorFn: (r) => (r.rowKind === 'claim' ? 'claim' : r.source.kind),
    cell: ({ row }) => (
      <span>
        <KindBadge kind={row.original.source.kind} />
        {row.original.rowKind === 'claim' && <span className="claim-flag">Claim to check</span>}
        {row.original.claim && (
          <span className="cell-sub">
            <VerdictBadge verdict={row.original.claim.verdict} />
          </span>
        )}
      </span>
    ),
  },
  {
    id: 'year',
    header: COLUMN_LABELS.year,
    accessorFn: (r) => r.year,
    cell: ({ getValue }) => (getValue() as number | undefined) ?? <MissingValue />,
  },
];
