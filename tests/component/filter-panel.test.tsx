import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildStore } from '../../src/data/normalize';
import { FilterPanel } from '../../src/features/filters/filter-panel';
import { selectFacetCounts } from '../../src/selectors/select-filtered';
import { DEFAULT_FILTERS } from '../../src/state/view-state';
import { data } from '../data/real-dataset';

const store = buildStore(data);
const counts = selectFacetCounts(store, DEFAULT_FILTERS);
// jsdom has no scrolling; the tests that open the panel put a spy here.
const scrollIntoView = Element.prototype.scrollIntoView;

/** A screen where only the given media query matches (jsdom has no matchMedia of its own). */
function screenWhere(matching: string) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === matching,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

/** The panel inside the dashboard's <details>, folded unless `open`. */
function renderPanel(open = false) {
  return render(
    <details className="sidebar__details" open={open}>
      <summary>Filters</summary>
      <FilterPanel store={store} filters={DEFAULT_FILTERS} onChange={() => {}} counts={counts} />
    </details>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  Element.prototype.scrollIntoView = scrollIntoView;
});

/** Records the panel's scrollIntoView calls (restored after each test). */
function spyOnScroll() {
  const scroll = vi.fn();
  Element.prototype.scrollIntoView = scroll;
  return scroll;
}

/** Opens or closes the panel as a reader's click on its summary would. */
function toggle(details: HTMLDetailsElement, open: boolean) {
  details.open = open;
  fireEvent(details, new Event('toggle'));
}

describe('the filter panel', () => {
  it('beside the results (wide screen) is a plain list: no scroll box, no extra tab stop', () => {
    screenWhere('(min-width: 60.01rem)');
    const { container } = renderPanel();
    expect(screen.queryByRole('region', { name: 'Filter options', hidden: true })).toBeNull();
    const panel = container.querySelector('.filter-panel')!;
    expect(panel).not.toHaveAttribute('tabindex');
    expect(panel).not.toHaveClass('filter-panel--scroll');
  });

  it('folded above the results (narrow screen) scrolls in a labelled region the keyboard can reach', () => {
    screenWhere('(max-width: 60rem)');
    renderPanel();
    const region = screen.getByRole('region', { name: 'Filter options', hidden: true });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('filter-panel', 'filter-panel--scroll');
  });

  it('opened on a narrow screen, brings the whole panel into view; closed, leaves the page where it is', () => {
    screenWhere('(max-width: 60rem)');
    const scroll = spyOnScroll();
    const { container } = renderPanel();
    const details = container.querySelector('details')!;
    toggle(details, true);
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(details);
    toggle(details, false);
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('drawn into filters already open on a narrow screen, brings them into view at once', () => {
    screenWhere('(max-width: 60rem)');
    const scroll = spyOnScroll();
    const { container } = renderPanel(true);
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(container.querySelector('details'));
    expect(scroll).toHaveBeenCalledWith({ block: 'start' });
  });

  it('opened on a wide screen, does not scroll the page', () => {
    screenWhere('(min-width: 60.01rem)');
    const scroll = spyOnScroll();
    const { container } = renderPanel();
    toggle(container.querySelector('details')!, true);
    expect(scroll).not.toHaveBeenCalled();
  });
});
