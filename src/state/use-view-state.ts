import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState } from './url-codec';
import type { ViewState } from './view-state';

type Mode = 'push' | 'replace';

/**
 * The URL is the source of truth for the view. `push` for deliberate
 * navigation (so Back works), `replace` for tweaks; Back/Forward re-read it.
 */
export function useViewState(): [ViewState, (next: ViewState, mode?: Mode) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((next: ViewState, mode: Mode = 'replace') => {
    const url = `${window.location.pathname}${serializeViewState(next)}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(next);
  }, []);

  return [state, update];
}
