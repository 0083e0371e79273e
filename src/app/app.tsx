import type { ReactNode } from 'react';
import { ErrorBoundary, errorMessage } from './error-boundary';
import { ErrorScreen } from './error-screen';
import { LoadingScreen } from './loading-screen';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import type { LoadResult } from '../data/load';
import type { Store } from '../data/normalize';
import { selectFiltered } from '../selectors/select-filtered';
import { glanceSteps } from '../selectors/select-glance';
import { prepareAllRows } from '../selectors/select-table-rows';
import { DEFAULT_FILTERS } from '../state/view-state';
import { useDataset, type Loader } from './use-dataset';
import { Dashboard, preloadViewCode } from './dashboard';
import { parseViewState } from '../state/url-codec';

/**
 * Computes, one step per task, what the landing view draws from (the rows in slices, the unfiltered lists, each of
 * the grid's selectors, then the grid), so that adopting the prerendered page is only React's own work, in short
 * slices.
 */
export async function prepareLanding(store: Store, nextTask: () => Promise<void>): Promise<void> {
  await prepareAllRows(store, nextTask);
  await nextTask();
  const { outcomes } = selectFiltered(store, DEFAULT_FILTERS);
  for (const step of glanceSteps(store, outcomes)) {
    await nextTask();
    step();
  }
  await nextTask();
}

/** For a link into another view than Compare: that view's code starts downloading now, beside the data. */
export function preloadLinkedView(search: string): void {
  preloadViewCode(parseViewState(search));
}

type Props = {
  loader?: Loader;
  /** A result loaded before React started (see main.tsx); the loader then serves Retry only. */
  initial?: LoadResult;
};

/** The page without the dashboard: header, one message, footer. Never a blank page. */
function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <SiteHeader />
      <main id="main" className="main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}

/** Loading → (error | dashboard). No view renders until the whole dataset has passed. */
export function App({ loader, initial }: Props) {
  const [state, retry] = useDataset(loader, initial);
  if (state.status === 'ready') {
    // Each view and chart has its own boundary; this one catches what is left (the page frame itself).
    return (
      <ErrorBoundary
        fallback={(error, reset) => (
          <Shell>
            <section className="error-screen" role="alert" aria-labelledby="page-error-title">
              <h2 id="page-error-title">The dashboard could not be shown</h2>
              <p>
                Something went wrong while drawing the page: {errorMessage(error)}. The data passed its checks;
                reloading the page or removing the filters from the address may help.
              </p>
              <button type="button" className="button" onClick={reset}>
                Try again
              </button>
            </section>
          </Shell>
        )}
      >
        <Dashboard store={state.store} />
      </ErrorBoundary>
    );
  }
  return (
    <Shell>
      {state.status === 'loading' && <LoadingScreen />}
      {state.status === 'invalid' && <ErrorScreen kind="invalid" issues={state.issues} onRetry={retry} />}
      {state.status === 'fetch-failed' && <ErrorScreen kind="fetch-failed" failures={state.failures} onRetry={retry} />}
    </Shell>
  );
}
