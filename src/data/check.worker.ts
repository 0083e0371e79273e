/// <reference lib="webworker" />
// The dataset check off the page's main thread: receives the four files' text and answers with the verdict (the
// fingerprint, or the located issues). Parsing and validating ~900 kB of JSON here keeps the page responsive.
import { checkTexts, summarize } from './check-texts';
import type { DatasetTexts } from './files';

self.onmessage = (event: MessageEvent<DatasetTexts>) => {
  self.postMessage(summarize(checkTexts(event.data)));
};
