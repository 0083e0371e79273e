// The landing view, drawn at build time: renders the app (Compare, nothing filtered) from dist/data/ — exactly the
// files the site will serve — into dist/index.html, marked with those files' fingerprint. The page shows it before
// any script runs and adopts it once it has fetched and checked the same files (src/main.tsx). Run by the Vite
// build (vite.config.ts), or alone: `tsx scripts/prerender.tsx [dist]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderToString } from 'react-dom/server';
import { App } from '../src/app/app';
import { checkTexts } from '../src/data/check-texts';
import { COLLECTIONS, DATA_FILE_NAMES, type DatasetTexts } from '../src/data/files';
import { buildStore } from '../src/data/normalize';

const ROOT = '<div id="root"></div>';

export function prerender(dist: string): { fingerprint: string; bytes: number } {
  const texts = Object.fromEntries(
    COLLECTIONS.map((name) => [name, readFileSync(resolve(dist, 'data', DATA_FILE_NAMES[name]), 'utf8')]),
  ) as DatasetTexts;
  const checked = checkTexts(texts);
  if (checked.status !== 'ready') {
    const first = checked.issues[0];
    throw new Error(
      `prerender: the dataset fails its checks (${checked.issues.length} issues; first: ${first?.file} ${first?.record ?? ''} ${first?.field ?? ''} ${first?.message}); run npm run validate:data`,
    );
  }
  const markup = renderToString(
    <App initial={{ status: 'ready', store: buildStore(checked.dataset), fingerprint: checked.fingerprint }} />,
  );
  const indexPath = resolve(dist, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  if (!html.includes(ROOT)) throw new Error(`prerender: ${indexPath} has no empty ${ROOT}`);
  const root = `<div id="root" data-prerendered="${checked.fingerprint}">${markup}</div>`;
  writeFileSync(
    indexPath,
    html.replace(ROOT, () => root),
  );
  return { fingerprint: checked.fingerprint, bytes: Buffer.byteLength(markup) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = prerender(resolve(process.argv[2] ?? 'dist'));
  console.log(`prerendered the landing view: ${(result.bytes / 1024).toFixed(1)} KiB, data ${result.fingerprint}`);
}
