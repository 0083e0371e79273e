/// <reference lib="webworker" />
// The dataset check off the page's main thread: receives the four files' text, checks them, and answers with the
// records in slices (each a short task for the page to take in) and then the verdict: the fingerprint, or the
// located issues. Parsing and validating ~900 kB of JSON here keeps the page responsive while it loads.
import { checkTexts, summarize } from './check-texts';
import type { DatasetTexts } from './files';
import { RECORDS_PER_MESSAGE, type WorkerMessage } from './worker-protocol';

self.onmessage = (event: MessageEvent<DatasetTexts>) => {
  const checked = checkTexts(event.data);
  const post = (message: WorkerMessage) => self.postMessage(message);
  if (checked.status === 'ready') {
    const { sources, treatments, outcomes, claims } = checked.dataset;
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
  post({ kind: 'done', summary: summarize(checked) });
};
