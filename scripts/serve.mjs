#!/usr/bin/env node
// Tiny static file server for the demo and the page tests (no dependencies).
//
//   node scripts/serve.mjs [DIR=www] [PORT=8080]
//
// Listens on 127.0.0.1 only, serves correct MIME types (wasm as
// application/wasm), refuses paths outside DIR, and only answers GET/HEAD.
// Every response must be revalidated (no-cache) and carries Last-Modified, so
// a reload gets 304s and the browser reuses what it has, compiled wasm
// included, while an edited file is fetched again at once. No compression:
// on a local link it costs more CPU than the bytes it saves. Files are kept
// in memory once read (keyed by path, dropped when their mtime or size
// changes), and each request waits for one round of file-system calls
// (stat and realpath at once), not four in a row: on a loaded 2-core
// machine every round is a trip through the event loop, and the page
// tests' server shares its process with the browser driver.
// From code: `const server = await serve(dir, 0)` (0 = a random free port);
// `server.url` is the base URL, `server.close()` stops it.

import { createServer } from 'node:http';
import { stat, realpath, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** MIME types by file extension. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

function send(res, status, message) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(`${message}\n`);
}

/**
 * Resolves a request path to a file inside `root` (an absolute real path),
 * or null if it escapes `root` or is malformed.
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0 = random).
 * Resolves to the http.Server, with `url` set to its base URL.
 * @param {string} dir
 * @param {number} [port]
 */
export async function serve(dir, port = 0) {
  const root = await realpath(path.resolve(dir));
  /** Bodies of the files served, by real path: {mtimeMs, size, body}. */
  const cache = new Map();
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'Method Not Allowed');
      return;
    }
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    let file = resolveInside(root, urlPath);
    if (!file) {
      send(res, 403, 'Forbidden');
      return;
    }
    try {
      let [info, real] = await Promise.all([stat(file), realpath(file)]);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        [info, real] = await Promise.all([stat(file), realpath(file)]);
      }
      // Symbolic links must not lead outside the root either.
      if (real !== root && !real.startsWith(root + path.sep)) {
        send(res, 403, 'Forbidden');
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const modified = info.mtime.toUTCString();
      // HTTP dates have whole seconds: compare at that precision.
      const since = Date.parse(req.headers['if-modified-since'] || '');
      if (since >= Math.floor(info.mtimeMs / 1000) * 1000) {
        res.writeHead(304, { 'last-modified': modified, 'cache-control': 'no-cache' });
        res.end();
        return;
      }
      let cached = cache.get(real);
      if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
        cached = { mtimeMs: info.mtimeMs, size: info.size, body: await readFile(real) };
        cache.set(real, cached);
      }
      res.writeHead(200, {
        'last-modified': modified,
        'content-type': type,
        'content-length': cached.body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : cached.body);
    } catch {
      send(res, 404, 'Not Found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  server.url = `http://127.0.0.1:${server.address().port}/`;
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'www';
  const port = Number(process.argv[3] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: bad port ${process.argv[3]}`);
    process.exit(2);
  }
  serve(dir, port).then((server) => {
    console.log(`Serving ${path.resolve(dir)} at ${server.url}`);
  }, (error) => {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(1);
  });
}
