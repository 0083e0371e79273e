import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { ClaimEvidence } from '../../components/claim-evidence';
import { SourceLink } from '../../components/source-link';
import type { Store } from '../../data/normalize';
import type { Claim, Source } from '../../data/schema';
import { METRIC_LABELS, VERDICTS, type Verdict } from '../../data/vocabulary';
import { plural } from '../../lib/format';
import { selectClaimContext } from '../../selectors/select-claim-context';
import { DEFAULT_FILTERS, type Filters } from '../../state/view-state';
import { VerdictBadge } from '../../components/verdict-badge';

// The small charts need recharts: a separate chunk, fetched when the Claims view opens.
const ClaimContextChart = lazy(() => import('./claim-context-chart'));

type Props = {
  store: Store;
  claims: readonly Claim[];
  filters: Filters;
  onFiltersChange: (next: Filters) => void;
  /** The claim a shared link points at: scrolled to and marked. */
  highlighted: string | null;
  /** The address of one claim, for its "Copy link" button. */
  linkFor: (claimId: string) => string;
  onOpenFigure: (id: string) => void;
};

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function CopyLink({ href, label }: { href: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="copy-link">
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          void copy(new URL(href, window.location.href).toString()).then((ok) => setState(ok ? 'copied' : 'failed'))
        }
      >
        {label}
      </button>
      <span role="status" className="copy-link__status">
        {state === 'copied' ? 'Link copied.' : state === 'failed' ? 'Could not copy; use the address bar.' : ''}
      </span>
    </span>
  );
}

function ClaimCard({
  store,
  c,
  highlighted,
  href,
  onOpenFigure,
}: {
  store: Store;
  c: Claim;
  highlighted: boolean;
  href: string;
  onOpenFigure: (id: string) => void;
}) {
  const context = useMemo(() => selectClaimContext(store, c), [store, c]);
  return (
    <li className={highlighted ? 'claim-card claim-card--highlighted' : 'claim-card'} id={`claim-${c.id}`}>
      <article aria-labelledby={`claim-${c.id}-statement`}>
        <VerdictBadge verdict={c.verdict} />
        <h4 id={`claim-${c.id}-statement`} className="claim-statement" tabIndex={-1}>
          {c.statement}
        </h4>
        <p className="cell-sub">
          {METRIC_LABELS[c.metric]} · {c.locator}
          {c.quotedNumbers?.length ? ` · as printed: ${c.quotedNumbers.map((q) => `“${q}”`).join(', ')}` : ''}
        </p>
        <p>
          <strong>Why: </strong>
          {c.rationale}
        </p>
        {/* A group, not a landmark: every claim card has one, and landmarks must have unique names. */}
        <div className="claim-context" role="group" aria-label="Where the claimed number sits among the evidence">
          <p className="claim-context__summary">{context.summary}</p>
          {context.axis !== 'none' && context.points.length > 0 && (
            <Suspense fallback={<p role="status">Loading the chart…</p>}>
              <ClaimContextChart context={context} onOpen={onOpenFigure} />
            </Suspense>
          )}
        </div>
        <ClaimEvidence store={store} claim={c} onOpen={onOpenFigure} heading="h5" className="claim-evidence" />
        <p className="claim-actions">
          <button type="button" className="link-button" onClick={() => onOpenFigure(c.id)}>
            Details of this claim
          </button>{' '}
          <a href={href}>Link to this claim</a> <CopyLink href={href} label="Copy link" />
        </p>
      </article>
    </li>
  );
}

/**
 * Clinic-blog claims, grouped by blog: each with its verdict, rationale, where its number sits among
 * the evidence, and the figures and studies it was checked against.
 */
export function ClaimsView({ store, claims, filters, onFiltersChange, highlighted, linkFor, onOpenFigure }: Props) {
  const blogs = useMemo(() => {
    const by = new Map<string, { source: Source; claims: Claim[] }>();
    for (const c of claims) {
      const source = store.sourceById.get(c.sourceId);
      if (!source) continue;
      const entry = by.get(source.id) ?? { source, claims: [] };
      entry.claims.push(c);
      by.set(source.id, entry);
    }
    return [...by.values()];
  }, [store, claims]);
  const counts = useMemo(() => {
    const m = new Map<Verdict, number>();
    for (const c of claims) m.set(c.verdict, (m.get(c.verdict) ?? 0) + 1);
    return m;
  }, [claims]);
  const hiddenByFilters = highlighted !== null && !claims.some((c) => c.id === highlighted);
  const scrolled = useRef<string | null>(null);

  useEffect(() => {
    if (!highlighted || scrolled.current === highlighted) return;
    const el = document.getElementById(`claim-${highlighted}`);
    if (!el) return;
    scrolled.current = highlighted;
    el.scrollIntoView?.({ block: 'start' });
    document.getElementById(`claim-${highlighted}-statement`)?.focus({ preventScroll: true });
  }, [highlighted, claims]);

  const toggleVerdict = (v: Verdict) =>
    onFiltersChange({
      ...filters,
      verdicts: filters.verdicts.includes(v) ? filters.verdicts.filter((x) => x !== v) : [...filters.verdicts, v],
    });

  return (
    <section aria-labelledby="claims-title" className="claims">
      <h2 id="claims-title">Clinic claims, checked</h2>
      <p className="lede">
        {claims.length} of {plural(store.claims.length, 'statement', 'statements')} from{' '}
        {plural(blogs.length, 'clinic or wellness blog', 'clinic and wellness blogs')}, each set against the research
        figures it rests on. Filter by blog (Sources), verdict or measure; every claim has its own link.
      </p>
      <div className="verdict-summary" role="group" aria-label="Claims by verdict (press to filter)">
        {VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            className="verdict-toggle"
            aria-pressed={filters.verdicts.includes(v)}
            onClick={() => toggleVerdict(v)}
          >
            <VerdictBadge verdict={v} /> <span className="verdict-count">{counts.get(v) ?? 0}</span>
          </button>
        ))}
        <CopyLink href={window.location.href} label="Copy link to this page" />
      </div>
      {hiddenByFilters && (
        <p className="notice" role="status">
          The claim this link points to is hidden by the current filters.{' '}
          <button type="button" className="link-button" onClick={() => onFiltersChange(DEFAULT_FILTERS)}>
            Clear the filters to show it
          </button>
        </p>
      )}
      {claims.length === 0 && (
        <p className="empty">
          No claim matches these filters (claims are hidden when only research sources are shown).
        </p>
      )}
      {blogs.map(({ source, claims: mine }) => (
        <section key={source.id} className="blog-group" aria-labelledby={`blog-${source.id}`}>
          <h3 id={`blog-${source.id}`}>{source.venue}</h3>
          <p className="cell-sub">
            <cite>{source.title}</cite> ·{' '}
            <SourceLink source={source} label={source.url ? 'Read the post' : 'No web address known'} /> · checked{' '}
            {plural(mine.length, 'claim', 'claims')}
          </p>
          <ul className="claim-list">
            {mine.map((c) => (
              <ClaimCard
                key={c.id}
                store={store}
                c={c}
                highlighted={c.id === highlighted}
                href={linkFor(c.id)}
                onOpenFigure={onOpenFigure}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
