/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  // Relative base: the build works from any static host or sub-path.
  base: './',
  plugins: [react(), datasetFiles()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}', 'tests/data/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
