import { Component, Suspense, type ReactNode } from 'react';

/** The longest error message a fallback prints; a thrown megabyte stays readable. */
const MAX_MESSAGE = 300;

/** A thrown value as readable words: its message, without a closing full stop, clipped. */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const words = raw.trim().replace(/[.\s]+$/, '') || 'an unexpected error';
  return words.length > MAX_MESSAGE ? `${words.slice(0, MAX_MESSAGE)}…` : words;
}

/**
 * A view's code chunk that could not be downloaded (offline, or a new release replaced it).
 * React.lazy keeps the failed import, so only a page reload can fetch it again.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Failed to fetch module|Loading chunk/i.test(
      error.message,
    )
  );
}

type Props = {
  children: ReactNode;
  /** When this value changes (e.g. another view is opened), a shown fallback gives way to the children again. */
  resetKey?: unknown;
  /** Replaces the default fallback, e.g. for the whole page. */
  fallback?: (error: unknown, reset: () => void) => ReactNode;
};

type State = { failed: boolean; error: unknown };

/**
 * Keeps one part of the page from taking the rest down: a view or chart that throws while
 * rendering (or whose code cannot be loaded) is replaced by a sentence saying so and a
 * "Try again" button, while the header, filters and other charts go on working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidUpdate(prev: Props) {
    if (this.state.failed && !Object.is(prev.resetKey, this.props.resetKey))
      this.setState({ failed: false, error: null });
  }

  reset = () => {
    if (isChunkLoadError(this.state.error)) {
      window.location.reload();
      return;
    }
    this.setState({ failed: false, error: null });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, this.reset);
    return (
      <div className="notice" role="alert">
        <p>
          This part of the page could not be shown: {errorMessage(this.state.error)}. The rest of the page still works.
        </p>
        <button type="button" className="button" onClick={this.reset}>
          Try again
        </button>
      </div>
    );
  }
}

/**
 * Where a view sits: Suspense while its code loads (`fallback`), inside an ErrorBoundary that
 * catches a view that throws or whose code cannot be downloaded. A new `resetKey` (another
 * view opened) clears a shown error.
 */
export function ViewBoundary({
  children,
  fallback,
  resetKey,
}: {
  children: ReactNode;
  /** Shown while the view's code loads. */
  fallback: ReactNode;
  resetKey?: unknown;
}) {
  return (
    <ErrorBoundary resetKey={resetKey}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}
