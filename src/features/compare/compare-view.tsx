import { Suspense, lazy, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Store } from '../../data/normalize';
import type { Outcome } from '../../data/schema';
import { selectGlance } from '../../selectors/select-glance';
import { GlanceGrid, type CellRef } from './glance-grid';

// Chart code (recharts) is its own chunk, fetched when the charts come near the screen.
const CompareCharts = lazy(() => import('./compare-charts'));

/** How far below the screen the charts start loading and drawing, so they are there when the reader arrives. */
const CHARTS_AHEAD = '400px 0px';

/**
 * Whether to draw the charts yet. Until the reader comes near them (within CHARTS_AHEAD of the screen), moves the
 * keyboard focus into this view (so Tab never skips them), asks for them, or the address points at one, their code
 * is not fetched and nothing is drawn: the grid above is the answer a reader sees first, and the page stays
 * responsive while it loads. Where the browser cannot tell what is on screen, they are drawn at once.
 */
function useChartsWhenNeeded<T extends Element>() {
  const ref = useRef<T>(null);
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => startTransition(() => setWanted(true)), []);
  useEffect(() => {
    if (wanted) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined' || window.location.hash.startsWith('#chart-')) {
      want();
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), {
      rootMargin: CHARTS_AHEAD,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [wanted, want]);
  return [ref, wanted, want] as const;
}

type Props = {
  store: Store;
  outcomes: readonly Outcome[];
  /** True when any filter is set, so the lede can say the grid reflects them. */
  filtered: boolean;
  hrefForCell: (cell: CellRef) => string;
  onOpenCell: (cell: CellRef) => void;
  onOpenFigure: (id: string) => void;
};

const chartsLoading = (
  <p className="loading-charts" role="status">
    Loading the charts…
  </p>
);

/** The landing view: the answer at a glance, then the charts that show it. */
export function CompareView({ store, outcomes, filtered, hrefForCell, onOpenCell, onOpenFigure }: Props) {
  const glance = useMemo(() => selectGlance(store, outcomes), [store, outcomes]);
  const [chartsRef, chartsWanted, wantCharts] = useChartsWhenNeeded<HTMLDivElement>();
  return (
    <section aria-labelledby="compare-title" className="compare" onFocus={chartsWanted ? undefined : wantCharts}>
      <h2 id="compare-title">At a glance: ketamine, SSRIs and trauma-focused psychotherapy</h2>
      <p className="lede">
        What the studies in this dataset show for PTSD, computed from{' '}
        {filtered ? 'the figures that pass your filters' : 'every figure'}. Each cell leads to the figures behind it;
        each mark in the charts below opens its source.
      </p>
      <GlanceGrid glance={glance} hrefFor={hrefForCell} onOpenCell={onOpenCell} />
      <p id="glance-caveat" className="caveat">
        These are group averages from studies of different people, doses and controls, not a prediction for one person,
        and not medical advice. Figures from depression trials are marked as not a PTSD population and kept out of the
        headlines.
      </p>
      {chartsWanted ? (
        <Suspense fallback={chartsLoading}>
          <CompareCharts store={store} outcomes={outcomes} onOpenFigure={onOpenFigure} onOpenCell={onOpenCell} />
        </Suspense>
      ) : (
        <div ref={chartsRef} className="charts-pending">
          <p>
            Five charts follow: how fast it works and how long it lasts, how many improve, side effects, dropping out,
            and how much evidence there is. They draw as you reach them.
          </p>
          <button type="button" className="button" onClick={wantCharts}>
            Show the charts
          </button>
        </div>
      )}
    </section>
  );
}
