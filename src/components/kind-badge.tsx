import type { SourceKind } from '../data/vocabulary';
import { KIND_LABELS, NON_PEER_REVIEWED_KINDS } from '../data/vocabulary';

/** Source kind with an icon and word, so a blog is never told apart by colour alone. */
export function KindBadge({ kind }: { kind: SourceKind }) {
  const blog = NON_PEER_REVIEWED_KINDS.includes(kind);
  return (
    <span className={`kind-badge ${blog ? 'kind-badge--blog' : 'kind-badge--research'}`}>
      <span aria-hidden="true">{blog ? '✎ ' : '✓ '}</span>
      {KIND_LABELS[kind]}
    </span>
  );
}
