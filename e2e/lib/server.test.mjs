// The shared test server serves what it should, with the strict headers, and nothing else.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, STRICT_CSP } from './server.mjs';

let dir;
let outside;
let site;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-server-'));
  await mkdir(path.join(dir, 'dist', 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>index</title>');
  await writeFile(path.join(dir, 'dist', 'app_bg.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(path.join(dir, 'dist', 'sub', 'a.js'), 'export {};');
  outside = path.join(dir, 'secret.txt');
  await writeFile(outside, 'secret');
  site = await startServer({
    root: path.join(dir, 'dist'),
    mounts: ['/', '/notice-outline/'],
    pages: { '/test/host.html': '<!doctype html><p>host</p>' },
    files: { '/test/extra.txt': outside },
  });
});

after(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A GET with the path sent as written (fetch would normalise `..` away before sending). */
function get(pathname) {
  return new Promise((resolve, reject) => {
    http.get(site.origin + '/', { path: pathname }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({
        status: res.statusCode,
        type: res.headers['content-type'],
        csp: res.headers['content-security-policy'],
        body,
      }));
    }).on('error', reject);
  });
}

test('serves dist at / and under a portal prefix, with types and the strict CSP', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.equal(index.type, 'text/html; charset=utf-8');
  assert.equal(index.csp, STRICT_CSP);
  assert.equal(index.body, '<!doctype html><title>index</title>');
  assert.equal((await get('/notice-outline/sub/a.js')).type, 'text/javascript; charset=utf-8');
  assert.equal((await get('/app_bg.wasm')).type, 'application/wasm');
});

test('made-up pages and extra files come first', async () => {
  assert.equal((await get('/test/host.html')).body, '<!doctype html><p>host</p>');
  assert.equal((await get('/test/extra.txt')).body, 'secret');
});

test('missing files and paths out of root are 404', async () => {
  assert.equal((await get('/nope.js')).status, 404);
  assert.equal((await get('/sub')).status, 404);
  assert.equal((await get('/../secret.txt')).status, 404);
  assert.equal((await get('/%2e%2e/secret.txt')).status, 404);
  assert.equal((await get('/sub/..%2f..%2fsecret.txt')).status, 404);
  assert.ok(site.requests.includes('/nope.js'));
});
