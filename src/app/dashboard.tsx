import { useMemo } from 'react';
import type { Store } from '../data/normalize';
import { AboutView } from '../features/about/about-view';
import { ClaimsView } from '../features/claims/claims-view';
import { CompareView } from '../features/compare/compare-view';
import { SourcesView } from '../features/sources/sources-view';
import { TableView } from '../features/table/table-view';
import { selectTableRows } from '../selectors/select-table-rows';
import { useViewState } from '../state/use-view-state';
import { VIEW_LABELS } from '../state/view-state';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Page composition once the dataset is ready: header, the active view, footer. */
export function Dashboard({ store }: { store: Store }) {
  const [viewState, setViewState] = useViewState();
  const rows = useMemo(() => selectTableRows(store, store.outcomes, store.claims), [store]);
  const { view } = viewState;

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader view={view} onNavigate={(v) => setViewState({ ...viewState, view: v }, 'push')} />
      <main id="main" className="main" aria-label={VIEW_LABELS[view]}>
        {view === 'table' && <TableView rows={rows} total={rows.length} />}
        {view === 'compare' && <CompareView store={store} />}
        {view === 'claims' && <ClaimsView store={store} />}
        {view === 'sources' && <SourcesView store={store} />}
        {view === 'about' && <AboutView store={store} />}
      </main>
      <SiteFooter version={store.version} reviewed={store.reviewed} />
    </div>
  );
}
