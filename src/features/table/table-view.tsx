import { useId, useState } from 'react';
import { COLUMN_LABELS } from '../../components/evidence-table/evidence-columns';
import { EvidenceTable } from '../../components/evidence-table/evidence-table';
import type { TableRow } from '../../selectors/select-table-rows';
import type { ColumnId, SortItem } from '../../state/view-state';
import { ColumnChooser } from './column-chooser';
import { ExportButtons } from './export-buttons';

type Props = {
  rows: readonly TableRow[];
  sort: SortItem[];
  hidden: ColumnId[];
  datasetVersion: string;
  /** The active filters in words, for the exports. */
  filterLabels: readonly string[];
  onSortChange: (sort: SortItem[]) => void;
  onHiddenChange: (hidden: ColumnId[]) => void;
  onOpenRow: (id: string) => void;
};

/** The evidence table with its sort, column and download controls. */
export function TableView({
  rows,
  sort,
  hidden,
  datasetVersion,
  filterLabels,
  onSortChange,
  onHiddenChange,
  onOpenRow,
}: Props) {
  const id = useId();
  const [multiSort, setMultiSort] = useState(false);
  return (
    <section aria-labelledby="table-title">
      <h2 id="table-title">All figures</h2>
      <div className="toolbar">
        <div className="toolbar__group">
          <input
            type="checkbox"
            id={`${id}-multi`}
            checked={multiSort}
            onChange={(e) => setMultiSort(e.target.checked)}
          />
          <label htmlFor={`${id}-multi`}>Sort by several columns</label>
        </div>
        {sort.length > 0 && (
          <p className="sort-summary" aria-live="polite">
            Sorted by{' '}
            {sort.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', then '}
                <strong>{COLUMN_LABELS[s.id]}</strong> {s.desc ? '(high to low)' : '(low to high)'}
                {s.id === 'value' && ' within each measure and unit'}
              </span>
            ))}{' '}
            <button type="button" className="link-button" onClick={() => onSortChange([])}>
              Clear sort
            </button>
          </p>
        )}
        <ColumnChooser hidden={hidden} onChange={onHiddenChange} />
        <ExportButtons
          rows={rows}
          datasetVersion={datasetVersion}
          viewUrl={() => window.location.href}
          filters={filterLabels}
        />
      </div>
      {rows.length === 0 ? (
        <p className="empty">No figures match these filters. Remove a filter chip above, or clear them all.</p>
      ) : (
        <EvidenceTable
          rows={rows}
          sort={sort}
          onSortChange={onSortChange}
          hidden={hidden}
          multiSort={multiSort}
          onOpenRow={onOpenRow}
        />
      )}
    </section>
  );
}
