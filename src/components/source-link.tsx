import type { Source } from '../data/schema';
import { shortCitation } from '../lib/format';
import { safeHref } from '../lib/safe-url';

type Props = { source: Source; label?: string };

/** A source's short citation, linked to the source when it has a URL. */
export function SourceLink({ source, label }: Props) {
  const text = label ?? shortCitation(source);
  const href = safeHref(source.url);
  if (!href) {
    return (
      <span className="source-link source-link--none" title="No public address is known for this source">
        {text}
      </span>
    );
  }
  return (
    <a className="source-link" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
      <span className="visually-hidden"> (opens the source in a new tab)</span>
    </a>
  );
}
