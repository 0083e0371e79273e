import { memo, useId, useState } from 'react';
import { COLUMN_LABELS } from '../../components/evidence-table/evidence-columns';
import { EvidenceCards } from '../../components/evidence-table/evidence-cards';
import { EvidenceTable } from '../../components/evidence-table/evidence-table';
import { PHONE_QUERY, useMediaQuery } from '../../lib/use-media-query';
import type { TableRow } from '../../selectors/select-table-rows';
import { EVIDENCE_COLUMNS, EVIDENCE_COLUMN_BY_ID } from '../../selectors/table-columns';
import { COLUMN_IDS, type ColumnId, type SortItem } from '../../state/view-state';
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

/** On a phone the column headers are gone with the table, so sorting is a pair of menus. */
function SortMenus({ sort, onSortChange }: Pick<Props, 'sort' | 'onSortChange'>) {
  const id = useId();
  const first = sort[0];
  return (
    <div className="sort-menus">
      <label htmlFor={`${id}-by`}>Sort by</label>
      <select
        id={`${id}-by`}
        value={first?.id ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          onSortChange(
            (COLUMN_IDS as readonly string[]).includes(value)
              ? [{ id: value as ColumnId, desc: first?.desc ?? false }]
              : [],
          );
        }}
      >
        <option value="">Dataset order</option>
        {EVIDENCE_COLUMNS.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      {first && (
        <>
          <label htmlFor={`${id}-dir`} className="visually-hidden">
            Direction
          </label>
          <select
            id={`${id}-dir`}
            value={first.desc ? 'desc' : 'asc'}
            onChange={(e) => onSortChange([{ id: first.id, desc: e.target.value === 'desc' }, ...sort.slice(1)])}
          >
            <option value="asc">Low to high</option>
            <option value="desc">High to low</option>
          </select>
        </>
      )}
    </div>
  );
}

/**
 * The evidence table with its sort, column and download controls; a list of cards on a phone.
 * Memoized: typing in the search box re-renders it only once the filtered rows arrive.
 */
export const TableView = memo(function TableView({
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
  const phone = useMediaQuery(PHONE_QUERY);
  const [multiSort, setMultiSort] = useState(false);
  const hintId = `${id}-sort-hint`;
  return (
    <section aria-labelledby="table-title">
      <h2 id="table-title" tabIndex={-1}>
        All figures
      </h2>
      <div className="toolbar">
        {phone ? (
          <SortMenus sort={sort} onSortChange={onSortChange} />
        ) : (
          <div className="toolbar__group">
            <input
              type="checkbox"
              id={`${id}-multi`}
              checked={multiSort}
              onChange={(e) => setMultiSort(e.target.checked)}
              aria-describedby={hintId}
            />
            <label htmlFor={`${id}-multi`}>Sort by several columns</label>
          </div>
        )}
        {sort.length > 0 && (
          <p className="sort-summary" aria-live="polite">
            Sorted by{' '}
            {sort.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', then '}
                <strong>{COLUMN_LABELS[s.id]}</strong> {s.desc ? '(high to low)' : '(low to high)'}
                {EVIDENCE_COLUMN_BY_ID[s.id].sortNote && ` ${EVIDENCE_COLUMN_BY_ID[s.id].sortNote}`}
              </span>
            ))}{' '}
            <button type="button" className="link-button" onClick={() => onSortChange([])}>
              Clear sort
            </button>
          </p>
        )}
        {!phone && <ColumnChooser hidden={hidden} onChange={onHiddenChange} />}
        <ExportButtons
          rows={rows}
          datasetVersion={datasetVersion}
          viewUrl={() => window.location.href}
          filters={filterLabels}
        />
      </div>
      {!phone && (
        <p id={hintId} className="hint">
          A column header sorts the table; click again to reverse.{' '}
          {multiSort
            ? 'Each click adds that column to the sort.'
            : 'Shift-click a header, or tick “Sort by several columns”, to sort by more than one.'}{' '}
          Value sorts within each measure and unit, so percentages and times never mix.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">No figures match these filters. Remove a filter chip above, or clear them all.</p>
      ) : phone ? (
        <EvidenceCards rows={rows} onOpenRow={onOpenRow} label="All figures" />
      ) : (
        <EvidenceTable
          rows={rows}
          sort={sort}
          onSortChange={onSortChange}
          hidden={hidden}
          multiSort={multiSort}
          onOpenRow={onOpenRow}
          sortHintId={hintId}
        />
      )}
    </section>
  );
});
