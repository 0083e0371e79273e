import { useId } from 'react';

type Props = { value: string; onChange: (value: string) => void };

/** Free-text search over treatments, measures, notes, locators and sources. */
export function SearchBox({ value, onChange }: Props) {
  const id = useId();
  return (
    <div className="search-box">
      <label htmlFor={id}>Search figures and claims</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder="e.g. dissociation, CAPS-5, Feder"
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
