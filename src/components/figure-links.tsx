import type { Store } from '../data/normalize';
import { KIND_LABELS, METRIC_LABELS } from '../data/vocabulary';
import { formatValue, shortCitation } from '../lib/format';
import { figureCondition, isPtsdPopulation } from '../selectors/population';

type Props = { store: Store; ids: readonly string[]; onOpen: (id: string) => void; className?: string };

/** A list of figures, each a button naming source and design, arm, measure, value and n, that opens its details. */
export function FigureLinks({ store, ids, onOpen, className }: Props) {
  return (
    <ul className={className}>
      {ids.map((id) => {
        const o = store.outcomeById.get(id);
        const s = o && store.sourceById.get(o.sourceId);
        if (!o || !s) return null;
        return (
          <li key={id}>
            <button type="button" className="link-button" onClick={() => onOpen(id)}>
              {shortCitation(s)} ({KIND_LABELS[s.kind].toLowerCase()}): {store.treatmentById.get(o.treatmentId)?.name},{' '}
              {METRIC_LABELS[o.metric].toLowerCase()} {formatValue(o)}
              {o.n !== undefined && ` (n ${o.n})`}
              {!isPtsdPopulation(figureCondition(o, s)) && ' (not a PTSD population)'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
