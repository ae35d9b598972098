// The static server used by the demo and the page tests.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '../../scripts/serve.mjs';
import { WWW } from './helpers.mjs';

let server;
before(async () => { server = await serve(WWW, 0); });
after(() => new Promise((resolve) => server.close(resolve)));

/** Sends a raw request path (no client-side normalisation of `..`). */
function get(path, method = 'GET', headers = {}) {
  const { port } = server.address();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body: Buffer.concat(chunks).toString(),
      }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 at a random port and reports its URL', () => {
  assert.equal(server.address().address, '127.0.0.1');
  assert.ok(server.address().port > 0);
  assert.equal(server.url, `http://127.0.0.1:${server.address().port}/`);
});

test('serves files with their MIME types', async () => {
  const cases = [
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/sorot.js', 'text/javascript; charset=utf-8'],
    ['/sorot.css', 'text/css; charset=utf-8'],
    ['/seeds/001_ccf68a1d162bdb17.txt', 'text/plain; charset=utf-8'],
    ['/pkg/sorot_bg.wasm', 'application/wasm'],
  ];
  for (const [path, type] of cases) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.type, type, path);
  }
  assert.match((await get('/seeds/001_ccf68a1d162bdb17.txt')).body, /Lim Soo-suk/);
});

test('answers a revalidation of an unchanged file with 304, of a changed one with the file', async () => {
  const first = await get('/sorot.css');
  const modified = first.headers['last-modified'];
  assert.equal(first.headers['cache-control'], 'no-cache');
  assert.ok(Date.parse(modified) > 0, `Last-Modified: ${modified}`);
  const again = await get('/sorot.css', 'GET', { 'if-modified-since': modified });
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
  const older = new Date(Date.parse(modified) - 1000).toUTCString();
  const changed = await get('/sorot.css', 'GET', { 'if-modified-since': older });
  assert.equal(changed.status, 200);
  assert.equal(changed.body, first.body);
  assert.equal((await get('/sorot.css', 'GET', { 'if-modified-since': 'not a date' })).status, 200);
});

test('refuses paths outside the root, unknown files and other methods', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/seeds/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00']) {
    const res = await get(path);
    assert.ok([403, 404].includes(res.status), `${path} → ${res.status}`);
    assert.doesNotMatch(res.body, /devDependencies/);
  }
  assert.equal((await get('/no-such-file.js')).status, 404);
  assert.equal((await get('/%E0%A4%A')).status, 403);
  assert.equal((await get('/index.html', 'POST')).status, 405);
  const head = await get('/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});
