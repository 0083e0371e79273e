/**
 * The four dataset files, in the order they are fetched and reported. Kept free of the schema (and of zod), so the
 * page can fetch the files without loading the validator, which runs in a worker.
 */
export const DATA_FILE_NAMES = {
  sources: 'sources.json',
  treatments: 'treatments.json',
  outcomes: 'outcomes.json',
  claims: 'claims.json',
} as const;
export type CollectionName = keyof typeof DATA_FILE_NAMES;
export const COLLECTIONS = Object.keys(DATA_FILE_NAMES) as CollectionName[];

/** The raw text of each file, as served. */
export type DatasetTexts = Record<CollectionName, string>;

/**
 * A short fingerprint of the four files' exact text (FNV-1a, 32 bits, over each file in order, then the lengths).
 * The build writes it beside the landing view it prerendered from data/; the page only adopts that markup when the
 * files it fetched have the same fingerprint. Not a security measure: it tells "the same files" from "replaced".
 */
export function datasetFingerprint(texts: DatasetTexts): string {
  let hash = 0x811c9dc5;
  for (const name of COLLECTIONS) {
    const text = texts[name];
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0xff;
    hash = Math.imul(hash, 0x01000193);
  }
  const lengths = COLLECTIONS.map((name) => texts[name].length.toString(36)).join('.');
  return `${(hash >>> 0).toString(36)}-${lengths}`;
}
