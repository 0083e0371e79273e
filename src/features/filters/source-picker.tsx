import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Source } from '../../data/schema';
import { KIND_LABELS, SOURCE_KINDS, type SourceKind } from '../../data/vocabulary';
import { shortCitation } from '../../lib/format';
import { useMediaQuery } from '../../lib/use-media-query';
import { searchWords } from '../../selectors/select-filtered';
import { CheckboxGroup } from './checkbox-group';

type Props = {
  sources: readonly Source[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  counts: ReadonlyMap<string, number>;
};

/** How many sources a group lists before "Show all" (ticked ones are always listed). */
export const SOURCES_PER_GROUP = 12;

/**
 * Where the filters sit beside the results (app.css puts them above below 60rem). Only there may the
 * list scroll on its own; on a narrower screen a box that scrolls inside a scrolling page traps the finger.
 */
const SIDEBAR_QUERY = '(min-width: 60.0625rem)';

/** Lower case, accents folded (so "acarturk" finds "Acartürk"), commas dropped (so "Feder, 2021" works). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[,;]/g, ' ');
}

function searchable(s: Source): string {
  return fold([shortCitation(s), s.authors, s.year, s.title, s.venue, s.id].filter(Boolean).join(' '));
}

/**
 * Multi-select of sources, grouped by kind and searchable by citation, authors, year or title. A long
 * group lists its first sources and a "Show all" button, so ~100 trials do not bury the other kinds.
 */
export function SourcePicker({ sources, selected, onChange, counts }: Props) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<SourceKind>>(() => new Set());
  const sidebar = useMediaQuery(SIDEBAR_QUERY);
  const haystacks = useMemo(() => new Map(sources.map((s) => [s.id, searchable(s)])), [sources]);
  const groups = useMemo(() => {
    const words = searchWords(fold(search));
    const match = (s: Source) => {
      const hay = haystacks.get(s.id) ?? '';
      return words.every((w) => hay.includes(w));
    };
    return SOURCE_KINDS.map((kind) => ({
      kind,
      items: sources
        .filter((s) => s.kind === kind && match(s))
        .sort((a, b) => shortCitation(a).localeCompare(shortCitation(b))),
    })).filter((g) => g.items.length > 0);
  }, [sources, search, haystacks]);
  const ticked = new Set(selected);
  const list = useRef<HTMLDivElement>(null);
  // After "Show all", focus moves to the first source that was not listed before, so the keyboard goes on from there.
  const focusAfterExpand = useRef<SourceKind | null>(null);
  useEffect(() => {
    const kind = focusAfterExpand.current;
    if (!kind) return;
    focusAfterExpand.current = null;
    const boxes = list.current?.querySelectorAll<HTMLInputElement>(`[data-kind="${kind}"] input[type="checkbox"]`);
    boxes?.[SOURCES_PER_GROUP]?.focus();
  });
  const toggle = (kind: SourceKind) => {
    const opening = !expanded.has(kind);
    if (opening) focusAfterExpand.current = kind;
    setExpanded((prev) => {
      const next = new Set(prev);
      if (opening) next.add(kind);
      else next.delete(kind);
      return next;
    });
  };

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
      <div ref={list} className={sidebar ? 'source-picker__list' : undefined} data-testid="source-picker-list">
        {groups.length === 0 && <p className="cell-sub">No source matches “{search}”.</p>}
        {groups.map((g) => {
          const label = KIND_LABELS[g.kind];
          const long = g.items.length > SOURCES_PER_GROUP;
          const open = !long || expanded.has(g.kind);
          // A ticked source is always listed, so what is selected is never out of sight.
          const shown = open ? g.items : g.items.filter((s, i) => i < SOURCES_PER_GROUP || ticked.has(s.id));
          const matching = search.trim() ? ' matching the search' : '';
          return (
            <div key={g.kind} data-kind={g.kind}>
              <CheckboxGroup
                className="source-picker__group"
                legend={label}
                options={shown.map((s) => ({
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
                      aria-label={`All ${g.items.length} ${label} sources${matching}: select`}
                      onClick={() => onChange([...new Set([...selected, ...g.items.map((s) => s.id)])])}
                    >
                      All
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`None of the ${label} sources${matching}: clear`}
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
              {long && (
                <p className="group-actions">
                  <button type="button" className="link-button" onClick={() => toggle(g.kind)}>
                    {open ? (
                      <>
                        Show fewer <span className="visually-hidden">{label} sources</span>
                      </>
                    ) : (
                      <>
                        Show all {g.items.length} <span className="visually-hidden">{label} sources</span>
                      </>
                    )}
                  </button>
                  {!open && (
                    <span className="count">
                      ({shown.length} of {g.items.length} listed)
                    </span>
                  )}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
