import type { ReactNode } from 'react';

/**
 * A wide table's scroll box. Focusable and labelled so keyboard users can
 * scroll it sideways on a phone (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
