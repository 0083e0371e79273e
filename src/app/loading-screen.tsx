/** Visible and announced while the four data files load and are checked. */
export function LoadingScreen() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading and checking the evidence dataset…
    </div>
  );
}
