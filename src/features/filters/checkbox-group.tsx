import { useId, type ReactNode } from 'react';
import { pluralWord } from '../../lib/format';

type Option = { value: string; label: string; count?: number; title?: string };
type Props = {
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  className?: string;
  /** Buttons shown under the legend, e.g. select all / none. */
  actions?: ReactNode;
};

/** A labelled group of checkboxes; selecting none means "all". */
export function CheckboxGroup({ legend, options, selected, onChange, className = 'filter-group', actions }: Props) {
  const id = useId();
  const set = new Set(selected);
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {actions}
      <ul className="check-list">
        {options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={set.has(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
            />
            <label htmlFor={`${id}-${o.value}`} title={o.title} className={o.count === 0 ? 'option--empty' : undefined}>
              {o.label}
              {o.count !== undefined && (
                <span className="count">
                  {' '}
                  ({o.count}
                  <span className="visually-hidden"> {pluralWord(o.count, 'result', 'results')}</span>)
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
