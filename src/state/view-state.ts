/** Everything a shared link keeps. Only inputs live here; all else is derived. */
export const VIEWS = ['compare', 'table', 'claims', 'sources', 'about'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  compare: 'Compare',
  table: 'Table',
  claims: 'Claims',
  sources: 'Sources',
  about: 'About',
};

export type ViewState = {
  view: View;
};

export const DEFAULT_VIEW_STATE: ViewState = { view: 'table' };
