// A @web/test-runner plugin that runs the real reference server (server/app.ts on a real SQLite file
// in a temp folder) beside the test pages, so end-to-end tests talk to it over real HTTP and CORS.
// Test files import '/__byline-e2e.js' for the API base URLs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

export function referenceServerPlugin() {
  const apps = [];
  let folder;
  let moduleSource = '';

  return {
    name: 'byline-reference-server',

    async serverStart({ config }) {
      register();
      const { buildApp } = await import('../server/app.ts');
      folder = mkdtempSync(join(tmpdir(), 'byline-e2e-'));
      const testOrigins = [`http://${config.hostname ?? 'localhost'}:${config.port}`, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
      // Sign-in is optional on the e2e servers: anonymous flows work as before, and the identity and desk
      // tests sign tokens with this secret.
      const ssoSecret = 'e2e-sso-secret-0123456789abcdef0123456789';
      const start = async (name, rateLimits, more = {}) => {
        const app = await buildApp({
          dbPath: join(folder, `${name}.sqlite`),
          allowedOrigins: testOrigins,
          adminToken: 'e2e-admin-token',
          rateLimits,
          auth: 'optional',
          sso: { secret: ssoSecret },
          ...more,
        });
        await app.listen({ port: 0, host: '127.0.0.1' });
        apps.push(app);
        return `http://127.0.0.1:${app.server.address().port}`;
      };
      // One server with generous limits for the flows, one with the default post limit for 429s.
      const main = await start('main', { post: { max: 10_000, timeWindow: 60_000 }, read: { max: 10_000, timeWindow: 60_000 } });
      const limited = await start('limited', { post: { max: 2, timeWindow: 60_000 } });
      const generous = { post: { max: 10_000, timeWindow: 60_000 }, read: { max: 10_000, timeWindow: 60_000 } };
      // Sign-in required; and a server whose clock moves on a second at every reading, with no edit window,
      // so an author's edit is always after the window (a fake clock, no waiting).
      const required = await start('required', generous, { auth: 'required' });
      // Sign-in off (the default mode): a page may still hold a token, which this server ignores.
      const anonymous = await start('anonymous', generous, { auth: 'anonymous', sso: undefined });
      let tick = Date.now();
      const closed = await start('closed', generous, { editWindowS: 0, now: () => new Date((tick += 1000)) });
      moduleSource = [
        `export const requiredApi = ${JSON.stringify(`${required}/api`)};`,
        `export const closedApi = ${JSON.stringify(`${closed}/api`)};`,
        `export const anonymousApi = ${JSON.stringify(`${anonymous}/api`)};`,
        `export const origin = ${JSON.stringify(main)};`,
        `export const api = ${JSON.stringify(`${main}/api`)};`,
        `export const limitedApi = ${JSON.stringify(`${limited}/api`)};`,
        `export const adminToken = 'e2e-admin-token';`,
        `export const ssoSecret = ${JSON.stringify(ssoSecret)};`,
      ].join('\n');
    },

    serve(context) {
      if (context.path === '/__byline-e2e.js') return { body: moduleSource, type: 'js' };
      return undefined;
    },

    async serverStop() {
      await Promise.all(apps.map((app) => app.close()));
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
