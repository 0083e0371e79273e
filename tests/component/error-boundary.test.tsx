import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ComponentProps } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, errorMessage, isChunkLoadError } from '../../src/app/error-boundary';
import { renderApp } from '../fixtures/render-app';
import type * as TimeChartModule from '../../src/features/compare/charts/time-chart';
import type * as AboutModule from '../../src/features/about/about-view';
import type * as FilterChipsModule from '../../src/features/filters/filter-chips';
import type * as SourcesModule from '../../src/features/sources/sources-view';

/** Which part each test breaks; the mocks below read it on every render. */
const broken = vi.hoisted(() => ({ timeChart: false, about: false, chips: false, sourcesChunk: false }));

vi.mock('../../src/features/compare/charts/time-chart', async (importOriginal) => {
  const actual = await importOriginal<typeof TimeChartModule>();
  return {
    ...actual,
    TimeChart: (props: ComponentProps<typeof actual.TimeChart>) => {
      if (broken.timeChart) throw new Error('the time chart broke');
      return <actual.TimeChart {...props} />;
    },
  };
});

vi.mock('../../src/features/about/about-view', async (importOriginal) => {
  const actual = await importOriginal<typeof AboutModule>();
  return {
    ...actual,
    AboutView: (props: ComponentProps<typeof actual.AboutView>) => {
      if (broken.about) throw new Error('the about view broke');
      return <actual.AboutView {...props} />;
    },
  };
});

vi.mock('../../src/features/filters/filter-chips', async (importOriginal) => {
  const actual = await importOriginal<typeof FilterChipsModule>();
  return {
    ...actual,
    FilterChips: (props: ComponentProps<typeof actual.FilterChips>) => {
      if (broken.chips) throw new Error('the filter chips broke');
      return <actual.FilterChips {...props} />;
    },
  };
});

// A view's code that cannot be downloaded: the lazy import rejects as a browser's does (reading the
// export throws inside the import's then(), which rejects the promise React.lazy waits on).
vi.mock('../../src/features/sources/sources-view', async (importOriginal) => {
  const actual = await importOriginal<typeof SourcesModule>();
  return {
    get SourcesView() {
      if (broken.sourcesChunk) {
        throw new TypeError('Failed to fetch dynamically imported module: /assets/sources-view-x.js');
      }
      return actual.SourcesView;
    },
  };
});

const FALLBACK = /This part of the page could not be shown/;

beforeEach(() => {
  Object.assign(broken, { timeChart: false, about: false, chips: false, sourcesChunk: false });
  // React reports every error a boundary catches on the console; that is expected here.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

function Bomb({ explode }: { explode: boolean }): string {
  if (explode) throw new Error('Boom.');
  return 'Drawn';
}

describe('ErrorBoundary', () => {
  it('shows the readable fallback in place of a part that throws, and the rest stays', () => {
    render(
      <div>
        <p>Header stays</p>
        <ErrorBoundary>
          <Bomb explode />
        </ErrorBoundary>
        <p>Other part stays</p>
      </div>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This part of the page could not be shown: Boom. The rest of the page still works.',
    );
    expect(screen.getByText('Header stays')).toBeInTheDocument();
    expect(screen.getByText('Other part stays')).toBeInTheDocument();
  });

  it('Try again draws the part again, and it shows once it no longer throws', async () => {
    const user = userEvent.setup();
    let explode = true;
    function Flaky() {
      return <Bomb explode={explode} />;
    }
    render(
      <ErrorBoundary>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(FALLBACK);
    // Still broken: Try again shows the fallback again rather than a blank.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert')).toHaveTextContent(FALLBACK);
    explode = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Drawn')).toBeInTheDocument();
  });

  it('a new resetKey (another view opened) clears the fallback', async () => {
    const user = userEvent.setup();
    function Page() {
      const [view, setView] = useState('broken');
      return (
        <>
          <button type="button" onClick={() => setView('fine')}>
            Open another view
          </button>
          <ErrorBoundary resetKey={view}>
            <Bomb explode={view === 'broken'} />
          </ErrorBoundary>
        </>
      );
    }
    render(<Page />);
    expect(screen.getByRole('alert')).toHaveTextContent(FALLBACK);
    await user.click(screen.getByRole('button', { name: 'Open another view' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Drawn')).toBeInTheDocument();
  });

  it('words any thrown value, clipped, and knows a chunk that failed to load', () => {
    expect(errorMessage(new Error('Boom.'))).toBe('Boom');
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(null)).toBe('an unexpected error');
    expect(errorMessage(new Error('x'.repeat(10_000))).length).toBeLessThan(400);
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Boom'))).toBe(false);
  });
});

describe('boundaries in the app', () => {
  it('a chart that throws gives way to the fallback inside its frame; the other charts and the page stay', async () => {
    broken.timeChart = true;
    renderApp('');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This part of the page could not be shown: the time chart broke. The rest of the page still works.',
    );
    // The broken chart keeps its frame: title, sources and the table view of its figures.
    const frame = alert.closest('section') as HTMLElement;
    expect(within(frame).getByRole('heading', { name: 'How fast it works and how long it lasts' })).toBeInTheDocument();
    expect(within(frame).getByText(/View as table/)).toBeInTheDocument();
    // The other charts still draw their marks, and the page around them is whole.
    const improve = screen
      .getByRole('heading', { name: 'How many improve, beside the control arm' })
      .closest('section');
    await waitFor(() => expect(improve!.querySelectorAll('[data-record-id]').length).toBeGreaterThan(0));
    expect(screen.getByRole('heading', { level: 1, name: 'PTSD Treatment Evidence' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^At a glance/ })).toBeInTheDocument();
    expect(screen.getByTestId('glance-ketamine-improve')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('a view that throws gives way to the fallback; the header stays, and another view opens', async () => {
    const user = userEvent.setup();
    broken.about = true;
    renderApp('?view=about');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This part of the page could not be shown: the about view broke. The rest of the page still works.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'PTSD Treatment Evidence' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Views' });
    await user.click(within(nav).getByRole('link', { name: 'Table' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(FALLBACK)).not.toBeInTheDocument();
  });

  it('a view whose code cannot be downloaded gives way to the fallback, naming the failure', async () => {
    broken.sourcesChunk = true;
    renderApp('?view=sources');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(FALLBACK);
    expect(alert).toHaveTextContent('Failed to fetch dynamically imported module');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeInTheDocument();
  });

  it('an error outside every view still leaves a page with the header and a way to try again', async () => {
    broken.chips = true;
    renderApp('?view=table');
    expect(await screen.findByRole('heading', { name: 'The dashboard could not be shown' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('the filter chips broke');
    expect(screen.getByRole('heading', { level: 1, name: 'PTSD Treatment Evidence' })).toBeInTheDocument();
    const user = userEvent.setup();
    broken.chips = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
