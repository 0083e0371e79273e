import type { ReactNode } from 'react';
import { MissingValue } from './missing-value';

/** One label/value pair of a details list (inside a <dl>); a missing value shows the usual way. */
export function DetailField({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? <MissingValue />}</dd>
    </>
  );
}
