import { useCallback, useEffect, useState } from 'react';
import { loadDataset, type LoadResult } from '../data/load';

export type DatasetState = { status: 'loading' } | LoadResult;
export type Loader = () => Promise<LoadResult>;

const defaultLoader: Loader = () => loadDataset(document.baseURI);

/**
 * Loads the dataset once and again on retry; the state is all-or-nothing. A loader that
 * throws or rejects ends in the "could not be loaded" screen with its Retry, never a blank page.
 * `initial` is a result loaded before React started (the page's boot, the build's prerender): no first load then.
 */
export function useDataset(loader: Loader = defaultLoader, initial?: LoadResult): [DatasetState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DatasetState>(initial ?? { status: 'loading' });

  useEffect(() => {
    if (initial && attempt === 0) return;
    let live = true;
    // Through a promise, so a loader that throws before returning one is caught like a rejection.
    Promise.resolve()
      .then(loader)
      .then(
        (result) => live && setState(result),
        (error: unknown) =>
          live &&
          setState({
            status: 'fetch-failed',
            failures: [{ file: '', message: error instanceof Error ? error.message : String(error) }],
          }),
      );
    return () => {
      live = false;
    };
    // `initial` only matters for the first attempt.
  }, [loader, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);
  return [state, retry];
}
