/// <reference lib="webworker" />
// The dataset read off the page's main thread: fetches the four files (their download and decoding never touch the
// page), checks them, and answers with the records in slices (each a short task for the page to take in) and then
// the verdict: the fingerprint, the located issues, or the files that could not be fetched. Parsing and validating
// ~900 kB of JSON here keeps the page responsive while it loads.
import { checkTexts, summarize } from './check-texts';
import { readDataset } from './load';
import { RECORDS_PER_MESSAGE, type ReadRequest, type WorkerMessage } from './worker-protocol';

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const read = await readDataset(event.data.base, fetch, checkTexts);
  const post = (message: WorkerMessage) => self.postMessage(message);
  if (read.status === 'ready') {
    const { sources, treatments, outcomes, claims } = read.dataset;
    for (const [collection, records] of [
      ['sources', sources],
      ['treatments', treatments],
      ['outcomes', outcomes],
      ['claims', claims],
    ] as const) {
      for (let i = 0; i < records.length; i += RECORDS_PER_MESSAGE) {
        post({ kind: 'records', collection, records: records.slice(i, i + RECORDS_PER_MESSAGE) });
      }
    }
  }
  post({ kind: 'done', summary: summarize(read) });
};
