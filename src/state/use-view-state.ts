import { useCallback, useEffect, useRef, useState } from 'react';
import { ignoredParts, parseViewState, serializeViewState, type KnownIds } from './url-codec';
import type { ViewState } from './view-state';

export type HistoryMode = 'push' | 'replace';

/** The shortest gap between two address rewrites for tweaks. */
export const REPLACE_MS = 300;
export type SetViewState = (update: (prev: ViewState) => ViewState, mode?: HistoryMode) => void;

/**
 * The URL is the source of truth for the view. `push` for deliberate
 * navigation (tab, opening a figure or source page) so Back works, `replace`
 * for tweaks (filters, sort, columns). Back/Forward re-read the URL. A link
 * with unknown ids is cleaned on the first write.
 */
const openingSearch = () => (typeof window === 'undefined' ? '' : window.location.search);

export function useViewState(known: KnownIds): [ViewState, SetViewState, readonly string[]] {
  // The build's prerender has no address: it draws the landing view.
  const [state, setState] = useState<ViewState>(() => parseViewState(openingSearch(), known));
  // What the opening link held that could not be used: said once, then the address is cleaned.
  const [ignored] = useState(() => ignoredParts(openingSearch(), state));
  useEffect(() => {
    if (ignored.length === 0) return;
    const url = `${window.location.pathname}${serializeViewState(state)}${window.location.hash}`;
    window.history.replaceState(null, '', url);
    // Only on the first render: later changes write the address themselves.
  }, []);
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

  // Tweaks (typing, ticking boxes) rewrite the address at most every REPLACE_MS, the last one always:
  // browsers throttle history calls (Safari throws after 100 in 30 s).
  const pending = useRef<{ timer: ReturnType<typeof setTimeout> | null; last: number }>({ timer: null, last: 0 });
  const update = useCallback<SetViewState>((fn, mode = 'replace') => {
    const next = fn(current.current);
    current.current = next;
    const write = () => {
      pending.current.timer = null;
      pending.current.last = Date.now();
      const url = `${window.location.pathname}${serializeViewState(current.current)}${window.location.hash}`;
      if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
      window.history.replaceState(null, '', url);
    };
    if (mode === 'push') {
      if (pending.current.timer) clearTimeout(pending.current.timer);
      pending.current.timer = null;
      const url = `${window.location.pathname}${serializeViewState(next)}${window.location.hash}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        window.history.pushState(null, '', url);
      }
    } else if (Date.now() - pending.current.last >= REPLACE_MS) {
      write();
    } else if (!pending.current.timer) {
      pending.current.timer = setTimeout(write, REPLACE_MS - (Date.now() - pending.current.last));
    }
    setState(next);
  }, []);
  useEffect(
    () => () => {
      if (pending.current.timer) clearTimeout(pending.current.timer);
    },
    [],
  );

  return [state, update, ignored];
}
