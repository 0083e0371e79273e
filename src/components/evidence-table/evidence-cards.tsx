import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { TableRow } from '../../selectors/select-table-rows';
import { MissingValue } from '../missing-value';
import { SourceLink } from '../source-link';
import { CELLS, KindCell, MeasureCell, TreatmentCell, ValueCell } from './evidence-columns';
import { VIRTUALIZE_ABOVE } from './evidence-table';

type Props = {
  rows: readonly TableRow[];
  onOpenRow?: (id: string) => void;
  label?: string;
};

const CARD_ESTIMATE = 190;

/**
 * The evidence table for a phone: each row a card, value and interval in large type, in the page's
 * own scroll (no box to swipe inside). Still a table to assistive technology: rows with their
 * position in aria-rowindex and the total in aria-rowcount, so a virtualized list reads honestly.
 */
export function EvidenceCards({ rows, onOpenRow, label = 'Evidence' }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el) setOffset(el.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => CARD_ESTIMATE,
    overscan: 6,
    scrollMargin: offset,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual
    ? items.map((i) => ({ row: rows[i.index], index: i.index }))
    : rows.map((row, index) => ({ row, index }));
  const padTop = virtual ? Math.max(0, (items[0]?.start ?? offset) - offset) : 0;
  const padBottom = virtual ? Math.max(0, virtualizer.getTotalSize() - ((items.at(-1)?.end ?? offset) - offset)) : 0;

  return (
    <div ref={listRef} className="evidence-cards" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div role="rowgroup" style={{ paddingTop: padTop, paddingBottom: padBottom }}>
        {shown.map(({ row, index }) =>
          row ? (
            <div
              key={row.id}
              ref={virtual ? virtualizer.measureElement : undefined}
              data-index={index}
              data-row-id={row.id}
              role="row"
              aria-rowindex={index + 1}
              className={`evidence-card${row.rowKind === 'claim' ? ' evidence-card--claim' : ''}`}
            >
              <div role="cell" className="evidence-card__head">
                {onOpenRow ? (
                  <button
                    type="button"
                    className="row-open"
                    onClick={() => onOpenRow(row.id)}
                    aria-label={`Details: ${row.treatment.name}, ${row.citation}`}
                  >
                    <TreatmentCell row={row} />
                  </button>
                ) : (
                  <TreatmentCell row={row} />
                )}
                {row.comparator && <span className="cell-sub">Compared with {row.comparator.name}</span>}
              </div>
              <div role="cell" className="evidence-card__value">
                <span className="evidence-card__label">
                  <MeasureCell row={row} />
                </span>
                <ValueCell row={row} />
              </div>
              <div role="cell" className="evidence-card__meta">
                <span className="evidence-card__label">When</span>
                {CELLS.timepoint(row)}
              </div>
              <div role="cell" className="evidence-card__meta">
                <span className="evidence-card__label">n</span>
                {row.n === undefined ? <MissingValue /> : CELLS.n(row)}
              </div>
              <div role="cell" className="evidence-card__source">
                <SourceLink source={row.source} />
                <KindCell row={row} />
              </div>
            </div>
          ) : null,
        )}
      </div>
    </div>
  );
}
