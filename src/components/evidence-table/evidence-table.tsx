import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { TableRow } from '../../selectors/select-table-rows';
import { COLUMN_IDS, type ColumnId, type SortItem } from '../../state/view-state';
import { ScrollRegion } from '../scroll-region';
import { SortHeader } from '../sort-header';
import { evidenceColumns } from './evidence-columns';
import { tableSetup } from './table-features';

type Props = {
  rows: readonly TableRow[];
  sort: SortItem[];
  onSortChange: (sort: SortItem[]) => void;
  hidden?: readonly ColumnId[];
  /** When true a header click adds to the sort instead of replacing it (no Shift key needed). */
  multiSort?: boolean;
  onOpenRow?: (id: string) => void;
  label?: string;
  /** Id of the visible text that explains sorting (read with every header button). */
  sortHintId?: string;
};

/** Above this many rows only the visible rows are in the DOM. */
export const VIRTUALIZE_ABOVE = 100;
const ROW_ESTIMATE = 58;

const isColumnId = (id: string): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id);

/**
 * Every figure (and claim) one row, in the order given. Headers sort by click, Enter or Space;
 * multi-column sort shows its priority; long lists are virtualized.
 */
export function EvidenceTable({
  rows,
  sort,
  onSortChange,
  hidden = [],
  multiSort = false,
  onOpenRow,
  label,
  sortHintId,
}: Props) {
  const data = rows as TableRow[];
  const columnVisibility = useMemo(() => Object.fromEntries(hidden.map((id) => [id, false])), [hidden]);
  const table = useTable({
    features: tableSetup,
    columns: evidenceColumns,
    data,
    state: { sorting: sort, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sort) : updater;
      onSortChange(next.filter((s) => isColumnId(s.id)).map((s) => ({ id: s.id as ColumnId, desc: s.desc })));
    },
    isMultiSortEvent: (e: unknown) => multiSort || Boolean((e as { shiftKey?: boolean } | undefined)?.shiftKey),
    enableSortingRemoval: true,
    // Every column starts low-to-high, whatever its type, so a click is predictable.
    sortDescFirst: false,
    // Rows arrive sorted by selectSortedRows, so the table, the export and the
    // benchmarks share one order; TanStack keeps the sort state and header API.
    manualSorting: true,
    getRowId: (row) => row.id,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const modelRows = table.getRowModel().rows;
  const virtual = modelRows.length > VIRTUALIZE_ABOVE;
  // The virtualizer's functions are read fresh on every render, which is what we want here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual
    ? items.map((i) => ({ row: modelRows[i.index], index: i.index }))
    : modelRows.map((row, index) => ({ row, index }));
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const visibleColumns = table.getVisibleLeafColumns().length;

  return (
    <ScrollRegion label={label ?? 'Evidence table'} ref={scrollRef}>
      <table className="evidence-table" aria-rowcount={modelRows.length + 1}>
        <caption className="visually-hidden">
          Figures from trials, reviews, guidelines and labels, and claims from clinic blogs. Column header buttons sort
          the table; the treatment button in each row opens the figure's details.
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const dir = header.column.getIsSorted();
                return (
                  <SortHeader
                    key={header.id}
                    column={header.column.id}
                    label={<table.FlexRender header={header} />}
                    direction={dir}
                    priority={sort.length > 1 && dir ? header.column.getSortIndex() + 1 : null}
                    onSort={header.column.getToggleSortingHandler() ?? (() => undefined)}
                    describedBy={sortHintId}
                  />
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visibleColumns} style={{ height: padTop }} />
            </tr>
          )}
          {shown.map(({ row, index }) =>
            row ? (
              <tr
                key={row.id}
                ref={virtual ? virtualizer.measureElement : undefined}
                data-index={index}
                aria-rowindex={index + 2}
                data-row-id={row.id}
                className={row.original.rowKind === 'claim' ? 'row--claim' : undefined}
                onClick={(event) => {
                  // Links and buttons inside the row keep their own meaning.
                  if ((event.target as HTMLElement).closest('a, button')) return;
                  onOpenRow?.(row.id);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-column={cell.column.id}>
                    {cell.column.id === 'treatment' && onOpenRow ? (
                      <button
                        type="button"
                        className="row-open"
                        onClick={() => onOpenRow(row.id)}
                        aria-label={`Details: ${row.original.treatment.name}, ${row.original.citation}`}
                      >
                        <table.FlexRender cell={cell} />
                      </button>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            ) : null,
          )}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={visibleColumns} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
