// demo/signed-in.html in Chromium against the real reference server with the demo sign-in on: the page
// signs the reader in with POST /demo/sign-in, hands the token to the comment box (`authToken`), keeps it
// across a reload, answers the box's `byline-auth-required` event, and signs out; with the demo sign-in
// off it says so.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

let dir: string;
let browser: Browser;
const apps: FastifyInstance[] = [];

async function serve(demoSignIn: boolean): Promise<string> {
  const app = await buildApp({ dbPath: join(dir, `${demoSignIn}.sqlite`), demoSignIn });
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'byline-demo-sign-in-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await Promise.all(apps.map((app) => app.close()));
  rmSync(dir, { recursive: true, force: true });
});

const boxToken = (page: Page) => page.evaluate(() => (document.getElementById('comments') as HTMLElement & { authToken?: string }).authToken);
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

test('signs in with the demo sign-in, gives the comment box a token the server accepts, keeps it on reload, answers byline-auth-required, signs out', async () => {
  const base = await serve(true);
  const page = await browser.newPage();
  await page.goto(`${base}/demo/signed-in.html`);
  assert.match(await page.textContent('.demo-banner') ?? '', /This is a demo sign-in[\s\S]*real signed token[\s\S]*A real site signs the token on its own backend/);
  assert.equal(await boxToken(page), undefined);

  // The box asks for a sign-in before the reader typed a name: the page asks for one.
  await page.evaluate(() => document.getElementById('comments')!.dispatchEvent(new CustomEvent('byline-auth-required', { bubbles: true, composed: true, cancelable: true })));
  await page.waitForFunction(() => document.getElementById('sign-in-status')!.textContent === 'Type a display name, then sign in.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'display-name');
  assert.equal(await boxToken(page), undefined);

  await page.fill('#display-name', 'Somchai <b>Demo</b>');
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])');
  const token = (await boxToken(page))!;
  assert.equal(claimsOf(token).name, 'Somchai <b>Demo</b>');
  assert.equal(await page.textContent('#signed-in-name'), 'Somchai <b>Demo</b>', 'the name is shown as text');
  assert.match((await page.textContent('#signed-in-id'))!, /^sso:demo-[0-9a-f]+$/);
  assert.equal(await page.isVisible('#sign-in-form'), false);
  // The token is real: the server signs the reader's comment with it.
  const posted = await fetch(`${base}/api/threads/demo-page/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'demo-page-test-1', authorization: `Bearer ${token}` },
    body: JSON.stringify({ body: 'Signed in on the demo page' }),
  });
  assert.equal(posted.status, 201);
  assert.equal((await posted.json()).comment.author.id, `sso:${claimsOf(token).sub}`);

  await page.reload();
  await page.waitForSelector('#signed-in:not([hidden])');
  assert.equal(await boxToken(page), token, 'still signed in after a reload (this tab)');

  await page.click('#sign-out');
  assert.equal(await boxToken(page), undefined);
  assert.equal(await page.getAttribute('#comments', 'auth-token'), null);
  assert.equal(await page.isVisible('#sign-in-form'), true);

  // Signed out, the box asks again: the page takes it over and signs the same name in with a fresh token.
  const prevented = await page.evaluate(() => {
    const event = new CustomEvent('byline-auth-required', { bubbles: true, composed: true, cancelable: true });
    document.getElementById('comments')!.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(prevented, true);
  await page.waitForSelector('#signed-in:not([hidden])');
  const again = (await boxToken(page))!;
  assert.notEqual(again, token);
  assert.equal(claimsOf(again).name, 'Somchai <b>Demo</b>');
  await page.close();
});

test('says the demo sign-in is off when the server does not serve it, and leaves the box signed out', async () => {
  const base = await serve(false);
  const page = await browser.newPage();
  await page.goto(`${base}/demo/signed-in.html`);
  await page.fill('#display-name', 'Lan');
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('sign-in-status')!.textContent!.includes('off'));
  assert.match((await page.textContent('#sign-in-status'))!, /^The demo sign-in is off on this server\./);
  assert.equal(await boxToken(page), undefined);
  assert.equal(await page.isVisible('#signed-in'), false);
  await page.close();
});
