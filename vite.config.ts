/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PrerenderScript from './scripts/prerender';
import react from '@vitejs/plugin-react';
import MagicString from 'magic-string';
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

/**
 * React DOM's client ships as CommonJS: 600 KB of source in one module, which a bundler must wrap in one function.
 * The browser compiles a module's top level while it downloads, off the main thread, but a function only when it is
 * first called, on the main thread: for that wrapper, a single 40 ms task on this machine (160 ms at a phone's
 * speed), the longest of the whole load. Its shape is simple (three requires at the top, three exports at the
 * end), so the build states them as imports and exports, and the bundler keeps the code at the module's top level.
 * Any other shape (a new React version) stops the build with a message, rather than shipping a half-converted file.
 */
export function reactDomClientAsModule(): Plugin {
  const require = createRequire(import.meta.url);
  const file = resolve(dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom-client.production.js');
  const requires =
    /^var Scheduler = require\("scheduler"\),\n {2}React = require\("react"\),\n {2}ReactDOM = require\("react-dom"\);$/m;
  const IMPORTS = 'import Scheduler from "scheduler";\nimport React from "react";\nimport ReactDOM from "react-dom";';
  const exported = /^exports\.(createRoot|hydrateRoot|version) = /gm;
  return {
    name: 'react-dom-client-as-module',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'react-dom/client' ? file : null;
    },
    transform(code, id) {
      if (id !== file) return null;
      const names = [...code.matchAll(exported)].map((m) => m[1]);
      const rest = code.replace(requires, '').replace(exported, '');
      if (
        !requires.test(code) ||
        names.join() !== 'createRoot,hydrateRoot,version' ||
        /\b(require\(|exports\.|module\.exports)/.test(rest)
      ) {
        throw new Error(`${file} no longer has the shape react-dom-client-as-module expects (vite.config.ts)`);
      }
      // Same lines, so the source map stays true line for line.
      const out = new MagicString(code);
      const header = requires.exec(code)!;
      out.overwrite(header.index, header.index + header[0].length, IMPORTS);
      for (const m of code.matchAll(exported)) out.overwrite(m.index, m.index + m[0].length, `export const ${m[1]} = `);
      return { code: out.toString(), map: out.generateMap({ hires: 'boundary', source: id }) };
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
 * Every script at low fetch priority: the landing view is prerendered, so the first paint needs only the page and
 * its stylesheet, and scripts must not compete with the stylesheet for the network.
 */
function scriptsLowPriority(): Plugin {
  return {
    name: 'scripts-low-priority',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module"(?![^>]*fetchpriority)/g, '<script type="module" fetchpriority="low"')
          .replace(/<link rel="modulepreload"(?![^>]*fetchpriority)/g, '<link rel="modulepreload" fetchpriority="low"'),
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
  plugins: [react(), reactDomClientAsModule(), datasetFiles(), cspMeta(), scriptsLowPriority(), prerenderLanding()],
  build: {
    target: 'es2022',
    modulePreload: {
      // No polyfill: every browser since 2023 (Safari 17, Firefox 115) preloads modules itself, and the polyfill's
      // check ran inside the entry script before the first paint. An older browser fetches a view's imports when it
      // opens the view.
      polyfill: false,
      // The page's own dynamic imports (src/main.tsx: React DOM and the app, after the first paint) fetch their
      // imports as the browser finds them: preloading them meant inserting a dozen <link>s in one task, which cost
      // 20-90 ms at a phone's speed. The views' chunks keep their preloads, and index.html its own. (The entry chunk
      // is the one named index-*.js: src/ has no other module called index.)
      resolveDependencies: (_file, deps, { hostId, hostType }) =>
        hostType === 'js' && /(^|\/)index-[\w-]+\.js$/.test(hostId) ? [] : deps,
    },
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
