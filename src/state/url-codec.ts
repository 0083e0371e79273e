import { DEFAULT_VIEW_STATE, VIEWS, type View, type ViewState } from './view-state';

const isView = (v: string | null): v is View => v !== null && (VIEWS as readonly string[]).includes(v);

/** Reads a view state from a query string. Tolerant: anything unknown falls back to the default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return { view: isView(view) ? view : DEFAULT_VIEW_STATE.view };
}

/** Writes only what differs from the default, so the default view has a bare URL. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_VIEW_STATE.view) params.set('view', state.view);
  const s = params.toString();
  return s ? `?${s}` : '';
}
