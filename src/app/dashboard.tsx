import { lazy, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Store } from '../data/normalize';
import { CompareView } from '../features/compare/compare-view';
import { NotAdvice } from '../components/not-advice';
import { FigureDetails } from '../features/figure-details/figure-details';
import { FilterChips, filterLabels } from '../features/filters/filter-chips';
import { FilterPanel } from '../features/filters/filter-panel';
import { SearchBox } from '../features/filters/search-box';
import { selectFacetCounts, selectFiltered } from '../selectors/select-filtered';
import { plural } from '../lib/format';
import { useMediaQuery } from '../lib/use-media-query';
import { selectSortedRows } from '../selectors/table-columns';
import { selectAllRows, warmSearchText } from '../selectors/select-table-rows';
import { selectSourcesOf } from '../selectors/select-sources';
import { serializeViewState } from '../state/url-codec';
import { useViewState } from '../state/use-view-state';
import {
  DEFAULT_FILTERS,
  DEFAULT_VIEW_STATE,
  VIEW_LABELS,
  countActiveFilters,
  hasActiveFilters,
  type Filters,
  type ViewState,
} from '../state/view-state';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { ViewBoundary } from './error-boundary';

// Only Compare's grid is in the first download; every other view is its own chunk, fetched when opened (or, for a
// link straight to it, while the data loads: preloadViewCode).
const VIEW_CODE = {
  about: () => import('../features/about/about-view'),
  effects: () => import('../features/effects/effects-view'),
  claims: () => import('../features/claims/claims-view'),
  sourcePage: () => import('../features/sources/source-page'),
  sources: () => import('../features/sources/sources-view'),
  table: () => import('../features/table/table-view'),
};
const AboutView = lazy(() => VIEW_CODE.about().then((m) => ({ default: m.AboutView })));
const EffectsView = lazy(() => VIEW_CODE.effects().then((m) => ({ default: m.EffectsView })));
const ClaimsView = lazy(() => VIEW_CODE.claims().then((m) => ({ default: m.ClaimsView })));
const SourcePage = lazy(() => VIEW_CODE.sourcePage().then((m) => ({ default: m.SourcePage })));
const SourcesView = lazy(() => VIEW_CODE.sources().then((m) => ({ default: m.SourcesView })));
const TableView = lazy(() => VIEW_CODE.table().then((m) => ({ default: m.TableView })));

/**
 * Starts downloading the code of the view a link opens straight into, so it arrives while the data is fetched and
 * checked rather than after. A failure is left to the view's own boundary, which says so when the view is drawn.
 */
export function preloadViewCode(state: Pick<ViewState, 'view' | 'source'>): void {
  const key = state.view === 'sources' && state.source ? 'sourcePage' : state.view;
  if (key !== 'compare') VIEW_CODE[key]().catch(() => {});
}

/** The filter panel with its facet counts, which follow the (deferred) filters the results follow. */
function CountedFilterPanel({
  store,
  filters,
  counted,
  onChange,
}: {
  store: Store;
  filters: Filters;
  counted: Filters;
  onChange: (next: Filters) => void;
}) {
  const counts = useMemo(() => selectFacetCounts(store, counted), [store, counted]);
  return <FilterPanel store={store} filters={filters} onChange={onChange} counts={counts} />;
}

/**
 * Below 60rem the filters fold above the results, and while they are open a sticky bar leads back to the results
 * (the result count, then the view below it).
 */
function ShowResultsBar({ count, onShow }: { count: number; onShow: () => void }) {
  const narrow = useMediaQuery('(max-width: 60rem)');
  if (!narrow) return null;
  return (
    <div className="show-results">
      <button
        type="button"
        className="button"
        onClick={() => {
          onShow();
          const target = document.getElementById('results-start');
          target?.focus({ preventScroll: true });
          target?.scrollIntoView({ block: 'start' });
        }}
      >
        Show {plural(count, 'result', 'results')}
      </button>
    </div>
  );
}

/** Page composition once the dataset is ready: the URL-held view state drives every view. */
export function Dashboard({ store }: { store: Store }) {
  const known = useMemo(
    () => ({
      sources: new Set(store.sourceById.keys()),
      treatments: new Set(store.treatmentById.keys()),
      figures: new Set([...store.outcomeById.keys(), ...store.claimById.keys()]),
      claims: new Set(store.claimById.keys()),
    }),
    [store],
  );
  const [state, setState, ignoredLinkParts] = useViewState(known);
  const [showIgnored, setShowIgnored] = useState(ignoredLinkParts.length > 0);
  const { view, filters } = state;
  // Filtering follows the filters a beat behind, so typing in the search box never waits for it.
  const deferredFilters = useDeferredValue(filters);
  const filtered = useMemo(() => selectFiltered(store, deferredFilters), [store, deferredFilters]);
  const sortedRows = useMemo(() => selectSortedRows(filtered.rows, state.sort), [filtered, state.sort]);
  const sources = useMemo(
    () => (hasActiveFilters(filters) ? selectSourcesOf(store, filtered) : store.sources),
    [store, filters, filtered],
  );

  // Stable props, so a keystroke in the search box does not re-render the table before its rows change.
  const setSort = useCallback((sort: ViewState['sort']) => setState((s) => ({ ...s, sort })), [setState]);
  const setHidden = useCallback((hidden: ViewState['hidden']) => setState((s) => ({ ...s, hidden })), [setState]);
  // The exports describe the rows on screen, which follow the deferred filters.
  const shownFilterLabels = useMemo(() => filterLabels(store, deferredFilters), [store, deferredFilters]);
  const setFilters = useCallback((next: Filters) => setState((s) => ({ ...s, filters: next })), [setState]);
  const openRow = useCallback((id: string) => setState((s) => ({ ...s, figure: id }), 'push'), [setState]);
  // Opening a figure is a step Back can undo; closing it is not, so Back never reopens it.
  const closeRow = useCallback(() => setState((s) => ({ ...s, figure: null }), 'replace'), [setState]);
  const onlySource = useCallback(
    (id: string) =>
      setState(
        (s) => ({ ...s, view: 'table', figure: null, source: null, filters: { ...DEFAULT_FILTERS, sources: [id] } }),
        'push',
      ),
    [setState],
  );
  // A cell of the at-a-glance grid opens the table filtered to exactly its figures.
  const cellState = useCallback(
    (s: ViewState, cell: Filters['cell']): ViewState => ({
      ...s,
      view: 'table',
      figure: null,
      source: null,
      filters: { ...s.filters, cell },
    }),
    [],
  );
  const hrefForCell = useCallback(
    (cell: NonNullable<Filters['cell']>) => serializeViewState(cellState(state, cell)) || '?',
    [cellState, state],
  );
  const openCell = useCallback(
    (cell: NonNullable<Filters['cell']>) => setState((s) => cellState(s, cell), 'push'),
    [cellState, setState],
  );
  // A claim's own address: the Claims view with nothing filtered, scrolled to that claim.
  const claimLink = useCallback(
    (id: string) => serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'claims', claim: id }),
    [],
  );
  useEffect(() => {
    document.title = `${VIEW_LABELS[view]} · PTSD Treatment Evidence`;
  }, [view]);
  // The search text of every row, made while the page is idle, so the first search is as quick as the next.
  useEffect(() => warmSearchText(selectAllRows(store)), [store]);
  // Filters start open beside the table on wide screens, folded above it on phones: until the reader toggles them,
  // the screen decides. (Folded in the build's prerender, which knows no screen; a wide screen opens them on load.)
  const [filtersToggled, setFiltersOpen] = useState<boolean | null>(null);
  const wide = useMediaQuery('(min-width: 60.01rem)', true);
  const filtersOpen = filtersToggled ?? wide;
  // The panel's controls are drawn a beat after it opens, in slices, so opening never blocks the page.
  const panelDrawn = useDeferredValue(filtersOpen);
  const activeCount = countActiveFilters(filters);
  const figuresShown = filtered.outcomes.length;
  const claimsShown = filtered.claims.length;
  const filterable =
    view === 'table' ||
    view === 'claims' ||
    view === 'compare' ||
    view === 'effects' ||
    (view === 'sources' && !state.source);

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader
        view={view}
        onNavigate={(v) => setState((s) => ({ ...s, view: v, source: null, figure: null, claim: null }), 'push')}
      />
      <section aria-label="Not medical advice">
        <NotAdvice />
      </section>
      {showIgnored && (
        <p className="notice link-notice" role="status">
          Part of this link was not understood and was left out: {ignoredLinkParts.join(', ')}. The page shows the rest.{' '}
          <button type="button" className="link-button" onClick={() => setShowIgnored(false)}>
            Dismiss
          </button>
        </p>
      )}
      <div className={filterable ? 'workspace' : 'workspace workspace--single'}>
        {filterable && (
          <aside className="sidebar" aria-label="Filters">
            <details
              className="sidebar__details"
              open={filtersOpen}
              onToggle={(e) => setFiltersOpen((e.target as HTMLDetailsElement).open)}
            >
              <summary>
                <h2 className="sidebar__title">
                  Filters{activeCount > 0 && <span className="count"> ({activeCount} active)</span>}
                </h2>
              </summary>
              {/* Drawn only while open: folded on a phone, the panel's thousand controls cost nothing. */}
              {filtersOpen && panelDrawn && (
                <>
                  <CountedFilterPanel store={store} filters={filters} counted={deferredFilters} onChange={setFilters} />
                  <ShowResultsBar count={filtered.rows.length} onShow={() => setFiltersOpen(false)} />
                </>
              )}
            </details>
          </aside>
        )}
        <main id="main" className="main" aria-label={VIEW_LABELS[view]}>
          {filterable && (
            <div className="filter-bar">
              <SearchBox value={filters.query} onChange={(query) => setFilters({ ...filters, query })} />
              <p
                className="result-count"
                aria-live="polite"
                data-testid="result-count"
                id="results-start"
                tabIndex={-1}
              >
                Showing {figuresShown} of {filtered.total.figures} figures
                {filters.kind === 'all' && ` and ${claimsShown} of ${filtered.total.claims} claims`}
              </p>
              <FilterChips store={store} filters={filters} onChange={setFilters} />
            </div>
          )}
          <ViewBoundary
            resetKey={`${view}:${state.source ?? ''}`}
            fallback={
              <p role="status" className="loading-view">
                Loading this view…
              </p>
            }
          >
            {view === 'table' && (
              <TableView
                rows={sortedRows}
                sort={state.sort}
                hidden={state.hidden}
                datasetVersion={store.version}
                filterLabels={shownFilterLabels}
                onSortChange={setSort}
                onHiddenChange={setHidden}
                onOpenRow={openRow}
              />
            )}
            {view === 'compare' && (
              <CompareView
                store={store}
                outcomes={filtered.outcomes}
                filtered={activeCount > 0}
                hrefForCell={hrefForCell}
                onOpenCell={openCell}
                onOpenFigure={openRow}
              />
            )}
            {view === 'effects' && <EffectsView store={store} outcomes={filtered.outcomes} onOpenFigure={openRow} />}
            {view === 'claims' && (
              <ClaimsView
                store={store}
                claims={filtered.claims}
                filters={filters}
                onFiltersChange={setFilters}
                highlighted={state.claim}
                linkFor={claimLink}
                onOpenFigure={openRow}
              />
            )}
            {view === 'sources' &&
              (state.source ? (
                <SourcePage
                  store={store}
                  sourceId={state.source}
                  onBack={() => setState((s) => ({ ...s, source: null }), 'push')}
                  onOpenRow={openRow}
                  onOnlySource={onlySource}
                />
              ) : (
                <SourcesView
                  store={store}
                  sources={sources}
                  sort={state.sourceSort}
                  onSortChange={(sourceSort) => setState((s) => ({ ...s, sourceSort }))}
                  onOpenSource={(id) => setState((s) => ({ ...s, source: id }), 'push')}
                />
              ))}
            {view === 'about' && <AboutView store={store} claimLink={claimLink} />}
          </ViewBoundary>
        </main>
      </div>
      {state.figure && (
        <FigureDetails store={store} id={state.figure} onClose={closeRow} onOpen={openRow} onOnlySource={onlySource} />
      )}
      <SiteFooter version={store.version} reviewed={store.reviewed} />
    </div>
  );
}
