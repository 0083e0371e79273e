import { useTable, type SortingState } from '@tanstack/react-table';
import { ScrollRegion } from '../../components/scroll-region';
import { useState } from 'react';
import type { TableRow } from '../../selectors/select-table-rows';
import { evidenceColumns } from './evidence-columns';
import { tableSetup } from './table-features';

type Props = { rows: TableRow[] };

const ariaSort = (dir: false | 'asc' | 'desc') =>
  dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined;

/** Every figure (and claim) one row; headers sort by click or keyboard. */
export function EvidenceTable({ rows }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({
    features: tableSetup,
    columns: evidenceColumns,
    data: rows,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.id,
  });

  return (
    <ScrollRegion label="Evidence table">
      <table className="evidence-table">
        <caption className="visually-hidden">
          Figures from trials, reviews, guidelines and labels, and claims from clinic blogs. Column headers sort the
          table.
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const dir = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort(dir)}>
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="sort-icon">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.original.rowKind === 'claim' ? 'row--claim' : undefined}
              data-row-id={row.id}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} data-column={cell.column.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
