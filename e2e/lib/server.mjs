// A static server for the end-to-end tests: serves the built site (dist/) the way a strict
// portal would (CSP header on every response, nosniff, no caching), plus pages a test makes up.
// Each test file starts its own on a free port, so any file also runs alone:
//
//   import { startServer } from './lib/server.mjs';
//   const site = await startServer({ pages: { '/test/a.html': '<!doctype html>…' } });
//   await page.goto(site.url('/index.html'));  …  await site.close();

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The policy the page declares and portals run: no inline script or style, own origin only. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The release build the tests run against; DIST_DIR overrides it. */
export const DIST_DIR = path.resolve(process.env.DIST_DIR ?? path.join(here, '..', '..', 'dist'));

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function contentType(name) {
  return CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Throws a clear error when the release build is missing. */
export async function ensureDist(root = DIST_DIR) {
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    throw new Error(`${root}/index.html is missing: build first with \`bash scripts/test.sh\` ` +
      'or `PATH="$PWD/e2e/node_modules/.bin:$PATH" trunk build --release --offline`');
  }
}

/**
 * Starts the server on 127.0.0.1 and a free port.
 *
 * - `root`: the folder served (default: dist/), under each prefix in `mounts` (default `['/']`;
 *   add e.g. `'/notice-outline/'` to serve it where a portal keeps it).
 * - `pages`: pathname → string or Buffer, served before any file (made-up host pages).
 * - `files`: pathname → absolute path of a file outside root (e.g. axe-core's script).
 * - `csp`: the Content-Security-Policy header (default STRICT_CSP; `null` for none).
 * - `headers`: extra response headers.
 *
 * Resolves to `{ origin, url(pathname), requests, close() }`; `requests` lists every pathname
 * asked for, in order.
 */
export async function startServer({ root = DIST_DIR, mounts = ['/'], pages = {}, files = {}, csp = STRICT_CSP, headers = {} } = {}) {
  const rootDir = path.resolve(root);
  const requests = [];
  const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers };
  if (csp) common['Content-Security-Policy'] = csp;

  async function resolve(pathname) {
    if (Object.hasOwn(pages, pathname)) return { body: pages[pathname], name: pathname };
    if (Object.hasOwn(files, pathname)) return { body: await readFile(files[pathname]), name: files[pathname] };
    const mount = mounts.filter((m) => pathname.startsWith(m)).sort((a, b) => b.length - a.length)[0];
    if (mount === undefined) return null;
    let relative = pathname.slice(mount.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = path.resolve(rootDir, relative);
    // Nothing outside root, however the path is spelled (`..`, encoded slashes).
    if (!file.startsWith(rootDir + path.sep)) return null;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    return { body: await readFile(file), name: file };
  }

  const server = http.createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    requests.push(pathname);
    try {
      const found = await resolve(pathname);
      if (!found) {
        res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
        return;
      }
      res.writeHead(200, { ...common, 'Content-Type': contentType(found.name) });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    } catch (error) {
      res.writeHead(500, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error?.message ?? error));
    }
  });
  await new Promise((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    url: (pathname = '/') => new URL(pathname, origin).href,
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(() => done());
    }),
  };
}
