// A small HTTP server for the benchmarks that tachometer does not serve itself (memory, page cost).
// Serves files from the repo root; with `proxy`, every path outside `local` goes to that origin (the
// reference server), so the demo page and its placeholder twin come from one origin.
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/**
 * @param {{ root: string, proxy?: string, local?: string[], files?: Record<string, string> }} options
 *   `local`: path prefixes served from `root` even when proxying; `files`: extra URL path -> file.
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export function serve({ root, proxy, local = ['/bench/'], files = {} }) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mapped = files[path];
    if (proxy && !mapped && !local.some((prefix) => path.startsWith(prefix))) {
      const upstream = httpRequest(new URL(req.url, proxy), { method: req.method, headers: { ...req.headers, host: new URL(proxy).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    let file = mapped ?? normalize(join(base, path));
    if (!file.startsWith(base) && !mapped) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      // Cross-origin isolation, so the memory benchmark may call performance.measureUserAgentSpecificMemory().
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
