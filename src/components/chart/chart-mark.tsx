import type { ReactNode } from 'react';

type Props = {
  /** The record the mark draws; clicking or pressing Enter opens its details. */
  recordId: string;
  /** What a screen reader hears and a pointer sees: value, n, source. */
  label: string;
  onOpen: (id: string) => void;
  onFocusMark?: (id: string | null) => void;
  children: ReactNode;
};

/**
 * A focusable SVG group around one mark. recharts' own keyboard layer only moves a tooltip,
 * so every mark is its own button: Tab reaches it, Enter or Space opens the figure.
 */
export function ChartMark({ recordId, label, onOpen, onFocusMark, children }: Props) {
  return (
    <g
      className="chart-mark"
      role="button"
      tabIndex={0}
      aria-label={label}
      data-record-id={recordId}
      onClick={() => onOpen(recordId)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(recordId);
        }
      }}
      onFocus={() => onFocusMark?.(recordId)}
      onBlur={() => onFocusMark?.(null)}
      onMouseEnter={() => onFocusMark?.(recordId)}
      onMouseLeave={() => onFocusMark?.(null)}
    >
      <title>{label}</title>
      {children}
    </g>
  );
}
