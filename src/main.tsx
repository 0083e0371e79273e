// Boot. Kept free of React so it is small to evaluate. On the landing view, which the build prerendered, nothing
// else is requested until the browser has painted it: the page's first paint needs only the HTML and the
// stylesheet, and the scripts and data (about 250 KiB compressed) never compete with them on a slow network. React
// and the app then load side by side and are evaluated in tasks of their own, so no single task is long.
import './app/app.css';
import { readInWorker, warmChecker } from './data/check-in-worker';
import { loadDataset, nextTask, type LoadResult } from './data/load';

const loader = () => loadDataset(document.baseURI, fetch, readInWorker);

/**
 * Resolves once the browser has shown the prerendered page (its first contentful paint, as the browser reports it,
 * which is when the frame reached the screen, later than the paint itself). A hidden tab never paints: it goes on at
 * once. Where paint timing is not reported, after the next frame; and never later than 3 s.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      clearTimeout(fallback);
      observer?.disconnect();
      resolve();
    };
    const fallback = setTimeout(done, 3000);
    if (document.visibilityState === 'hidden') return done();
    if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

/** Without the page's own scripts nothing can be drawn: say so in plain DOM (never markup from a string). */
function scriptsFailed(container: HTMLElement, error: unknown) {
  const note = document.createElement('p');
  note.className = 'notice boot-failed';
  note.setAttribute('role', 'alert');
  note.textContent = `The page's scripts could not be loaded (${error instanceof Error ? error.message : String(error)}). The figures shown may be out of date and cannot be filtered; reloading the page may help.`;
  container.prepend(note);
}

/**
 * The address asks for another view (or filters) than the prerendered one: take the prerendered view's controls
 * away at once, so nobody clicks a grid that is about to be replaced, and say what is happening.
 */
function clearPrerendered(container: HTMLElement) {
  const workspace = container.querySelector('.workspace');
  if (!workspace) return;
  const note = document.createElement('p');
  note.className = 'loading';
  note.setAttribute('role', 'status');
  note.textContent = 'Loading and checking the evidence dataset…';
  workspace.replaceChildren(note);
}

/**
 * The build prerenders the landing view (Compare, nothing filtered) from data/ into index.html and marks it with
 * the files' fingerprint, so the answer is on screen before any script runs. Once it is painted, a worker fetches
 * and checks the data, and the page:
 * - adopts the prerendered markup (hydration, as a transition in small slices) when the address is the landing
 *   view and the files are the ones the markup was made from;
 * - otherwise draws the page afresh: another view or filters in the address, a replaced dataset, or the error
 *   screen when the data failed its checks or could not be fetched.
 */
async function boot(container: HTMLElement) {
  const baked = container.dataset.prerendered;
  const adoptable = Boolean(baked) && window.location.search === '';
  if (baked && !adoptable) clearPrerendered(container);
  if (adoptable) await afterFirstPaint();
  // A deep link waits for the data anyway: start the worker (which fetches and checks the files) at once. On the
  // landing view it starts after the paint, when it no longer competes with it.
  else warmChecker();
  // The data loads beside the scripts either way; on the landing view the outcome decides between adopting and
  // drawing afresh, elsewhere the app receives the load already under way (Retry loads again).
  const started = loader();
  started.catch(() => {}); // handled where it is awaited; this only keeps an early failure from being "unhandled"
  let firstLoad = true;
  const appLoader = () => {
    if (!firstLoad) return loader();
    firstLoad = false;
    return started;
  };
  const data: Promise<LoadResult | undefined> = adoptable ? started.catch(() => undefined) : Promise.resolve(undefined);
  // Both download at once; each is evaluated when it arrives, in its own task. Starting a request costs the page a
  // few milliseconds, so each starts in a task of its own too.
  await nextTask();
  const appModule = import('./app/app');
  appModule.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  if (!adoptable) appModule.then(({ preloadLinkedView }) => preloadLinkedView(window.location.search)).catch(() => {});
  await nextTask();
  const { createRoot, hydrateRoot } = await import('react-dom/client');
  await nextTask();
  const [{ StrictMode, startTransition }, { App, prepareLanding }] = await Promise.all([import('react'), appModule]);
  const result = await data;
  await nextTask();
  if (result?.status === 'ready' && result.fingerprint === baked) await prepareLanding(result.store, nextTask);
  const page = <StrictMode>{<App loader={result ? loader : appLoader} initial={result} />}</StrictMode>;
  if (result?.status === 'ready' && result.fingerprint === baked) {
    startTransition(() => {
      hydrateRoot(container, page, {
        // A markup difference is repaired by drawing that part afresh; say so without an error in the console.
        onRecoverableError: (error) => console.warn('Prerendered markup was redrawn:', error),
      });
    });
  } else {
    createRoot(container).render(page);
  }
}

const root = document.getElementById('root');
if (root) boot(root).catch((error: unknown) => scriptsFailed(root, error));
