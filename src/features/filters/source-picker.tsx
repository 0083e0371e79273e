import { useId, useMemo, useState } from 'react';
import type { Source } from '../../data/schema';
import { KIND_LABELS, SOURCE_KINDS } from '../../data/vocabulary';
import { shortCitation } from '../../lib/format';
import { searchWords } from '../../selectors/select-filtered';
import { CheckboxGroup } from './checkbox-group';

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
  const groups = useMemo(() => {
    const words = searchWords(search);
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
      <legend>Sources</legend>
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
          <CheckboxGroup
            key={g.kind}
            className="source-picker__group"
            legend={KIND_LABELS[g.kind]}
            options={g.items.map((s) => ({
              value: s.id,
              label: shortCitation(s),
              count: counts.get(s.id) ?? 0,
              title: s.title,
            }))}
            selected={selected}
            onChange={onChange}
            actions={
              <p className="group-actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`All ${KIND_LABELS[g.kind]} sources shown: select`}
                  onClick={() => onChange([...new Set([...selected, ...g.items.map((s) => s.id)])])}
                >
                  All
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`None of the ${KIND_LABELS[g.kind]} sources: clear`}
                  onClick={() => {
                    const drop = new Set(g.items.map((s) => s.id));
                    onChange(selected.filter((id) => !drop.has(id)));
                  }}
                >
                  None
                </button>
              </p>
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
