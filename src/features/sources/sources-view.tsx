import { useMemo } from 'react';
import { KindBadge } from '../../components/kind-badge';
import { MissingValue } from '../../components/missing-value';
import { ScrollRegion } from '../../components/scroll-region';
import { SourceIds } from '../../components/source-ids';
import type { Store } from '../../data/normalize';
import type { Source } from '../../data/schema';
import { formatNumber, plural } from '../../lib/format';
import { SOURCE_COLUMNS, selectSourceRows, sortRows } from '../../selectors/table-columns';
import type { SourceColumnId, SourceSort } from '../../state/view-state';
import { SortHeader } from '../../components/sort-header';

type Props = {
  store: Store;
  /** Sources of the rows that pass the filters; all sources when no filter is set. */
  sources: readonly Source[];
  sort: SourceSort | null;
  onSortChange: (sort: SourceSort | null) => void;
  onOpenSource: (id: string) => void;
};

const BY_CITATION: SourceSort = { id: 'citation', desc: false };

/** A sortable list of sources; each opens its own page. The order lives in the URL. */
export function SourcesView({ store, sources, sort, onSortChange, onOpenSource }: Props) {
  const current = sort ?? BY_CITATION;
  const rows = useMemo(() => selectSourceRows(store, sources), [store, sources]);
  const sorted = useMemo(() => sortRows(rows, [current], SOURCE_COLUMNS), [rows, current]);
  const toggle = (id: SourceColumnId) => {
    const next = { id, desc: current.id === id ? !current.desc : false };
    onSortChange(next.id === 'citation' && !next.desc ? null : next);
  };

  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p className="lede">
        {sources.length} of {plural(store.sources.length, 'source', 'sources')}: trials, reviews, guidelines, labels and
        the clinic blogs whose claims are checked. Open one to see every figure taken from it.
      </p>
      <ScrollRegion label="Sources table">
        <table className="evidence-table sources-table">
          <thead>
            <tr>
              {SOURCE_COLUMNS.map((c) => (
                <SortHeader
                  key={c.id}
                  column={c.id}
                  label={c.label}
                  direction={current.id === c.id ? (current.desc ? 'desc' : 'asc') : false}
                  onSort={() => toggle(c.id)}
                />
              ))}
              <th scope="col">Title</th>
              <th scope="col">Links</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ source: s, citation, figures }) => (
              <tr key={s.id} data-row-id={s.id}>
                <td data-column="citation">
                  <button type="button" className="link-button" onClick={() => onOpenSource(s.id)}>
                    {citation}
                  </button>
                </td>
                <td>
                  <KindBadge kind={s.kind} />
                </td>
                <td data-column="year">{s.year ?? <MissingValue />}</td>
                <td>{s.n === undefined ? <MissingValue /> : formatNumber(s.n)}</td>
                <td data-column="figures">{figures}</td>
                <td className="cell-title">{s.title}</td>
                <td data-column="links">
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
