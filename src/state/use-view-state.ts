import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serializeViewState, type KnownIds } from './url-codec';
import type { ViewState } from './view-state';

export type HistoryMode = 'push' | 'replace';
export type SetViewState = (update: (prev: ViewState) => ViewState, mode?: HistoryMode) => void;

/**
 * The URL is the source of truth for the view. `push` for deliberate
 * navigation (tab, opening a figure or source page) so Back works, `replace`
 * for tweaks (filters, sort, columns). Back/Forward re-read the URL. A link
 * with unknown ids is cleaned on the first write.
 */
export function useViewState(known: KnownIds): [ViewState, SetViewState] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search, known));
  // The latest state, so an update never runs history side effects inside a React updater.
  const current = useRef(state);

  useEffect(() => {
    const onPop = () => {
      current.current = parseViewState(window.location.search, known);
      setState(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [known]);

  const update = useCallback<SetViewState>((fn, mode = 'replace') => {
    const next = fn(current.current);
    current.current = next;
    const url = `${window.location.pathname}${serializeViewState(next)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    setState(next);
  }, []);

  return [state, update];
}
