import { KindBadge } from '../../components/kind-badge';
import { ScrollRegion } from '../../components/scroll-region';
import { SourceIds } from '../../components/source-ids';
import { SourceLink } from '../../components/source-link';
import type { Store } from '../../data/normalize';
import { MISSING, formatNumber } from '../../lib/format';

/** Every source in the dataset with its kind, size and number of figures. */
export function SourcesView({ store }: { store: Store }) {
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p className="lede">
        {store.sources.length} sources: trials, reviews, guidelines, labels and the clinic blogs whose claims are
        checked.
      </p>
      <ScrollRegion label="Sources table">
        <table className="evidence-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Year</th>
              <th scope="col">n</th>
              <th scope="col">Figures</th>
              <th scope="col">Identifiers</th>
            </tr>
          </thead>
          <tbody>
            {store.sources.map((s) => (
              <tr key={s.id}>
                <td>
                  <SourceLink source={s} />
                </td>
                <td className="cell-title">{s.title}</td>
                <td>
                  <KindBadge kind={s.kind} />
                </td>
                <td>{s.year ?? MISSING}</td>
                <td>{formatNumber(s.n)}</td>
                <td>
                  {(store.outcomesBySource.get(s.id)?.length ?? 0) + (store.claimsBySource.get(s.id)?.length ?? 0)}
                </td>
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
