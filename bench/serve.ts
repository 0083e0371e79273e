// A small static server for the built site, shared by the benchmarks and the e2e tests that need a host like
// production: it serves dist/ (optionally under a sub-path), sends the headers documented in public/_headers
// (copied to dist/_headers by the build) and gzip-compresses text when the browser asks for it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

/** One block of a Netlify / Cloudflare Pages `_headers` file: a path pattern and the headers for it. */
export type HeaderRule = { pattern: string; headers: [name: string, value: string][] };

/** Parses a `_headers` file: an unindented path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0)
      throw new Error(`_headers: a header line outside a path block, or without a colon: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Reads the `_headers` file: the one in `root` when the build copied it there, else public/_headers. */
export function readHeaderRules(root = resolve('dist')): HeaderRule[] {
  const built = join(root, '_headers');
  return parseHeaders(readFileSync(existsSync(built) ? built : resolve('public/_headers'), 'utf8'));
}

/**
 * The headers for one path (from the site root, query removed), as Netlify and Cloudflare Pages apply them:
 * every matching block counts (`*` matches anything), and a header named by two blocks gets both values.
 */
export function headersFor(path: string, rules: HeaderRule[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.pattern.split('*').map(escapeRegExp).join('.*')}$`);
    if (!re.test(path)) continue;
    for (const [name, value] of rule.headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** The Content-Security-Policy that `_headers` sends with every response. */
export function contentSecurityPolicy(rules: HeaderRule[] = readHeaderRules()): string {
  const csp = headersFor('/index.html', rules)['Content-Security-Policy'];
  if (!csp) throw new Error('_headers sends no Content-Security-Policy for /index.html');
  return csp;
}

export type ServeOptions = {
  /** The folder to serve; dist/ by default. */
  root?: string;
  /** The sub-path the site lives under, with leading and trailing slash; '/' by default. */
  basePath?: string;
  /** Gzip text responses when the request accepts gzip (default true). */
  gzip?: boolean;
  /** Send the headers from `_headers` (default true). */
  headers?: boolean;
  /** Replacement bodies for data/<name> (e.g. synthetic datasets), served as JSON. */
  data?: Record<string, string>;
};

export type Served = { server: Server; url: string; origin: string; close: () => Promise<void> };

/** Serves the built site on 127.0.0.1 at a free port; `url` is the site's address (ending in the base path). */
export function serveDist(options: ServeOptions = {}): Promise<Served> {
  const root = resolve(options.root ?? 'dist');
  const basePath = options.basePath ?? '/';
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new Error(`basePath must start and end with /`);
  const gzip = options.gzip ?? true;
  const rules = options.headers === false ? [] : readHeaderRules(root);
  const compressed = new Map<string, Buffer>();

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    sitePath: string,
    status: number,
    body: Buffer,
    type: string,
  ) => {
    const headers: Record<string, string> = { ...headersFor(sitePath, rules), 'Content-Type': type };
    let out = body;
    if (gzip && COMPRESSIBLE.test(type)) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const key = `${sitePath}\0${body.length}`;
        out = compressed.get(key) ?? gzipSync(body, { level: 9 });
        compressed.set(key, out);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = String(out.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  };

  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // The base path without its slash redirects to it, as static hosts do.
    if (basePath !== '/' && path === basePath.slice(0, -1)) {
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
      res.writeHead(301, { Location: basePath + query }).end();
      return;
    }
    const notFound = (sitePath: string) =>
      send(req, res, sitePath, 404, Buffer.from('Not found\n'), 'text/plain; charset=utf-8');
    if (!path.startsWith(basePath)) return notFound(path);
    const sitePath = `/${path.slice(basePath.length)}`;
    const dataName = /^\/data\/([^/]+)$/.exec(sitePath)?.[1];
    if (dataName && options.data?.[dataName] !== undefined) {
      return send(req, res, sitePath, 200, Buffer.from(options.data[dataName]), TYPES['.json']!);
    }
    // Hosts read _headers; they do not serve it.
    if (sitePath === '/_headers') return notFound(sitePath);
    const file = normalize(join(root, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath));
    if (file !== root && !file.startsWith(root + sep)) return notFound(sitePath);
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) return notFound(sitePath);
      body = readFileSync(file);
    } catch {
      return notFound(sitePath);
    }
    send(req, res, sitePath, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      ok({
        server,
        origin,
        url: origin + basePath,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export type BundleFile = { file: string; raw: number; gzip: number };

/**
 * Sizes of the JS and CSS in dist/assets (raw and gzip level 9), and which the first view loads: index.html's
 * module script, its modulepreloads and the workers they start (firstView), and its stylesheets (firstViewCss).
 */
export function bundleStats(dist = resolve('dist')) {
  const assets = join(dist, 'assets');
  const files: BundleFile[] = readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const body = readFileSync(join(assets, f));
      return { file: f, raw: statSync(join(assets, f)).size, gzip: gzipSync(body, { level: 9 }).length };
    });
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const firstView = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!));
  const firstViewCss = new Set([...html.matchAll(/href="\.\/assets\/([^"]+\.css)"/g)].map((m) => m[1]!));
  // A worker the first view starts (the dataset check) is first-view JavaScript too.
  for (const file of [...firstView]) {
    const code = readFileSync(join(assets, file), 'utf8');
    for (const m of code.matchAll(/["`]([\w.-]+\.worker-[\w-]+\.js)["`]/g)) firstView.add(m[1]!);
  }
  return { files, firstView, firstViewCss };
}
