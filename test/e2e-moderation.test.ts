/**
 * The moderation loop end to end, in Chromium against the real reference server on a real SQLite file
 * (test/reference-server-plugin.mjs): a reader signed in through the site's login (a token signed here,
 * as a partner's backend would sign it) posts through <byline-comment-box> with `authToken`; a moderator
 * signs in to the desk (<byline-desk>, the page served at /admin/) with a moderator token and acts on
 * the comment by clicking; the reader's comment box, opened again, shows the outcome.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { SignJWT } from 'jose';
// @ts-expect-error served by the reference-server plugin at test time
import { api, ssoSecret } from '/__byline-e2e.js';
import '../src/index.js';
import type { BylineCommentBox } from '../src/index.js';
import type { WireComment } from '../src/core/wire-types.js';
import vi from '../src/locales/vi.js';
import '../server/desk/desk.js';
import type { BylineDesk } from '../server/desk/desk.js';
import { type } from './fixtures.js';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let serial = 0;
const uniqueThread = () => `mod-e2e-${run}-${++serial}`;

/** What the partner's backend does for its signed-in reader (HS256 with the shared secret). */
function signedToken(sub: string, name: string, roles: string[] = []): Promise<string> {
  return new SignJWT({ name, roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('10m').sign(new TextEncoder().encode(ssoSecret));
}

// The reader's side: the comment box, signed in with `authToken`.
async function openBox(thread: string, authToken: string, lang = 'en'): Promise<BylineCommentBox> {
  const el = await fixture<BylineCommentBox>(
    html`<byline-comment-box api=${api} thread=${thread} lang=${lang} loading="eager" .authToken=${authToken}></byline-comment-box>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('[part="skeleton"]'), 'the list loads');
  // The signed-in form comes with the comment actions, a chunk loaded once the thread is shown.
  await waitUntil(() => el.querySelector('.byline-comment-form__identity'), 'the signed-in reader is shown');
  await el.updateComplete;
  return el;
}
const bodies = (el: BylineCommentBox) => [...el.shadowRoot!.querySelectorAll('[part="text"]')].map((node) => node.textContent!.trim());
const authors = (el: BylineCommentBox) => [...el.shadowRoot!.querySelectorAll('[part="author"]')].map((node) => node.textContent!.trim());
const heading = (el: BylineCommentBox) => el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();
/** Whether the box asks for a name: a signed-in reader's name comes from the token instead. */
function asksForName(el: BylineCommentBox): boolean {
  const field = el.querySelector<HTMLInputElement>('form [name="name"]');
  return Boolean(field && field.getClientRects().length > 0);
}
const shownText = (el: BylineCommentBox) => `${el.shadowRoot!.textContent} ${el.textContent}`;

/** Types a comment into the box and sends it; resolves with the server's answer or the box's error event. */
async function postThroughBox(el: BylineCommentBox, body: string): Promise<{ comment?: WireComment; status?: number }> {
  type(el, 'body', body);
  await el.updateComplete;
  const answered = Promise.race([
    oneEvent(el, 'byline-comment-posted').then((event) => ({ comment: event.detail.comment as WireComment })),
    oneEvent(el, 'byline-error').then((event) => ({ status: event.detail.status as number })),
  ]);
  el.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  return answered;
}

// The moderator's side: the desk, signed in with a moderator token, working the "Recent" queue (newest
// first, every status), so comments other tests leave pending never push this one off the first page.
const deskRoot = (desk: BylineDesk) => desk.shadowRoot!;
const deskStatus = (desk: BylineDesk) => deskRoot(desk).querySelector('[role=status]')!.textContent;
const deskItem = (desk: BylineDesk, text: string) =>
  ([...deskRoot(desk).querySelectorAll('ol.items > li')] as HTMLElement[]).find((li) => li.textContent!.includes(text));
const deskButton = (scope: Element | ShadowRoot, label: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement;

async function openDesk(moderatorToken: string): Promise<BylineDesk> {
  sessionStorage.clear();
  const desk = await fixture<BylineDesk>(html`<byline-desk .api=${api}></byline-desk>`);
  (deskRoot(desk).querySelector('#token') as HTMLInputElement).value = moderatorToken;
  (deskRoot(desk).querySelector('form') as HTMLFormElement).requestSubmit();
  await waitUntil(() => deskRoot(desk).textContent!.includes('Signed in as'), 'the moderator is signed in');
  return desk;
}

async function findInDesk(desk: BylineDesk, text: string): Promise<HTMLElement> {
  await waitUntil(() => {
    if (!deskItem(desk, text)) deskButton(deskRoot(desk), 'Recent').click();
    return deskItem(desk, text);
  }, `the desk lists "${text}"`);
  return deskItem(desk, text)!;
}

describe('end to end: sign in, post, moderate in the desk, see the result in the comment box', () => {
  const realConfirm = window.confirm;
  let questions: string[] = [];
  beforeEach(() => {
    questions = [];
    // The desk asks before every action; the moderator says yes.
    window.confirm = (question?: string) => (questions.push(String(question)), true);
  });
  afterEach(() => {
    window.confirm = realConfirm;
    sessionStorage.clear();
  });

  it('a signed-in reader\'s comment held for review is approved in the desk and then shows under the reader\'s name', async () => {
    const thread = uniqueThread();
    const reader = await signedToken(`reader-${run}`, 'Somchai Reader');
    const box = await openBox(thread, reader);
    expect(asksForName(box), 'no name field for a signed-in reader').to.equal(false);
    expect(shownText(box)).to.include('Somchai Reader');
    await expect(box).to.be.accessible();

    const text = `The full report is at www.example.org/report ${run}`;
    const { comment } = await postThroughBox(box, text);
    expect(comment!.status, 'a link waits for review').to.equal('pending');
    expect(comment!.author).to.deep.include({ id: `sso:reader-${run}`, name: 'Somchai Reader' });
    box.remove();
    expect(bodies(await openBox(thread, reader)), 'not shown before review').to.deep.equal([]);

    const desk = await openDesk(await signedToken(`mod-${run}`, 'Desk Editor', ['moderator']));
    expect(deskRoot(desk).textContent).to.include(`Signed in as sso:mod-${run}`);
    const item = await findInDesk(desk, text);
    expect(item.textContent).to.include(`signed in as sso:reader-${run}`);
    expect(item.textContent).to.include('pending');
    await expect(desk).to.be.accessible();
    deskButton(item, 'Approve').click();
    await waitUntil(() => deskStatus(desk) === 'Comment approved.', 'approved');
    expect(questions).to.deep.equal(['Approve this comment by Somchai Reader?']);
    deskButton(deskRoot(desk), 'Audit log').click();
    await waitUntil(() => deskRoot(desk).querySelector('tbody tr'), 'the audit log loads');
    const audit = [...deskRoot(desk).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent).join(' '));
    expect(audit, 'who approved what').to.include(`sso:mod-${run} approve ${comment!.id}`);
    desk.remove();

    const reopened = await openBox(thread, reader);
    expect(bodies(reopened)).to.deep.equal([text]);
    expect(authors(reopened)).to.deep.equal(['Somchai Reader']);
    expect(heading(reopened)).to.equal('Comments (1)');
    await expect(reopened).to.be.accessible();
  });

  it('a signed-in reader\'s comment deleted in the desk is gone from the comment box', async () => {
    const thread = uniqueThread();
    const reader = await signedToken(`deleted-${run}`, 'Lan Reader');
    const box = await openBox(thread, reader);
    const text = `Published at once, deleted later ${run}`;
    const { comment } = await postThroughBox(box, text);
    expect(comment!.status).to.equal('published');
    expect(comment!.author.id).to.equal(`sso:deleted-${run}`);
    expect(bodies(box)).to.deep.equal([text]);
    box.remove();

    const desk = await openDesk(await signedToken(`mod-${run}`, 'Desk Editor', ['moderator']));
    deskButton(await findInDesk(desk, text), 'Delete').click();
    await waitUntil(() => deskStatus(desk) === 'Comment deleted.', 'deleted');
    expect(questions).to.deep.equal(['Delete this comment by Lan Reader?']);
    desk.remove();

    const reopened = await openBox(thread, reader);
    expect(bodies(reopened)).to.deep.equal([]);
    expect(shownText(reopened)).not.to.include(text);
    expect(heading(reopened)).to.equal('Comments (0)');
    await expect(reopened).to.be.accessible();
  });

  it('an author banned in the desk has their next post refused with the localized message, and keeps the draft', async () => {
    const thread = uniqueThread();
    const reader = await signedToken(`banned-${run}`, 'Troll Reader');
    const box = await openBox(thread, reader, 'vi');
    const first = `Bình luận đầu tiên ${run}`;
    const { comment } = await postThroughBox(box, first);
    expect(comment!.author.id).to.equal(`sso:banned-${run}`);
    box.remove();

    const desk = await openDesk(await signedToken(`mod-${run}`, 'Desk Editor', ['moderator']));
    const item = await findInDesk(desk, first);
    (item.querySelector('select') as HTMLSelectElement).value = '7';
    deskButton(item, 'Ban author').click();
    await waitUntil(() => deskStatus(desk) === 'Author banned for 7 days.', 'banned');
    expect(questions).to.deep.equal(['Ban the author of this comment for 7 days?']);
    desk.remove();

    const reopened = await openBox(thread, reader, 'vi');
    expect(bodies(reopened), 'the earlier comment stays').to.deep.equal([first]);
    const again = `Lại nữa ${run}`;
    const { status } = await postThroughBox(reopened, again);
    expect(status).to.equal(403);
    await reopened.updateComplete;
    // The refusal in the reader's language: a dedicated "banned" text if the locale has one, else the
    // generic refusal.
    const refusal = (vi as unknown as Record<string, string>).banned ?? vi.rejected;
    expect(reopened.querySelector('.byline-comment-form__message')!.textContent!.trim()).to.equal(refusal);
    expect(reopened.querySelector<HTMLTextAreaElement>('form [name="body"]')!.value, 'nothing the reader typed is lost').to.equal(again);
    expect(bodies(reopened)).to.deep.equal([first]);
    await expect(reopened).to.be.accessible();
  });
});
