/**
 * Second line of defence behind the schema: returns the URL only if it is
 * https, so no data-borne javascript: or data: link can ever reach an href.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export const doiUrl = (doi: string) => `https://doi.org/${encodeURI(doi)}`;
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
export const registryUrl = (nct: string) => `https://clinicaltrials.gov/study/${encodeURIComponent(nct)}`;
