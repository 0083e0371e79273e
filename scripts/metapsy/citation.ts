/**
 * Splitting the database's citations (PubMed/NLM style) into the fields a source record needs:
 * "Authors. Title. Venue. 2016 Sep;46(12):2583-93. doi: 10.x/y. PMID: 123."
 * Every piece is copied as printed; nothing is looked up or corrected.
 */

export type Citation = {
  authors: string;
  title: string;
  venue: string;
  year: number;
  doi?: string;
  pmid?: string;
};

/**
 * The DOI printed after "doi:" (any case), without the sentence's closing punctuation.
 * The DOI keeps the case it was printed in: DOIs are case-insensitive, so matching compares
 * them in lower case, but a stored DOI stays as the publisher wrote it.
 */
export function parseDoi(citation: string): string | undefined {
  const m = /\bdoi:\s*(10\.\d{4,9}\/\S+)/i.exec(citation);
  return m?.[1]?.replace(/[.,;:]+$/, '');
}

/** The PubMed id printed after "PMID:". A PMCID (PMC…) is not a PubMed id and is ignored. */
export function parsePmid(citation: string): string | undefined {
  return /\bPMID:\s*(\d{1,9})\b/.exec(citation)?.[1];
}

/** Short author list in the dataset's style: up to three names, then "et al.". */
export function shortAuthors(printed: string): string {
  const names = printed
    .replace(/,?\s*et al\.?$/, '')
    .split(/,\s*/)
    .filter(Boolean);
  const etAl = names.length > 3 || /et al\.?$/.test(printed);
  return etAl ? `${names.slice(0, 3).join(', ')}, et al.` : names.join(', ');
}

/** Abbreviations that end in a full stop inside a title ("vs."), which must not end the title. */
const TITLE_ABBREVIATIONS = /(?:^|\s)(?:vs|e\.g|i\.e|cf)$/i;

/**
 * Parses one citation. The date segment (". 2016 Sep;46(12)…", ". 2012;39(3/4)…") anchors
 * the split: what precedes it is "Authors. Title. Venue"; the authors end at the first full
 * stop, the title at the next full stop or question mark followed by a space (skipping "vs.").
 */
export function parseCitation(citation: string): Citation {
  const text = citation.replace(/\s+/g, ' ').trim();
  const date = /\.\s((?:19|20)\d{2})\b(?=[\s;:(]|$)/.exec(text);
  if (!date?.[1]) throw new Error(`no publication year found in "${citation}"`);
  const head = text.slice(0, date.index);
  const authorsEnd = head.indexOf('. ');
  if (authorsEnd < 0) throw new Error(`no author list found in "${citation}"`);
  let authors = head.slice(0, authorsEnd);
  if (/\bet al$/.test(authors)) authors += '.';
  const rest = head.slice(authorsEnd + 2);
  let titleEnd = -1;
  for (const m of rest.matchAll(/[.?] /g)) {
    const before = rest.slice(0, m.index);
    if (m[0].startsWith('.') && TITLE_ABBREVIATIONS.test(before)) continue;
    // A question mark ends the title only when no full stop follows; otherwise a subtitle
    // continues ("…be successfully treated? A randomized controlled pilot study. Cogn Behav Ther").
    if (m[0].startsWith('?') && rest.slice(m.index + 2).includes('. ')) continue;
    titleEnd = m.index;
    break;
  }
  if (titleEnd < 0) throw new Error(`no title/venue boundary found in "${citation}"`);
  const title = rest.slice(0, rest[titleEnd] === '?' ? titleEnd + 1 : titleEnd).trim();
  const venue = rest
    .slice(titleEnd + 2)
    .trim()
    .replace(/\.$/, '');
  if (!title || !venue) throw new Error(`empty title or venue in "${citation}"`);
  const doi = parseDoi(text);
  const pmid = parsePmid(text);
  return {
    authors: shortAuthors(authors),
    title,
    venue,
    year: Number(date[1]),
    ...(doi ? { doi } : {}),
    ...(pmid ? { pmid } : {}),
  };
}
