import type { ReactNode, Ref } from 'react';

type Props = { label: string; children: ReactNode; ref?: Ref<HTMLDivElement>; className?: string };

/**
 * A wide table's scroll box. Focusable and labelled so keyboard users can
 * scroll it sideways on a phone (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children, ref, className }: Props) {
  return (
    <div ref={ref} className={`table-scroll ${className ?? ''}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
