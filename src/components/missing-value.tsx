import { MISSING } from '../lib/format';

/** The one way every view shows a value the source did not report. */
export function MissingValue() {
  return (
    <span className="missing" title="Not reported">
      <span aria-hidden="true">{MISSING}</span>
      <span className="visually-hidden">not reported</span>
    </span>
  );
}
