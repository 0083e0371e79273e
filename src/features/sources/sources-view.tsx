import { useMemo, useState } from 'react';
import { KindBadge } from '../../components/kind-badge';
import { MissingValue } from '../../components/missing-value';
import { ScrollRegion } from '../../components/scroll-region';
import { SourceIds } from '../../components/source-ids';
import type { Store } from '../../data/normalize';
import type { Source } from '../../data/schema';
import { KIND_LABELS } from '../../data/vocabulary';
import { formatNumber, shortCitation } from '../../lib/format';

type Props = {
  store: Store;
  /** Sources of the rows that pass the filters; all sources when no filter is set. */
  sources: readonly Source[];
  onOpenSource: (id: string) => void;
};

type Col = 'citation' | 'kind' | 'year' | 'n' | 'figures';
const COLS: { id: Col; label: string }[] = [
  { id: 'citation', label: 'Source' },
  { id: 'kind', label: 'Kind' },
  { id: 'year', label: 'Year' },
  { id: 'n', label: 'n' },
  { id: 'figures', label: 'Figures' },
];

/** A sortable list of sources; each opens its own page. */
export function SourcesView({ store, sources, onOpenSource }: Props) {
  const [sort, setSort] = useState<{ id: Col; desc: boolean }>({ id: 'citation', desc: false });
  const counts = useMemo(
    () =>
      new Map(
        store.sources.map((s) => [
          s.id,
          (store.outcomesBySource.get(s.id)?.length ?? 0) + (store.claimsBySource.get(s.id)?.length ?? 0),
        ]),
      ),
    [store],
  );
  const figures = (s: Source) => counts.get(s.id) ?? 0;
  const sorted = useMemo(() => {
    const key = (s: Source): string | number | undefined =>
      sort.id === 'citation'
        ? shortCitation(s).toLowerCase()
        : sort.id === 'kind'
          ? KIND_LABELS[s.kind]
          : sort.id === 'figures'
            ? (counts.get(s.id) ?? 0)
            : s[sort.id];
    return [...sources].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
      const c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return sort.desc ? -c : c;
    });
  }, [sources, sort, counts]);

  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p className="lede">
        {sources.length} of {store.sources.length} sources: trials, reviews, guidelines, labels and the clinic blogs
        whose claims are checked. Open one to see every figure taken from it.
      </p>
      <ScrollRegion label="Sources table">
        <table className="evidence-table sources-table">
          <thead>
            <tr>
              {COLS.map((c) => {
                const active = sort.id === c.id;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
                    data-column={c.id}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort({ id: c.id, desc: active ? !sort.desc : false })}
                    >
                      {c.label}
                      <span aria-hidden="true" className="sort-icon">
                        {active ? (sort.desc ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">Title</th>
              <th scope="col">Links</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => (
              <tr key={s.id} data-row-id={s.id}>
                <td data-column="citation">
                  <button type="button" className="link-button" onClick={() => onOpenSource(s.id)}>
                    {shortCitation(s)}
                  </button>
                </td>
                <td>
                  <KindBadge kind={s.kind} />
                </td>
                <td data-column="year">{s.year ?? <MissingValue />}</td>
                <td>{s.n === undefined ? <MissingValue /> : formatNumber(s.n)}</td>
                <td data-column="figures">{figures(s)}</td>
                <td className="cell-title">{s.title}</td>
                <td>
                  <SourceIds source={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
