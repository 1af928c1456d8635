import { randomBytes } from 'node:crypto';
import { buildApp, type AppOptions } from './app.js';
import { openStore } from './store/open.js';
import { StartupError, type Store } from './store/store.js';

/** Prints a one-line reason and exits non-zero: startup problems are the operator's to fix, not a stack trace. */
function fail(message: string): never {
  console.error(`byline: ${message}`);
  process.exit(1);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`PORT must be a number from 0 to 65535, got "${value}".`);
  return port;
}

/** A positive whole number from the environment (requests per minute, pool size), if set. */
function positiveWhole(name: string): number | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  const what = name.startsWith('BYLINE_RATE_LIMIT') ? ' of requests per minute' : '';
  if (!/^[1-9]\d*$/.test(value)) fail(`${name} must be a positive whole number${what}, got "${value}".`);
  return Number(value);
}

/** A whole number from the environment within [min, max], or the default when unset. */
function wholeNumber(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = process.env[name];
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) fail(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  return Number(value);
}

const authMode = process.env.BYLINE_AUTH || 'anonymous';
if (!['anonymous', 'optional', 'required'].includes(authMode)) fail(`BYLINE_AUTH must be anonymous, optional or required, got "${authMode}".`);

const port = parsePort(process.env.PORT ?? '8787');
const rateLimits: NonNullable<AppOptions['rateLimits']> = {};
for (const [route, name] of [['post', 'BYLINE_RATE_LIMIT_POST'], ['read', 'BYLINE_RATE_LIMIT_READ']] as const) {
  const max = positiveWhole(name);
  if (max) rateLimits[route] = { max, timeWindow: 60_000 };
}
const host = process.env.HOST || '127.0.0.1';
const allowedOrigins = (process.env.BYLINE_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const generatedToken = !process.env.BYLINE_ADMIN_TOKEN;
const adminToken = process.env.BYLINE_ADMIN_TOKEN || randomBytes(24).toString('base64url');
const dataDir = process.env.BYLINE_DATA_DIR || 'data';
const demo = process.env.BYLINE_DEMO !== '0';
const production = process.env.NODE_ENV === 'production';
const poolSize = positiveWhole('BYLINE_PG_POOL_SIZE');
const ssoKeyConfigured = Boolean(process.env.BYLINE_SSO_SECRET || process.env.BYLINE_SSO_PUBLIC_KEY);

const isLoopback = (address: string) => address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);

/**
 * The demo sign-in gives anyone a token under any name, moderator role included, so it must never be on
 * by accident. `npm start` (the demo run) asks for it with --demo-sign-in; it is then on only where
 * nothing says this is a real site: the demo pages served, on a loopback address, not NODE_ENV=production,
 * no SSO key of a real login. BYLINE_DEMO_SIGN_IN=0 turns it off; =1 forces it on, except on a real site,
 * where the server refuses to start.
 */
function demoSignInSetting(): { on: boolean; note?: string } {
  const setting = process.env.BYLINE_DEMO_SIGN_IN ?? '';
  if (!['', '0', '1'].includes(setting)) fail(`BYLINE_DEMO_SIGN_IN must be 0 or 1, got "${setting}".`);
  const realSite = production ? 'NODE_ENV=production' : ssoKeyConfigured ? 'an SSO key (BYLINE_SSO_SECRET or BYLINE_SSO_PUBLIC_KEY)' : !demo ? 'BYLINE_DEMO=0' : undefined;
  if (setting === '1') {
    if (realSite) fail(`BYLINE_DEMO_SIGN_IN=1 is refused with ${realSite}: the demo sign-in lets anyone sign in under any name, as a moderator too.`);
    return { on: true };
  }
  if (setting === '0' || !process.argv.includes('--demo-sign-in')) return { on: false };
  if (realSite) return { on: false, note: `off (${realSite})` };
  if (!isLoopback(host)) return { on: false, note: `off (HOST ${host} is not a loopback address; BYLINE_DEMO_SIGN_IN=1 to force it)` };
  return { on: true };
}
const demoSignIn = demoSignInSetting();

let store: Store;
try {
  store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir, poolSize });
} catch (error) {
  if (error instanceof StartupError) fail(error.message);
  fail(`cannot use data directory ${dataDir}: ${(error as Error).message}`);
}

let app;
try {
  app = await buildApp({
    store,
    allowedOrigins,
    adminToken,
    rateLimits,
    trustProxy: wholeNumber('BYLINE_TRUST_PROXY', 0, 0, 10),
    demo,
    metricsToken: process.env.BYLINE_METRICS_TOKEN || undefined,
    auth: authMode as NonNullable<AppOptions['auth']>,
    sso: { secret: process.env.BYLINE_SSO_SECRET || undefined, publicKey: process.env.BYLINE_SSO_PUBLIC_KEY || undefined },
    editWindowS: wholeNumber('BYLINE_EDIT_WINDOW_S', 600),
    cursorSecret: process.env.BYLINE_CURSOR_SECRET || undefined,
    demoSignIn: demoSignIn.on,
    // Production logs one JSON line per request (info); development only warnings and errors.
    logger: { level: process.env.LOG_LEVEL || (production ? 'info' : 'warn') },
  });
  await app.listen({ port, host });
} catch (error) {
  await store.close();
  fail((error as Error).message);
}

const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
console.log(demo ? `Byline demo: http://${shownHost}:${actualPort}/` : `Byline API: http://${shownHost}:${actualPort}/api/`);
console.log(`Database: ${store.location}`);
if (demoSignIn.on) console.log('Demo sign-in: on (anyone can sign in under any name, as a moderator too; never on a real site. BYLINE_DEMO_SIGN_IN=0 turns it off)');
else if (demoSignIn.note) console.log(`Demo sign-in: ${demoSignIn.note}`);
if (generatedToken) console.log(`Admin token (generated for this run; set BYLINE_ADMIN_TOKEN to keep one): ${adminToken}`);

/** How long in-flight requests may take to finish after SIGTERM before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

// Graceful shutdown: stop accepting (new requests get 503 with Connection: close), let in-flight
// requests finish and answer, then close the database (pool) and exit 0.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    const timer = setTimeout(() => {
      console.error(`byline: requests still running ${SHUTDOWN_GRACE_MS / 1000} s after ${signal}; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await store.close();
    clearTimeout(timer);
    process.exit(0);
  });
}
