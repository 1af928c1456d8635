/**
 * Sign-in, signed-in marks and the author and reader controls of the comment box, in Chromium against the
 * real reference server (test/reference-server-plugin.mjs): sign-in optional (`api`), required
 * (`requiredApi`), off (`anonymousApi`), and a server whose edit window is always over (`closedApi`). Tokens are real HS256
 * JWTs signed here with the servers' secret, or with another one (forged).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SignJWT } from 'jose';
// @ts-expect-error served by the reference-server plugin at test time
import { anonymousApi, api, closedApi, requiredApi, ssoSecret } from '/__byline-e2e.js';
import sinon from 'sinon';
import '../src/comment-box.js';
import type { BylineCommentBox } from '../src/comment-box.js';
import { identityOf } from '../src/comment-box/comment-actions.js';

let serial = 0;
const uniqueThread = () => `auth-${Date.now().toString(36)}-${++serial}`;
const PICTURE = 'https://images.example/avatar.png';

function sign(claims: { sub: string; name: string; picture?: string }, options: { secret?: string; exp?: string | number } = {}) {
  return new SignJWT({ name: claims.name, picture: claims.picture })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setExpirationTime(options.exp ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? ssoSecret));
}

/** A comment posted straight to the server, as another page would. */
async function post(base: string, thread: string, body: string, options: { token?: string; name?: string; parentId?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const payload = { body, parentId: options.parentId, author: options.token ? undefined : { name: options.name ?? 'Reader' } };
  const answer = await fetch(`${base}/threads/${thread}/comments`, { method: 'POST', headers, body: JSON.stringify(payload) });
  expect(answer.status, await answer.clone().text()).to.equal(201);
  return (await answer.json()).comment as { id: string };
}

async function box(thread: string, options: { base?: string; lang?: string; token?: string } = {}) {
  const el = await fixture<BylineCommentBox>(
    html`<byline-comment-box api=${options.base ?? api} thread=${thread} lang=${options.lang ?? 'en'} loading="eager"
      .authToken=${options.token}></byline-comment-box>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('[part="skeleton"]'), 'the list loads');
  return el;
}

/** Types like a reader into a field (one input event). */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const $ = <T extends Element = HTMLElement>(el: BylineCommentBox, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const article = (el: BylineCommentBox, id: string) => $(el, `article[data-id="${id}"]`)!;
const action = (el: BylineCommentBox, kind: string, id: string) => $<HTMLButtonElement>(el, `[data-action="${kind}-${id}"]`);
const status = (el: BylineCommentBox) => $(el, '[role="status"]')!.textContent!.trim();
const alert = (el: BylineCommentBox) => $(el, '[role="alert"]')!.textContent!.trim();
const formMessage = (el: BylineCommentBox) => el.querySelector('.byline-comment-form__message')?.textContent?.trim();
const focused = (el: BylineCommentBox) => el.shadowRoot!.activeElement ?? document.activeElement;

/** Focuses `target` and presses Enter: a keyboard reader's activation. */
async function press(target: HTMLElement | null, key = 'Enter') {
  expect(target, 'the control is there').to.not.equal(null);
  target!.focus();
  await sendKeys({ press: key });
}

describe('comment box: sign-in and comment actions (reference server)', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('posts signed in: the name comes from the token (no name field, none sent), the comment carries author.id and a signed-in mark', async () => {
    const thread = uniqueThread();
    await post(api, thread, 'An anonymous comment', { name: 'Ana ✓ Signed in' });
    const token = await sign({ sub: 'reader-1', name: 'Nok Signed', picture: PICTURE });
    const el = await box(thread, { token });
    await waitUntil(() => el.querySelector('.byline-comment-form__identity'), 'the signed-in reader is shown');
    expect(el.querySelector('.byline-comment-form__identity')!.textContent!.trim()).to.equal('Commenting as Nok Signed');
    const picture = el.querySelector<HTMLImageElement>('.byline-comment-form__identity img')!;
    expect([picture.src, picture.alt, picture.loading, picture.width]).to.deep.equal([PICTURE, '', 'lazy', 32]);
    expect(el.querySelector('[name="name"]'), 'no name field').to.equal(null);
    await expect(el).to.be.accessible();

    let sent: Record<string, unknown> | undefined;
    el.addEventListener('byline-comment-submit', (event) => (sent = event.detail.body));
    type(el.querySelector('textarea')!, 'Signed and sent');
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await oneEvent(el, 'byline-comment-posted');
    expect(sent!.author, 'no name is sent').to.equal(undefined);
    expect(detail.comment.author).to.deep.equal({ name: 'Nok Signed', id: 'sso:reader-1', picture: PICTURE });
    await el.updateComplete;
    const mine = article(el, detail.comment.id);
    expect(mine.querySelector('[part="signed-in"]')!.textContent!.trim()).to.equal('✓ Signed in');
    expect(mine.querySelector<HTMLImageElement>('[part="avatar"]')!.alt).to.equal('');
    const anonymous = [...el.shadowRoot!.querySelectorAll('article')].find((node) => node.textContent!.includes('An anonymous comment'))!;
    expect(anonymous.querySelector('[part="signed-in"]'), 'a free-text name gets no mark, whatever it says').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('when the server requires sign-in: a sign-in prompt in place of the form, a cancelable byline-auth-required, and the draft back once signed in', async () => {
    const thread = uniqueThread();
    localStorage.setItem(`byline-comment-draft:${requiredApi}|${thread}|`, JSON.stringify({ name: '', body: 'Written before signing in' }));
    const el = await box(thread, { base: requiredApi, lang: 'vi' });
    const button = await waitUntil(() => el.querySelector<HTMLButtonElement>('[data-sign-in]'), 'the sign-in prompt').then(() => el.querySelector<HTMLButtonElement>('[data-sign-in]')!);
    expect(button.textContent!.trim()).to.equal('Đăng nhập để bình luận');
    expect(el.querySelector('textarea'), 'no form fields').to.equal(null);
    await expect(el).to.be.accessible();

    // The page takes it on (preventDefault): the box adds nothing of its own.
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('byline-auth-required', cancel);
    const taken = oneEvent(el, 'byline-auth-required');
    await press(button);
    const first = await taken;
    expect([first.detail.reason, first.cancelable, first.bubbles, first.composed, first.defaultPrevented]).to.deep.equal(['required', true, true, true, true]);
    await el.updateComplete;
    const HINT = 'Hãy đăng nhập trên trang này rồi quay lại để bình luận.';
    expect(formMessage(el), 'no hint when the page handles sign-in').to.not.equal(HINT);
    el.removeEventListener('byline-auth-required', cancel);

    // Nobody answers: the reader is told where to sign in.
    await press(el.querySelector<HTMLButtonElement>('[data-sign-in]'));
    await el.updateComplete;
    expect(formMessage(el)).to.equal(HINT);
    expect(status(el)).to.equal(HINT);

    // The page takes it on (preventDefault) and signs the reader in.
    const token = await sign({ sub: 'reader-2', name: 'Minh' });
    el.addEventListener('byline-auth-required', (event) => {
      event.preventDefault();
      setTimeout(() => (el.authToken = token));
    }, { once: true });
    await press(el.querySelector<HTMLButtonElement>('[data-sign-in]'));
    await waitUntil(() => el.querySelector('textarea'), 'the form comes back');
    expect(el.querySelector('textarea')!.value, 'with the draft').to.equal('Written before signing in');
    expect(el.querySelector('.byline-comment-form__identity')!.textContent!.trim()).to.equal('Bình luận với tên Minh');
    await waitUntil(() => document.activeElement === el.querySelector('textarea'), 'focus goes to the comment field');
    await expect(el).to.be.accessible();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await oneEvent(el, 'byline-comment-posted');
    expect(detail.comment.author.id).to.equal('sso:reader-2');
  });

  it('a post refused with 401 auth_required (sign-in became required after the page loaded): the localized prompt, byline-auth-required, and the draft back once signed in', async () => {
    const thread = uniqueThread();
    // The first page as the server gave it while sign-in was optional (a page rendered or cached before
    // the mode changed); the server the box posts to now requires sign-in.
    const first = await (await fetch(`${api}/threads/${thread}/comments?limit=20&sort=newest`)).json();
    expect(first.auth).to.equal('optional');
    const el = await fixture<BylineCommentBox>(
      html`<byline-comment-box api=${requiredApi} thread=${thread} lang="vi" loading="eager" .page=${first}></byline-comment-box>`,
    );
    await waitUntil(() => el.querySelector('[name="name"]'), 'the anonymous form');
    type(el.querySelector<HTMLInputElement>('[name="name"]')!, 'Lan');
    type(el.querySelector('textarea')!, 'Viết khi chưa đăng nhập');
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitUntil(() => el.querySelector('[data-sign-in]'), 'the sign-in prompt');
    const prompt = el.querySelector<HTMLButtonElement>('[data-sign-in]')!;
    expect(prompt.textContent!.trim()).to.equal('Đăng nhập để bình luận');
    expect(el.querySelector('textarea'), 'no form fields').to.equal(null);
    const PROMPT = 'Đăng nhập bằng tài khoản của bạn trên trang này để tham gia thảo luận.';
    expect(el.querySelector('.byline-comment-form p')!.textContent!.trim()).to.equal(PROMPT);
    expect(status(el)).to.equal(PROMPT);
    await waitUntil(() => document.activeElement === prompt, 'focus on the sign-in button');
    expect(el.shadowRoot!.querySelectorAll('article'), 'nothing posted').to.have.length(0);
    await expect(el).to.be.accessible();

    // The page signs the reader in when asked.
    const token = await sign({ sub: 'reader-401', name: 'Minh' });
    const asked = oneEvent(el, 'byline-auth-required');
    el.addEventListener('byline-auth-required', (event) => {
      event.preventDefault();
      setTimeout(() => (el.authToken = token));
    }, { once: true });
    await press(prompt);
    expect((await asked).detail.reason).to.equal('required');
    await waitUntil(() => el.querySelector('textarea'), 'the form comes back');
    expect(el.querySelector('textarea')!.value, 'with the draft').to.equal('Viết khi chưa đăng nhập');
    expect(el.querySelector('.byline-comment-form__identity')!.textContent!.trim()).to.equal('Bình luận với tên Minh');
    await expect(el).to.be.accessible();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await oneEvent(el, 'byline-comment-posted');
    expect([detail.comment.body, detail.comment.author.id]).to.deep.equal(['Viết khi chưa đăng nhập', 'sso:reader-401']);
  });

  it('a server that says sign-in is off ("auth": "anonymous") gets the name field although a token is set, and the typed name', async () => {
    const thread = uniqueThread();
    const other = await post(anonymousApi, thread, 'Someone else');
    const el = await box(thread, { base: anonymousApi, token: await sign({ sub: 'reader-4', name: 'Token Name' }) });
    // The comment actions have loaded (Report is theirs), so the form shows what they decided.
    await waitUntil(() => action(el, 'report', other.id), 'the comment actions');
    await el.updateComplete;
    expect(el.querySelector('[name="name"]'), 'the name field').to.not.equal(null);
    expect(el.querySelector('.byline-comment-form__identity'), 'no signed-in identity').to.equal(null);
    await expect(el).to.be.accessible();
    type(el.querySelector<HTMLInputElement>('[name="name"]')!, 'Typed Name');
    type(el.querySelector('textarea')!, 'Posted by name');
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await oneEvent(el, 'byline-comment-posted');
    expect(detail.comment.author).to.deep.equal({ name: 'Typed Name' });
  });

  it('a reader who posted without signing in is offered Report on others\' comments, not on their own', async () => {
    const thread = uniqueThread();
    const other = await post(anonymousApi, thread, 'Someone else');
    const el = await box(thread, { base: anonymousApi });
    await waitUntil(() => action(el, 'report', other.id), 'the comment actions');
    type(el.querySelector<HTMLInputElement>('[name="name"]')!, 'Lan');
    type(el.querySelector('textarea')!, 'My own comment');
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await oneEvent(el, 'byline-comment-posted');
    expect(detail.comment.status, 'published at once, so Report would apply').to.equal('published');
    await waitUntil(() => article(el, detail.comment.id), 'the new comment is shown');
    await el.updateComplete;
    // Booleans, not elements: a failing comparison of an element would be serialized whole.
    expect(!!action(el, 'report', detail.comment.id), 'Report on their own comment').to.equal(false);
    expect(!!action(el, 'report', other.id), 'Report on the other comment').to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const [what, make] of [
    ['an expired', () => sign({ sub: 'reader-3', name: 'Late' }, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a forged', () => sign({ sub: 'reader-3', name: 'Forger' }, { secret: 'not-the-servers-secret-0123456789abcdef' })],
  ] as const) {
    it(`a post with ${what} token: the localized "sign-in expired" message, byline-auth-required, and the draft kept`, async () => {
      const thread = uniqueThread();
      const el = await box(thread, { lang: 'th', token: await make() });
      await waitUntil(() => el.querySelector('.byline-comment-form__identity'), 'the identity the token claims');
      type(el.querySelector('textarea')!, 'Keep this text');
      const asked = oneEvent(el, 'byline-auth-required');
      el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      expect((await asked).detail.reason).to.equal('expired');
      await el.updateComplete;
      expect(formMessage(el)).to.equal('การเข้าสู่ระบบหมดอายุแล้ว โปรดเข้าสู่ระบบอีกครั้งเพื่อดำเนินการต่อ ข้อความของคุณยังอยู่');
      expect(el.querySelector('textarea')!.value).to.equal('Keep this text');
      expect(el.shadowRoot!.querySelectorAll('article'), 'nothing posted').to.have.length(0);
      await expect(el).to.be.accessible();

      el.authToken = await sign({ sub: 'reader-3', name: 'Back Again' });
      await el.updateComplete;
      el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const { detail } = await oneEvent(el, 'byline-comment-posted');
      expect([detail.comment.body, detail.comment.author.name]).to.deep.equal(['Keep this text', 'Back Again']);
    });
  }

  it('a malformed token shows no identity (the name field stays) and warns once', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await box(uniqueThread(), { token: 'not-a-jwt' });
    await waitUntil(() => warn.calledWithMatch(/auth-token is not a sign-in token/), 'the warning');
    el.pageSize = 10;
    await el.updateComplete;
    expect(el.querySelector('[name="name"]'), 'the name field').to.not.equal(null);
    expect(warn.getCalls().filter((call) => /auth-token/.test(String(call.args[0])))).to.have.length(1);
    expect(identityOf('a.b.c')).to.equal(undefined);
  });

  it('the author edits their comment from the keyboard: inline editor, Save, "edited" shown, focus back on the comment', async () => {
    const thread = uniqueThread();
    const token = await sign({ sub: 'author-1', name: 'Author' });
    const { id } = await post(api, thread, 'First version', { token });
    const el = await box(thread, { token });
    await waitUntil(() => action(el, 'edit', id), 'the Edit button');
    await press(action(el, 'edit', id));
    await waitUntil(() => focused(el) === $(el, 'textarea'), 'focus in the editor');
    const editor = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(editor.value).to.equal('First version');
    await expect(el).to.be.accessible();
    editor.select();
    await sendKeys({ type: 'Second version' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => article(el, id).querySelector('[part="edited"]'), '"edited" is shown');
    expect(article(el, id).querySelector('[part="text"]')!.textContent!.trim()).to.equal('Second version');
    expect(status(el)).to.equal('Your comment was updated.');
    await waitUntil(() => focused(el) === article(el, id), 'focus on the comment');
    await expect(el).to.be.accessible();
  });

  it('an edit after the window: the localized 403 message, and the edited text kept in the editor', async () => {
    const thread = uniqueThread();
    const token = await sign({ sub: 'author-2', name: 'Slow' });
    const { id } = await post(closedApi, thread, 'Too late to change', { token });
    const el = await box(thread, { base: closedApi, lang: 'de', token });
    await waitUntil(() => action(el, 'edit', id), 'the Edit button');
    await press(action(el, 'edit', id));
    await waitUntil(() => $(el, 'textarea'), 'the editor');
    type($<HTMLTextAreaElement>(el, 'textarea')!, 'Changed anyway');
    $<HTMLButtonElement>(el, '.editor .button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.editor [data-alert]'), 'the refusal');
    expect($(el, '.editor [data-alert]')!.textContent!.trim()).to.equal('Dieser Kommentar kann nicht mehr bearbeitet werden.');
    expect(alert(el)).to.equal('Dieser Kommentar kann nicht mehr bearbeitet werden.');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Changed anyway');
    await expect(el).to.be.accessible();
  });

  it('the author deletes, after confirming: a comment without replies leaves (total updates, focus to the next), one with replies shows "This comment was deleted."', async () => {
    const thread = uniqueThread();
    const token = await sign({ sub: 'author-3', name: 'Deleter' });
    const withReplies = await post(api, thread, 'Has a reply', { token });
    await post(api, thread, 'A reply from someone else', { name: 'Other', parentId: withReplies.id });
    const alone = await post(api, thread, 'Alone', { token });
    const el = await box(thread, { token });
    const heading = () => $(el, '[part="heading"]')!.textContent!.trim();
    expect(heading()).to.equal('Comments (3)');
    await waitUntil(() => action(el, 'delete', alone.id), 'the Delete button');

    await press(action(el, 'delete', alone.id));
    await waitUntil(() => focused(el) === action(el, 'confirm', alone.id), 'focus on the confirmation');
    expect($(el, `[role="group"]`)!.textContent).to.contain('Delete your comment? This cannot be undone.');
    await expect(el).to.be.accessible();
    // Cancel goes back, with focus on Delete.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === action(el, 'delete', alone.id), 'focus back on Delete');
    await press(action(el, 'delete', alone.id));
    await waitUntil(() => focused(el) === action(el, 'confirm', alone.id), 'the confirmation again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(el, `article[data-id="${alone.id}"]`), 'the comment leaves');
    expect(heading()).to.equal('Comments (2)');
    expect(status(el)).to.equal('Your comment was deleted.');
    await waitUntil(() => focused(el) === article(el, withReplies.id), 'focus on the next comment');

    await press(action(el, 'delete', withReplies.id));
    await waitUntil(() => action(el, 'confirm', withReplies.id), 'the confirmation');
    await press(action(el, 'confirm', withReplies.id));
    await waitUntil(() => article(el, withReplies.id).querySelector('.deleted'), 'the placeholder');
    expect(article(el, withReplies.id).textContent!.trim()).to.equal('This comment was deleted.');
    expect([...el.shadowRoot!.querySelectorAll('[part="text"]')].map((node) => node.textContent!.trim())).to.deep.equal([
      'This comment was deleted.',
      'A reply from someone else',
    ]);
    expect(heading()).to.equal('Comments (1)');
    await expect(el).to.be.accessible();

    // The server agrees.
    const page = await (await fetch(`${api}/threads/${thread}/comments`)).json();
    expect([page.total, page.items.length]).to.deep.equal([1, 2]);
  });

  it('a reader reports another reader\'s comment after confirming ("Reported"); a second report says it was already reported', async () => {
    const thread = uniqueThread();
    const { id } = await post(api, thread, 'Something to report', { name: 'Troll' });
    const el = await box(thread, { lang: 'fr' });
    await waitUntil(() => action(el, 'report', id), 'the Report button');
    expect(action(el, 'report', id)!.textContent!.trim()).to.equal('Signaler');
    // Many comments have a Report button: each is described by its comment's author.
    const describedBy = action(el, 'report', id)!.getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(describedBy)?.textContent, 'Report is described by the author').to.equal('Troll');
    expect(action(el, 'edit', id), 'no Edit on others\' comments').to.equal(null);
    await press(action(el, 'report', id));
    await waitUntil(() => focused(el) === action(el, 'confirm', id), 'the confirmation');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => article(el, id).querySelector('[part="actions"] .note'), 'reported');
    expect(article(el, id).querySelector('[part="actions"] span.note')!.textContent!.trim()).to.equal('Signalé');
    expect(article(el, id).querySelector('[part="actions"] p')!.textContent!.trim()).to.equal('Merci. Les modérateurs vont examiner ce commentaire.');
    expect(action(el, 'report', id), 'no second Report button').to.equal(null);
    await expect(el).to.be.accessible();

    const again = await box(thread, { lang: 'fr' });
    await waitUntil(() => action(again, 'report', id), 'the Report button');
    await press(action(again, 'report', id));
    await waitUntil(() => action(again, 'confirm', id), 'the confirmation');
    await press(action(again, 'confirm', id));
    await waitUntil(() => article(again, id).querySelector('[part="actions"] .note'), 'the answer');
    expect(article(again, id).querySelector('[part="actions"] p')!.textContent!.trim()).to.equal('Vous avez déjà signalé ce commentaire.');
    await expect(again).to.be.accessible();
  });
});
