// A @web/test-runner plugin that runs a small fault-injecting HTTP server on 127.0.0.1 beside the test
// pages, so the widgets meet real network failures (real sockets, real CORS), not a stubbed fetch.
// Test files import '/__byline-faults.js' for its base URL and for the "offline" and "DNS" URLs.
//
// URL scheme: {base}/f/{id}/{getFault}/{postFault}/...rest. `id` is a per-test name for counting;
// GETs behave as `getFault`, POSTs as `postFault`. {base}/stats/{id} answers what the server saw.
// Faults: ok, reset, stall, partial, 500, 503, 429 (Retry-After: 1), 429-long (Retry-After: 120), slow.
import { createServer } from 'node:http';

/** How long `slow` waits before answering: far longer than the short timeout the fault tests set. */
export const SLOW_MS = 2500;

function cors(request, response) {
  // One connection per request. On a reused keep-alive socket that is reset before any answer,
  // Chromium transparently resends the request once (POSTs too), which would blur the counts of
  // what the widgets themselves send. The widgets' POSTs carry an Idempotency-Key for exactly that.
  response.setHeader('connection', 'close');
  response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
  response.setHeader('access-control-allow-methods', 'GET, POST');
  response.setHeader('access-control-allow-headers', 'Content-Type, Idempotency-Key');
  response.setHeader('access-control-expose-headers', 'Retry-After');
  response.setHeader('access-control-max-age', '600');
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** A valid answer for whatever the widget asked: a comments page, counts, or a posted comment. */
function okBody(method, url, body) {
  if (method === 'POST') {
    const sent = JSON.parse(body || '{}');
    return [201, { comment: { id: `f${Date.now().toString(36)}`, parentId: sent.parentId ?? null, author: sent.author, body: sent.body, createdAt: new Date().toISOString(), status: 'published' } }];
  }
  if (url.pathname.endsWith('/counts')) return [200, { counts: Object.fromEntries(url.searchParams.getAll('thread').map((t) => [t, 7])) }];
  if (url.pathname.endsWith('/comments')) return [200, { thread: 'faults', total: 0, items: [], nextCursor: null }];
  return [404, { error: { code: 'not_found', message: 'Not found.' } }];
}

export function faultServerPlugin() {
  /** id → { GET, POST, OPTIONS, open, keys } */
  const stats = new Map();
  const sockets = new Set();
  const timers = new Set();
  let server;
  let moduleSource = '';

  const statsFor = (id) => {
    if (!stats.has(id)) stats.set(id, { GET: 0, POST: 0, OPTIONS: 0, open: 0, keys: [] });
    return stats.get(id);
  };

  function handle(request, response) {
    const url = new URL(request.url, 'http://127.0.0.1');
    cors(request, response);
    const [, kind, id, getFault, postFault] = url.pathname.split('/');
    if (kind === 'stats') return send(response, 200, statsFor(id), { 'cache-control': 'no-store' });
    if (kind !== 'f' || !id) return send(response, 404, { error: { code: 'not_found' } });
    const seen = statsFor(id);
    if (request.method === 'OPTIONS') {
      seen.OPTIONS++;
      response.writeHead(204).end();
      return;
    }
    seen[request.method] = (seen[request.method] ?? 0) + 1;
    if (request.method === 'POST') seen.keys.push(request.headers['idempotency-key'] ?? null);
    // "Open" = the server still holds this request: the client neither got a full answer nor hung up.
    seen.open++;
    response.once('close', () => seen.open--);
    const fault = request.method === 'POST' ? postFault : getFault;
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      switch (fault) {
        case 'reset':
          // A TCP RST, as from a crashed proxy: no status line at all.
          return request.socket.resetAndDestroy();
        case 'stall':
          return; // Never answers; the client's timeout or abort ends it.
        case 'partial':
          // Headers and half a JSON body, then nothing more.
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.write('{"thread":"faults","total":');
        case '500':
          return send(response, 500, { error: { code: 'internal', message: 'Internal error' } });
        case '503':
          return send(response, 503, { error: { code: 'unavailable', message: 'Try later' } });
        case '429':
          return send(response, 429, { error: { code: 'rate_limited', message: 'Too many' } }, { 'retry-after': '1' });
        case '429-long':
          return send(response, 429, { error: { code: 'rate_limited', message: 'Too many' } }, { 'retry-after': '120' });
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!response.destroyed) send(response, ...okBody(request.method, url, body));
          }, SLOW_MS);
          return timers.add(timer);
        }
        default:
          return send(response, ...okBody(request.method, url, body));
      }
    });
  }

  /** A loopback port with nothing listening: connecting to it is refused, like a machine that is offline. */
  async function closedPort() {
    const probe = createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  return {
    name: 'byline-fault-server',

    async serverStart() {
      server = createServer(handle);
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${server.address().port}`;
      moduleSource = [
        `export const faults = ${JSON.stringify(base)};`,
        `export const offline = ${JSON.stringify(`http://127.0.0.1:${await closedPort()}`)};`,
        // .invalid never resolves (RFC 6761): the lookup fails locally and no request leaves the machine.
        `export const unresolvable = 'http://byline-nonexistent.invalid';`,
        `export const SLOW_MS = ${SLOW_MS};`,
      ].join('\n');
    },

    serve(context) {
      if (context.path === '/__byline-faults.js') return { body: moduleSource, type: 'js' };
      return undefined;
    },

    async serverStop() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}
