import { CitedSources } from '../../components/cited-sources';
import { FigureLinks } from '../../components/figure-links';
import { SourceLink } from '../../components/source-link';
import type { Store } from '../../data/normalize';
import type { Claim } from '../../data/schema';
import { METRIC_LABELS, VERDICT_LABELS } from '../../data/vocabulary';

type Props = { store: Store; claims: readonly Claim[]; onOpenFigure: (id: string) => void };

/** Clinic-blog claims with their verdicts and the figures they were checked against. */
export function ClaimsView({ store, claims, onOpenFigure }: Props) {
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">Clinic claims, checked</h2>
      <p className="lede">
        {claims.length} of {store.claims.length} statements from {new Set(claims.map((c) => c.sourceId)).size} clinic
        and wellness blogs, each set against the research figures it rests on.
      </p>
      <ul className="claim-list">
        {claims.length === 0 && (
          <li className="empty">
            No claim matches these filters (claims are hidden when only research sources are shown).
          </li>
        )}
        {claims.map((c) => {
          const source = store.sourceById.get(c.sourceId);
          return (
            <li key={c.id} className="claim-card" id={`claim-${c.id}`}>
              <p className={`verdict verdict--${c.verdict}`}>{VERDICT_LABELS[c.verdict]}</p>
              <p className="claim-statement">{c.statement}</p>
              <p className="cell-sub">
                {source && <SourceLink source={source} />} · {c.locator} · {METRIC_LABELS[c.metric]} ·{' '}
                <button type="button" className="link-button" onClick={() => onOpenFigure(c.id)}>
                  Details
                </button>
              </p>
              <p>{c.rationale}</p>
              {c.evidence.length > 0 && (
                <details>
                  <summary>
                    Checked against {c.evidence.length} figure{c.evidence.length === 1 ? '' : 's'}
                  </summary>
                  <FigureLinks store={store} ids={c.evidence} onOpen={onOpenFigure} />
                </details>
              )}
              {c.evidenceSources && (
                <details>
                  <summary>
                    Also rests on {c.evidenceSources.length} stud{c.evidenceSources.length === 1 ? 'y' : 'ies'} whose
                    finding is stated in words
                  </summary>
                  <CitedSources store={store} ids={c.evidenceSources} />
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
