import { useSyncExternalStore } from 'react';

/**
 * True while the media query matches; `unknown` where matchMedia is missing (tests, old browsers). False in the
 * build's prerender and while the page adopts that markup, then the real answer (React re-renders at once).
 */
export function useMediaQuery(query: string, unknown = false): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', notify);
      return () => list?.removeEventListener('change', notify);
    },
    () => window.matchMedia?.(query).matches ?? unknown,
    () => false,
  );
}

/** Below this width the evidence table becomes a list of cards (one per figure) in the page's own scroll. */
export const PHONE_QUERY = '(max-width: 40rem)';
