import { useId, useMemo, useState } from 'react';
import type { Source } from '../../data/schema';
import { KIND_LABELS, SOURCE_KINDS } from '../../data/vocabulary';
import { shortCitation } from '../../lib/format';

type Props = {
  sources: readonly Source[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  counts: ReadonlyMap<string, number>;
};

/** Multi-select of sources, grouped by kind and searchable by citation or title. */
export function SourcePicker({ sources, selected, onChange, counts }: Props) {
  const id = useId();
  const [search, setSearch] = useState('');
  const set = new Set(selected);
  const groups = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const match = (s: Source) => {
      const hay = `${shortCitation(s)} ${s.title} ${s.venue} ${s.id}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    };
    return SOURCE_KINDS.map((kind) => ({
      kind,
      items: sources
        .filter((s) => s.kind === kind && match(s))
        .sort((a, b) => shortCitation(a).localeCompare(shortCitation(b))),
    })).filter((g) => g.items.length > 0);
  }, [sources, search]);

  return (
    <fieldset className="filter-group source-picker">
      <legend>Sources {selected.length > 0 && <span className="count">({selected.length} selected)</span>}</legend>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        Find a source
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Find a source…"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
      />
      <div className="source-picker__list">
        {groups.length === 0 && <p className="cell-sub">No source matches “{search}”.</p>}
        {groups.map((g) => (
          <fieldset key={g.kind} className="source-picker__group">
            <legend>{KIND_LABELS[g.kind]}</legend>
            <ul className="check-list">
              {g.items.map((s) => (
                <li key={s.id}>
                  <input
                    type="checkbox"
                    id={`${id}-${s.id}`}
                    checked={set.has(s.id)}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...selected, s.id] : selected.filter((v) => v !== s.id))
                    }
                  />
                  <label htmlFor={`${id}-${s.id}`} title={s.title}>
                    {shortCitation(s)} <span className="count">({counts.get(s.id) ?? 0})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
