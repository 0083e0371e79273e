import { useId } from 'react';
import { COLUMN_LABELS } from '../../components/evidence-table/evidence-columns';
import { COLUMN_IDS, type ColumnId } from '../../state/view-state';

type Props = { hidden: readonly ColumnId[]; onChange: (hidden: ColumnId[]) => void };

/** Show or hide table columns; the treatment column always stays. */
export function ColumnChooser({ hidden, onChange }: Props) {
  const id = useId();
  const set = new Set(hidden);
  return (
    <details className="menu">
      <summary>Columns</summary>
      <fieldset className="menu__body">
        <legend className="visually-hidden">Visible columns</legend>
        {COLUMN_IDS.filter((c) => c !== 'treatment').map((c) => (
          <div key={c}>
            <input
              type="checkbox"
              id={`${id}-${c}`}
              checked={!set.has(c)}
              onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== c) : [...hidden, c])}
            />
            <label htmlFor={`${id}-${c}`}>{COLUMN_LABELS[c]}</label>
          </div>
        ))}
      </fieldset>
    </details>
  );
}
