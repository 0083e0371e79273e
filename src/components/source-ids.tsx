import type { Source } from '../data/schema';
import { doiUrl, pubmedUrl, registryUrl } from '../lib/safe-url';

/** DOI, PubMed and registry links of a source, each only when the id is known. */
export function SourceIds({ source }: { source: Source }) {
  const links = [
    source.doi && { label: `DOI ${source.doi}`, href: doiUrl(source.doi) },
    source.pmid && { label: `PubMed ${source.pmid}`, href: pubmedUrl(source.pmid) },
    source.nct && { label: source.nct, href: registryUrl(source.nct) },
  ].filter((x): x is { label: string; href: string } => Boolean(x));
  if (links.length === 0) return null;
  return (
    <span className="source-ids">
      {links.map((l) => (
        <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer">
          {l.label}
        </a>
      ))}
    </span>
  );
}
