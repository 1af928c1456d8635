/**
 * The moderation desk in Chromium against the real reference server (test/reference-server-plugin.mjs):
 * sign in, work the queues, every action, the audit log, and what readers then see.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SignJWT } from 'jose';
import sinon from 'sinon';
// @ts-expect-error served by the reference-server plugin at test time
import { adminToken, api, ssoSecret } from '/__byline-e2e.js';
import '../../server/desk/desk.js';
import type { BylineDesk } from '../../server/desk/desk.js';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const THREAD = `desk-${run}`;

async function token(sub: string, name: string, roles: string[] = []): Promise<string> {
  return new SignJWT({ name, roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('10m').sign(new TextEncoder().encode(ssoSecret));
}

async function post(body: string, options: { name?: string; auth?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': `desk-${run}-${Math.random().toString(36).slice(2)}` };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  return fetch(`${api}/threads/${THREAD}/comments`, { method: 'POST', headers, body: JSON.stringify({ author: { name: options.name ?? 'Reader' }, body }) });
}

const root = (el: BylineDesk) => el.shadowRoot!;
const items = (el: BylineDesk) => [...root(el).querySelectorAll('ol.items > li')] as HTMLElement[];
const itemWith = (el: BylineDesk, text: string) => items(el).find((li) => li.textContent!.includes(text));
const button = (scope: Element | ShadowRoot, label: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement;

async function signIn(el: BylineDesk, secret: string): Promise<void> {
  const input = root(el).querySelector('#token') as HTMLInputElement;
  input.value = secret;
  (root(el).querySelector('form') as HTMLFormElement).requestSubmit();
  await waitUntil(() => root(el).textContent!.includes('Signed in as'), 'signed in');
}

describe('moderation desk', () => {
  let confirmations: string[] = [];
  const realConfirm = window.confirm;
  beforeEach(() => {
    sessionStorage.clear();
    confirmations = [];
    window.confirm = (question?: string) => (confirmations.push(String(question)), true);
  });
  afterEach(() => {
    window.confirm = realConfirm;
  });

  it('signs in with the admin token, approves a pending comment, and readers then see it', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await post(`see www.example.com ${run}`, { name: hostile });
    const el = await fixture<BylineDesk>(html`<byline-desk .api=${api}></byline-desk>`);
    await expect(el).to.be.accessible();
    await signIn(el, adminToken);
    await waitUntil(() => itemWith(el, run), 'the pending comment is listed');
    const item = itemWith(el, run)!;
    expect(item.textContent).to.include(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();

    button(item, 'Approve').click();
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Comment approved.', 'approved');
    expect(confirmations[0]).to.match(/^Approve this comment/);
    const page = await (await fetch(`${api}/threads/${THREAD}/comments`)).json();
    expect(page.items.map((c: { body: string }) => c.body)).to.include(`see www.example.com ${run}`);
    expect(sessionStorage.getItem('byline-desk-token')).to.equal(adminToken);
  });

  it('a reader token is refused; a moderator token signs in under its id', async () => {
    const el = await fixture<BylineDesk>(html`<byline-desk .api=${api}></byline-desk>`);
    const input = root(el).querySelector('#token') as HTMLInputElement;
    input.value = await token(`reader-${run}`, 'Reader');
    (root(el).querySelector('form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => root(el).querySelector('[role=alert]')!.textContent!.includes('moderator role'), 'refused');
    await expect(el).to.be.accessible();
    await signIn(el, await token(`mod-${run}`, 'Mod', ['moderator']));
    expect(root(el).textContent).to.include(`sso:mod-${run}`);
  });

  it('reported queue, reject, delete, ban (the next post is refused), erase, and the audit log', async () => {
    const troll = await token(`troll-${run}`, 'Troll');
    const reported = (await (await post(`rude ${run}`, { auth: troll })).json()).comment;
    const other = (await (await post(`other ${run}`, { auth: troll })).json()).comment;
    await fetch(`${api}/threads/${THREAD}/comments/${reported.id}/reports`, { method: 'POST' });

    const el = await fixture<BylineDesk>(html`<byline-desk .api=${api}></byline-desk>`);
    await signIn(el, adminToken);
    button(root(el), 'Reported').click();
    await waitUntil(() => itemWith(el, `rude ${run}`), 'reported comment listed');
    expect(itemWith(el, `rude ${run}`)!.textContent).to.include('1 report');
    await expect(el).to.be.accessible();

    button(itemWith(el, `rude ${run}`)!, 'Reject').click();
    await waitUntil(() => !itemWith(el, `rude ${run}`) && root(el).querySelector('[role=status]')!.textContent === 'Comment rejected.', 'rejected');

    button(root(el), 'Recent').click();
    await waitUntil(() => itemWith(el, `other ${run}`), 'recent lists it');
    const item = itemWith(el, `other ${run}`)!;
    (item.querySelector('select') as HTMLSelectElement).value = '7';
    button(item, 'Ban author').click();
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Author banned for 7 days.', 'banned');
    const refused = await post('again', { auth: troll });
    expect(refused.status).to.equal(403);
    expect((await refused.json()).error.code).to.equal('banned');

    button(itemWith(el, `other ${run}`)!, 'Delete').click();
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Comment deleted.', 'deleted');
    const keep = (await (await post(`keep ${run}`, { auth: await token(`keeper-${run}`, 'Keeper') })).json()).comment;
    await waitUntil(async () => {
      button(root(el), 'Recent').click();
      return itemWith(el, `keep ${run}`);
    }, 'new comment listed');
    button(itemWith(el, `keep ${run}`)!, 'Erase author').click();
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Author erased.', 'erased');
    expect(confirmations.at(-1)).to.include(`sso:keeper-${run}`);
    const page = await (await fetch(`${api}/threads/${THREAD}/comments`)).json();
    expect(page.items.map((c: { id: string }) => c.id)).not.to.include(keep.id);
    expect(page.items.map((c: { id: string }) => c.id)).not.to.include(other.id);

    button(root(el), 'Audit log').click();
    await waitUntil(() => root(el).querySelector('table tbody tr'), 'audit rows');
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const actions = rows.map((cells) => `${cells[1]} ${cells[2]} ${cells[3] || cells[4]}`);
    expect(actions).to.include(`admin-token erase sso:keeper-${run}`);
    expect(actions).to.include(`admin-token delete ${other.id}`);
    expect(actions).to.include(`admin-token ban ${other.id}`);
    expect(actions).to.include(`admin-token reject ${reported.id}`);
    await expect(el).to.be.accessible();
  });

  it('the partner bundle does not contain the desk', async () => {
    const bundle = await (await fetch('/cdn/byline.min.js')).text();
    expect(bundle.length).to.be.greaterThan(1000);
    expect(bundle).not.to.include('byline-desk');
    expect(bundle).not.to.include('moderation desk');
  });
});

describe('moderation desk strings (unit: the admin API is stubbed)', () => {
  let stub: sinon.SinonStub;
  const comment = (id: string, reports?: number) => ({
    id, thread: 't', parentId: null, author: { name: 'Lan' }, body: `body ${id}`, createdAt: '2026-01-01T00:00:00.000Z', status: 'pending', subject: null, reports,
  });
  const answer = (json: unknown) => new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });

  async function deskShowing(items: unknown[]): Promise<BylineDesk> {
    sessionStorage.clear();
    stub = sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input);
      if (url.endsWith('/admin/me')) return answer({ actor: 'admin-token' });
      if (url.includes('/admin/audit')) return answer({ items: items.map((_, i) => ({ id: i + 1, at: '2026-01-01T00:00:00.000Z', actor: 'admin-token', action: 'approve', commentId: 'c', subject: null, detail: null })), nextBefore: null });
      return answer({ items, nextCursor: null });
    });
    const el = await fixture<BylineDesk>(html`<byline-desk api="/stubbed-api"></byline-desk>`);
    await signIn(el, 'token');
    return el;
  }
  afterEach(() => {
    stub.restore();
    sessionStorage.clear();
  });

  it('says "1 comment shown" and "1 report" in the singular, "2 comments" and "2 reports" in the plural', async () => {
    const one = await deskShowing([comment('a', 1)]);
    await waitUntil(() => root(one).querySelector('[role=status]')!.textContent === '1 comment shown in pending.', 'singular');
    expect(itemWith(one, 'body a')!.textContent).to.match(/· 1 report\s/);
    stub.restore();
    const two = await deskShowing([comment('a', 2), comment('b')]);
    await waitUntil(() => root(two).querySelector('[role=status]')!.textContent === '2 comments shown in pending.', 'plural');
    expect(itemWith(two, 'body a')!.textContent).to.match(/· 2 reports\s/);
    button(root(two), 'Audit log').click();
    await waitUntil(() => root(two).querySelector('[role=status]')!.textContent === '2 audit entries shown.', 'audit plural');
    stub.restore();
    const audit = await deskShowing([comment('a')]);
    button(root(audit), 'Audit log').click();
    await waitUntil(() => root(audit).querySelector('[role=status]')!.textContent === '1 audit entry shown.', 'audit singular');
  });
});
