/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PrerenderScript from './scripts/prerender';
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

/**
 * src/main.tsx evaluates React and then the app by dynamic import, each in its own task; this names their files (and
 * everything they import) in index.html as modulepreloads, so they download with the page instead of one by one,
 * and marks every script low priority.
 */
function preloadFirstView(): Plugin {
  const FIRST_VIEW = [/node_modules\/react-dom\/client\.js$/, /\/src\/app\/app\.tsx$/];
  return {
    name: 'preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry) return;
        const chunks = new Map(
          Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
        );
        const wanted = new Set<string>();
        const add = (file: string) => {
          const chunk = chunks.get(file);
          if (!chunk || wanted.has(file) || file === entry.fileName || html.includes(`/${file}"`)) return;
          wanted.add(file);
          chunk.imports.forEach(add);
        };
        for (const file of entry.dynamicImports) {
          const facade = chunks.get(file)?.facadeModuleId ?? '';
          if (FIRST_VIEW.some((re) => re.test(facade))) add(file);
        }
        if (wanted.size < FIRST_VIEW.length) throw new Error('preload-first-view: React or the app chunk not found');
        // Low priority, the entry script too: the first paint needs only this page and its stylesheet (the
        // landing view is prerendered), so scripts and data must not compete with the stylesheet for the network.
        const low = html
          .replace(/<script type="module"(?![^>]*fetchpriority)/g, '<script type="module" fetchpriority="low"')
          .replace(/<link rel="modulepreload"(?![^>]*fetchpriority)/g, '<link rel="modulepreload" fetchpriority="low"');
        return {
          html: low,
          tags: [...wanted].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', fetchpriority: 'low', crossorigin: '', href: `./${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

/**
 * After the build, scripts/prerender.tsx draws the landing view from dist/data/ into dist/index.html, so the first
 * paint needs only the HTML and the stylesheet (see src/main.tsx for how the page adopts it).
 */
type PrerenderModule = typeof PrerenderScript;

function prerenderLanding(): Plugin {
  let outDir = 'dist';
  return {
    name: 'prerender-landing',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { tsImport } = await import('tsx/esm/api');
      const script = pathToFileURL(resolve(import.meta.dirname, 'scripts/prerender.tsx')).href;
      const { prerender } = (await tsImport(script, import.meta.url)) as PrerenderModule;
      const { bytes } = prerender(outDir);
      this.info(`prerendered the landing view into index.html (${(bytes / 1024).toFixed(1)} KiB of markup)`);
    },
  };
}

export default defineConfig({
  // Relative base: the build works from any static host or sub-path.
  base: './',
  plugins: [react(), datasetFiles(), cspMeta(), preloadFirstView(), prerenderLanding()],
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
