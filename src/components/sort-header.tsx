import type { MouseEvent, ReactNode } from 'react';

type Props = {
  /** The column's id, written as data-column for styling and tests. */
  column: string;
  label: ReactNode;
  direction: false | 'asc' | 'desc';
  /** 1-based place in a multi-column sort; null when the column is not sorted or sorts alone. */
  priority?: number | null;
  onSort: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Id of visible text that says how sorting works (e.g. how to sort by several columns). */
  describedBy?: string;
  className?: string;
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A sortable column header: a real button inside the <th>, the current order in aria-sort,
 * an arrow for sighted users and the priority of a multi-column sort in words for everyone.
 * Shared by every sortable table in the app.
 */
export function SortHeader({ column, label, direction, priority = null, onSort, describedBy, className }: Props) {
  return (
    <th scope="col" aria-sort={direction ? ARIA_SORT[direction] : undefined} data-column={column} className={className}>
      <button type="button" className="sort-button" onClick={onSort} aria-describedby={describedBy}>
        {label}
        <span aria-hidden="true" className="sort-icon">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
        {priority !== null && (
          <span className="sort-priority">
            <span className="visually-hidden">, sort priority {priority}</span>
            <span aria-hidden="true">{priority}</span>
          </span>
        )}
      </button>
    </th>
  );
}
