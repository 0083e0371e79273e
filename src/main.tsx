// Boot. Kept free of React so it is small to evaluate; React, then the app, are evaluated afterwards in tasks of
// their own (index.html names their files for early download, see vite.config.ts), so no single task is long.
import './app/app.css';
import { checkInWorker } from './data/check-in-worker';
import { loadDataset, nextTask, type LoadResult } from './data/load';

const loader = () => loadDataset(document.baseURI, fetch, checkInWorker);

/** Without the page's own scripts nothing can be drawn: say so in plain DOM (never markup from a string). */
function scriptsFailed(container: HTMLElement, error: unknown) {
  const note = document.createElement('p');
  note.className = 'notice boot-failed';
  note.setAttribute('role', 'alert');
  note.textContent = `The page's scripts could not be loaded (${error instanceof Error ? error.message : String(error)}). The figures shown may be out of date and cannot be filtered; reloading the page may help.`;
  container.prepend(note);
}

/**
 * The build prerenders the landing view (Compare, nothing filtered) from data/ into index.html and marks it with
 * the files' fingerprint, so the answer is on screen before any script runs. The page then fetches the data
 * (preloaded by index.html), checks it in a worker, and:
 * - adopts the prerendered markup (hydration, as a transition in small slices) when the address is the landing
 *   view and the files are the ones the markup was made from;
 * - otherwise draws the page afresh: another view or filters in the address, a replaced dataset, or the error
 *   screen when the data failed its checks or could not be fetched.
 */
async function boot(container: HTMLElement) {
  const baked = container.dataset.prerendered;
  const adoptable = Boolean(baked) && window.location.search === '';
  const data: Promise<LoadResult | undefined> = adoptable
    ? loader().catch(() => undefined)
    : Promise.resolve(undefined);
  const { createRoot, hydrateRoot } = await import('react-dom/client');
  await nextTask();
  const [{ StrictMode, startTransition }, { App }] = await Promise.all([import('react'), import('./app/app')]);
  const result = await data;
  await nextTask();
  const app = <StrictMode>{<App loader={loader} initial={result} />}</StrictMode>;
  if (result?.status === 'ready' && result.fingerprint === baked) {
    startTransition(() => {
      hydrateRoot(container, app, {
        // A markup difference is repaired by drawing that part afresh; say so without an error in the console.
        onRecoverableError: (error) => console.warn('Prerendered markup was redrawn:', error),
      });
    });
  } else {
    createRoot(container).render(app);
  }
}

const root = document.getElementById('root');
if (root) boot(root).catch((error: unknown) => scriptsFailed(root, error));
