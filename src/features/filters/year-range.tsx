import { useId, useState } from 'react';

type Props = {
  min: number;
  max: number;
  from: number | null;
  to: number | null;
  onChange: (from: number | null, to: number | null) => void;
};

type InputProps = {
  id: string;
  label: string;
  value: number | null;
  placeholder: number;
  onCommit: (v: number | null) => void;
};

/** Keeps half-typed text locally; commits only an empty box or a four-digit year. */
function YearInput({ id, label, value, placeholder, onCommit }: InputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value === null ? '' : String(value));
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="\d{4}"
        maxLength={4}
        size={5}
        placeholder={String(placeholder)}
        value={text}
        onChange={(e) => {
          const t = e.target.value.replace(/\D/g, '');
          setText(t);
          if (t === '') onCommit(null);
          else if (t.length === 4) onCommit(Number(t));
        }}
      />
    </>
  );
}

/** Publication-year range; an empty box means no bound. */
export function YearRange({ min, max, from, to, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="filter-group year-range">
      <legend>Publication year</legend>
      <YearInput id={`${id}-from`} label="From" value={from} placeholder={min} onCommit={(v) => onChange(v, to)} />
      <YearInput id={`${id}-to`} label="to" value={to} placeholder={max} onCommit={(v) => onChange(from, v)} />
    </fieldset>
  );
}
