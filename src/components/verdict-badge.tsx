import { VERDICT_LABELS, type Verdict } from '../data/vocabulary';

const ICON: Record<Verdict, string> = {
  consistent: '✓',
  overstated: '▲',
  misattributed: '⇄',
  'missing-context': '…',
  unsupported: '✕',
};

/** A verdict in words with an icon, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict--${verdict}`}>
      <span aria-hidden="true">{ICON[verdict]} </span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
