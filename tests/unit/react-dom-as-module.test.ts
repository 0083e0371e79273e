import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reactDomClientAsModule } from '../../vite.config';

const require = createRequire(import.meta.url);
const file = resolve(dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom-client.production.js');
const source = readFileSync(file, 'utf8');

type Hooks = {
  resolveId: (source: string) => string | null;
  transform: (code: string, id: string) => { code: string; map: unknown } | null;
};
const plugin = reactDomClientAsModule() as unknown as Hooks;

describe('the build states React DOM client as a module (vite.config.ts)', () => {
  it('resolves react-dom/client to the production file and leaves other imports alone', () => {
    expect(plugin.resolveId('react-dom/client')).toBe(file);
    expect(plugin.resolveId('react-dom')).toBeNull();
    expect(plugin.transform('export const x = 1;', '/elsewhere.js')).toBeNull();
  });

  it('turns the three requires into imports and the three exports into export statements, line for line', () => {
    const out = plugin.transform(source, file)!;
    expect(out.code).not.toMatch(/\brequire\(|\bexports\.|module\.exports/);
    expect(out.code).toContain('import React from "react";');
    expect(out.code.match(/^export const (\w+) = /gm)).toEqual([
      'export const createRoot = ',
      'export const hydrateRoot = ',
      'export const version = ',
    ]);
    expect(out.code.split('\n')).toHaveLength(source.split('\n').length);
    expect(out.map).toBeTruthy();
  });

  it('stops the build on any other shape instead of shipping a half-converted file', () => {
    expect(() => plugin.transform(source.replace('exports.version', 'exports.other'), file)).toThrow(/shape/);
    expect(() => plugin.transform(`${source}\nrequire("x");`, file)).toThrow(/shape/);
    expect(() => plugin.transform(source.replace('ReactDOM = require("react-dom")', 'ReactDOM = {}'), file)).toThrow(
      /shape/,
    );
  });
});
