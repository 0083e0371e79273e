import { Suspense, lazy, useMemo } from 'react';
import type { Store } from '../../data/normalize';
import type { Outcome } from '../../data/schema';
import { selectGlance } from '../../selectors/select-glance';
import { GlanceGrid, type CellRef } from './glance-grid';

// Chart code (recharts) is its own chunk, fetched after the grid has painted.
const CompareCharts = lazy(() => import('./compare-charts'));

type Props = {
  store: Store;
  outcomes: readonly Outcome[];
  /** True when any filter is set, so the lede can say the grid reflects them. */
  filtered: boolean;
  hrefForCell: (cell: CellRef) => string;
  onOpenCell: (cell: CellRef) => void;
  onOpenFigure: (id: string) => void;
};

/** The landing view: the answer at a glance, then the charts that show it. */
export function CompareView({ store, outcomes, filtered, hrefForCell, onOpenCell, onOpenFigure }: Props) {
  const glance = useMemo(() => selectGlance(store, outcomes), [store, outcomes]);
  return (
    <section aria-labelledby="compare-title" className="compare">
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
      <Suspense
        fallback={
          <p className="loading-charts" role="status">
            Loading the charts…
          </p>
        }
      >
        <CompareCharts store={store} outcomes={outcomes} onOpenFigure={onOpenFigure} onOpenCell={onOpenCell} />
      </Suspense>
    </section>
  );
}
