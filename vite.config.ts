/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy, headersFor, parseHeaders } from './bench/serve.ts';

const dataDir = resolve(import.meta.dirname, 'data');

/**
 * The dataset stays outside the bundle: data/*.json is served in dev and
 * copied to dist/data/ on build, and the app fetches it at run time, so a
 * reviewed dataset can be dropped onto a host without rebuilding.
 */
function datasetFiles(): Plugin {
  // The four JSON files, and the known-gaps notes the About page renders (README.md stays in the repository).
  const jsonFiles = () => readdirSync(dataDir).filter((f) => f.endsWith('.json') || f === 'known-gaps.md');
  return {
    name: 'dataset-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/data\/([a-z-]+\.(?:json|md))(?:\?.*)?$/.exec(req.url ?? '');
        if (!match?.[1] || !jsonFiles().includes(match[1])) return next();
        const type = match[1].endsWith('.md') ? 'text/markdown' : 'application/json';
        res.setHeader('Content-Type', `${type}; charset=utf-8`);
        res.end(readFileSync(resolve(dataDir, match[1])));
      });
    },
    generateBundle() {
      for (const file of jsonFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(resolve(dataDir, file)) });
      }
    },
  };
}

/** The headers a host should send (public/_headers, copied to dist/ by the build; README "Deploying"). */
const headerRules = parseHeaders(readFileSync(resolve(import.meta.dirname, 'public/_headers'), 'utf8'));

/**
 * The built index.html carries the Content-Security-Policy from public/_headers as a <meta> tag too, for hosts
 * that cannot send headers. A <meta> policy ignores frame-ancestors (and logs an error), so that one is left
 * out. Build only: the dev server injects inline scripts and styles (React refresh, CSS hot reload).
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy(headerRules)
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(d))
    .join('; ');
  return {
    name: 'csp-meta',
    apply: 'build',
    // Right after <meta charset>, before any script or stylesheet the policy must cover.
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html has no <meta charset> to put the CSP after');
      return html.replace(charset, (m) => `${m}\n    ${meta}`);
    },
  };
}

export default defineConfig({
  // Relative base: the build works from any static host or sub-path.
  base: './',
  plugins: [react(), datasetFiles(), cspMeta()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  // `vite preview` (the e2e tests' server) sends the production headers that apply to every path, CSP included.
  preview: {
    headers: headersFor('/index.html', headerRules),
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}', 'tests/data/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Component tests render the whole app and load lazy chunks; a busy 2-core CI machine needs the headroom.
    testTimeout: 20_000,
  },
});
