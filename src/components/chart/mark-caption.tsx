/** The full description of the mark under the pointer or keyboard focus: a tooltip that keyboards reach too. */
export function MarkCaption({ text }: { text: string | null }) {
  return (
    <p className="chart-caption" aria-live="polite">
      {text ?? 'Point at or tab to a mark to read it here; click or press Enter to open its source.'}
    </p>
  );
}
