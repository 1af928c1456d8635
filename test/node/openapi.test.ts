// schema/openapi.json is a valid OpenAPI 3.1 document, and it describes the server that runs: every route
// the reference server registers is documented, every documented operation not marked
// `x-byline-planned` exists, and none marked planned exists yet (remove the mark when it lands).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const openapi = JSON.parse(readFileSync('schema/openapi.json', 'utf8'));

type Operation = { 'x-byline-planned'?: string };
/** `METHOD /path/{param}` of every documented operation, with its planned issue if any. */
function documentedOperations(): Map<string, string | undefined> {
  const operations = new Map<string, string | undefined>();
  for (const [path, item] of Object.entries<Record<string, Operation>>(openapi.paths)) {
    for (const method of METHODS) {
      if (item[method]) operations.set(`${method.toUpperCase()} ${path}`, item[method]['x-byline-planned']);
    }
  }
  return operations;
}

/**
 * The server's routes as `METHOD /path/{param}`, read from Fastify's public `printRoutes()` tree (one
 * node per line, four columns per level, methods in brackets). HEAD is Fastify's automatic twin of
 * GET. Static files (`…*`) and the `/` redirect to the demo are pages, not API.
 */
function serverRoutes(app: FastifyInstance, options: { folderIndexes?: boolean } = {}): Set<string> {
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([\s│├└─]*)(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + (depth === 1 && !match[2]!.startsWith('/') ? '/' : '') + match[2];
    prefixes[depth] = depth === 0 ? '' : path;
    const url = depth === 0 ? match[2]! : path;
    // A static folder (`/admin/*`, printed `/admin*`) serves its index page at `/admin/`, which the document may describe.
    if (options.folderIndexes && match[3] && url.endsWith('*') && url !== '/*') routes.add(`GET ${url.slice(0, -1).replace(/\/?$/, '/')}`);
    if (!match[3] || url === '/' || url.endsWith('*')) continue;
    for (const method of match[3].split(', ')) {
      if (method !== 'HEAD') routes.add(`${method} ${url.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
    }
  }
  return routes;
}

let app: FastifyInstance;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'byline-openapi-'));
  // With a metrics token and demo sign-in, so /metrics and POST /demo/sign-in (off by default) are among
  // the routes the document must cover.
  app = await buildApp({ dbPath: join(dir, 'byline.sqlite'), metricsToken: 'openapi-test', demoSignIn: true });
  await app.ready();
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('schema/openapi.json is a valid OpenAPI 3.1 document, with the body schemas it references', async () => {
  const validator = new Validator();
  // The document refers to its neighbours by file name, as a tool reading schema/ from disk resolves them.
  for (const file of readdirSync('schema').filter((f) => f.endsWith('.schema.json'))) {
    await validator.addSpecRef(JSON.parse(readFileSync(join('schema', file), 'utf8')), file);
  }
  const result = await validator.validate(openapi);
  assert.equal(validator.version, '3.1');
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
});

test('the route reader finds the server\'s API routes', () => {
  const routes = serverRoutes(app);
  // A reader that found nothing would make the two tests below pass vacuously.
  for (const route of ['GET /api/threads/{thread}/comments', 'POST /api/threads/{thread}/comments', 'GET /api/counts']) {
    assert.ok(routes.has(route), `${route} not found in:\n${app.printRoutes({ commonPrefix: false })}`);
  }
});

test('every route the server registers is documented', () => {
  const documented = documentedOperations();
  const undocumented = [...serverRoutes(app)].filter((route) => !documented.has(route));
  assert.deepEqual(undocumented, [], 'routes missing from schema/openapi.json');
});

test('every documented operation not marked planned exists, and none marked planned does yet', () => {
  const routes = serverRoutes(app, { folderIndexes: true });
  const missing: string[] = [];
  const landed: string[] = [];
  for (const [operation, planned] of documentedOperations()) {
    if (!planned && !routes.has(operation)) missing.push(operation);
    if (planned && routes.has(operation)) landed.push(`${operation} (remove "x-byline-planned": "${planned}")`);
  }
  assert.deepEqual(missing, [], 'documented but not served (mark them "x-byline-planned" or remove them)');
  assert.deepEqual(landed, [], 'served but still marked planned');
});

test('every planned operation names its issue', () => {
  const planned = [...documentedOperations().values()].filter((issue) => issue !== undefined);
  // None may be planned at a given time; a mark that is there must name an issue.
  for (const issue of planned) assert.match(issue!, /^#\d+$/);
});
