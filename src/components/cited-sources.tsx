import type { Store } from '../data/normalize';
import { SourceLink } from './source-link';

type Props = { store: Store; ids: readonly string[]; className?: string };

/** Sources a claim rests on in words (no stored figure holds the finding), each with its title and link. */
export function CitedSources({ store, ids, className }: Props) {
  return (
    <ul className={className}>
      {ids.map((id) => {
        const s = store.sourceById.get(id);
        if (!s) return null;
        return (
          <li key={id}>
            <SourceLink source={s} />: <cite>{s.title}</cite>
          </li>
        );
      })}
    </ul>
  );
}
