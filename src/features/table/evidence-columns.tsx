import type { ColumnDef } from '@tanstack/react-table';
import { KindBadge } from '../../components/kind-badge';
import { SourceLink } from '../../components/source-link';
import { CLASS_LABELS, METRIC_LABELS } from '../../data/vocabulary';
import { MISSING, formatInterval, formatNumber, formatTimepoint, formatValue } from '../../lib/format';
import type { TableRow } from '../../selectors/select-table-rows';
import type { TableSetup } from './table-features';

// Missing values are returned as undefined so TanStack's sortUndefined puts them last both ways.
const orUndef = <T,>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export const evidenceColumns: ColumnDef<TableSetup, TableRow>[] = [
  {
    id: 'treatment',
    header: 'Treatment',
    accessorFn: (r) => r.treatment.name,
    sortFn: 'text',
    cell: ({ row }) => (
      <span>
        {row.original.treatment.name}
        <span className="cell-sub">{CLASS_LABELS[row.original.treatment.class]}</span>
      </span>
    ),
  },
  {
    id: 'comparator',
    header: 'Compared with',
    accessorFn: (r) => r.comparator?.name,
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ getValue }) => (getValue() as string | undefined) ?? MISSING,
  },
  {
    id: 'metric',
    header: 'Measure',
    accessorFn: (r) => METRIC_LABELS[r.metric],
    sortFn: 'text',
  },
  {
    id: 'value',
    header: 'Value',
    accessorFn: (r) => orUndef(r.value ?? r.outcome?.low),
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ row }) => {
      const r = row.original;
      if (r.claim) {
        return (
          <span>
            {r.claim.value !== undefined && r.claim.value !== null && r.claim.unit
              ? formatValue({ value: r.claim.value, unit: r.claim.unit })
              : MISSING}
            <span className="cell-sub">as claimed</span>
          </span>
        );
      }
      const o = r.outcome;
      if (!o) return MISSING;
      const interval = formatInterval(o);
      return (
        <span>
          <span className="value">{formatValue(o)}</span>
          {interval !== MISSING && <span className="cell-sub">{interval}</span>}
        </span>
      );
    },
  },
  {
    id: 'n',
    header: 'n',
    accessorFn: (r) => r.n,
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ getValue }) => formatNumber(getValue() as number | undefined),
  },
  {
    id: 'timepoint',
    header: 'When',
    accessorFn: (r) => (r.outcome?.timepoint ? formatTimepoint(r.outcome.timepoint) : undefined),
    sortFn: 'alphanumeric',
    sortUndefined: 'last',
    cell: ({ getValue }) => (getValue() as string | undefined) ?? MISSING,
  },
  {
    id: 'source',
    header: 'Source',
    accessorFn: (r) => r.citation,
    sortFn: 'text',
    cell: ({ row }) => <SourceLink source={row.original.source} />,
  },
  {
    id: 'kind',
    header: 'Source kind',
    accessorFn: (r) => r.source.kind,
    sortFn: 'text',
    cell: ({ row }) => (
      <span>
        <KindBadge kind={row.original.source.kind} />
        {row.original.rowKind === 'claim' && <span className="claim-flag">Claim to check</span>}
      </span>
    ),
  },
  {
    id: 'year',
    header: 'Year',
    accessorFn: (r) => r.year,
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ getValue }) => (getValue() as number | undefined) ?? MISSING,
  },
];
