import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { readDraft } from '../../src/comment-box/drafts.js';
import en from '../../src/locales/en.js';
import { API, apiError, clearDrafts, comment, created, fakeApi, page, THREAD } from '../comment-box-helpers.js';
import { captureWarnings } from '../fixtures.js';
import { FormHost, type } from './hosts.js';

const alert = (host: FormHost) => host.shadowRoot!.querySelector('[role="alert"]')!.textContent;
const status = (host: FormHost) => host.shadowRoot!.querySelector('[role="status"]')!.textContent;

async function mount(): Promise<FormHost> {
  const host = await fixture<FormHost>(html`<test-form-host api=${API} thread=${THREAD} maxLength="200"></test-form-host>`);
  host.pages.load();
  await waitUntil(() => host.pages.status === 'ready', 'the thread loads');
  type(host, 'name', 'Ann');
  type(host, 'body', 'Hello');
  return host;
}

/** Submits like a reader and waits until sending is over. */
async function send(host: FormHost): Promise<void> {
  host.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  await waitUntil(() => !host.form.sending, 'sending ends');
  await host.updateComplete;
}

describe('comment box posting', () => {
  let api: ReturnType<typeof fakeApi> | undefined;
  let warnings: ReturnType<typeof captureWarnings> | undefined;
  beforeEach(() => clearDrafts());
  afterEach(() => {
    api?.restore();
    api = undefined;
    warnings?.restore();
    warnings = undefined;
    clearDrafts();
  });

  it('posts once per submit, however often the reader presses while it is sending', async () => {
    let answer: () => void = () => undefined;
    api = fakeApi({ list: page([]), post: (request) => new Promise((resolve) => (answer = () => resolve(created(request)))) });
    const host = await mount();
    const button = host.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
    button.click();
    await host.updateComplete;
    expect(host.form.sending).to.equal(true);
    expect(button.textContent!.trim()).to.equal(en.sending);
    button.click();
    button.click();
    answer();
    await waitUntil(() => !host.form.sending, 'sending ends');
    expect(host.submits).to.equal(3);
    expect(api.posts()).to.have.length(1);
  });

  it('puts the stored comment in the list, forgets the draft and says it was published', async () => {
    api = fakeApi({ list: page([comment()], { total: 1 }) });
    const host = await mount();
    const id = host.form.draftId();
    const posted = oneEvent(host, 'byline-comment-posted');
    await send(host);
    const { comment: stored } = (await posted).detail;
    expect(host.pages.comments[0]!.id).to.equal(stored.id);
    expect(host.pages.total).to.equal(2);
    expect(readDraft(id)).to.equal(undefined);
    expect(host.form.draft).to.deep.equal({ name: 'Ann', body: '' });
    expect(status(host)).to.equal(en.posted);
  });

  it('lets a byline-comment-submit listener add fields or cancel the post', async () => {
    api = fakeApi();
    const host = await mount();
    host.addEventListener('byline-comment-submit', (event) => (event.detail.body.extra = 'partner'), { once: true });
    await send(host);
    expect(api.posts()[0]!.body).to.include({ extra: 'partner' });
    type(host, 'body', 'Second');
    host.addEventListener('byline-comment-submit', (event) => event.preventDefault(), { once: true });
    await send(host);
    expect(api.posts()).to.have.length(1);
    expect(host.form.draft.body).to.equal('Second');
  });

  it('sends the same key again after a failure, and a new one after a 409', async () => {
    warnings = captureWarnings();
    let reply: 'network' | '409' = 'network';
    api = fakeApi({ post: () => (reply === 'network' ? Promise.reject(new TypeError('offline')) : apiError(409, 'conflict')) });
    const host = await mount();
    await send(host);
    expect(alert(host)).to.equal(`${en.networkFailed} ${en.keptDraft}`);
    await send(host);
    const [first, second] = api.posts();
    expect(second!.key).to.equal(first!.key);
    reply = '409';
    await send(host);
    expect(alert(host)).to.equal(en.conflict);
    api.restore();
    api = fakeApi();
    await send(host);
    expect(api.posts()[0]!.key).not.to.equal(first!.key);
  });

  it('after a 429, waits out Retry-After without sending', async () => {
    warnings = captureWarnings();
    api = fakeApi({ post: () => apiError(429, 'rate_limited', undefined, { 'Retry-After': '120' }) });
    const host = await mount();
    await send(host);
    expect(alert(host)).to.equal('Too many comments in a short time. You can post again in 2 minutes.');
    await send(host);
    expect(api.posts()).to.have.length(1);
    expect(alert(host)).to.match(/You can post again in (2 minutes|119 seconds)\./);
  });

  it('marks and focuses the field the server refused', async () => {
    warnings = captureWarnings();
    api = fakeApi({ post: () => apiError(400, 'invalid', 'author.name') });
    const host = await mount();
    const error = oneEvent(host, 'byline-error');
    await send(host);
    expect((await error).detail).to.include({ kind: 'http', status: 400, field: 'author.name' });
    expect(host.form.errors).to.deep.equal({ name: en.nameInvalid });
    await waitUntil(() => document.activeElement === host.querySelector('form [name="name"]'), 'the name field is focused');
    expect(warnings.messages, 'a refused post is the reader\'s to fix, not a bug').to.deep.equal([]);
  });

  it('sends nothing while a field is empty', async () => {
    api = fakeApi();
    const host = await mount();
    type(host, 'body', '   ');
    await send(host);
    expect(api.posts()).to.have.length(0);
    expect(host.form.errors).to.deep.equal({ body: en.bodyRequired });
  });
});

describe('comment box posting: preparing the post', () => {
  const field = (host: HTMLElement, name: string) => host.querySelector<HTMLInputElement>(`form [name="${name}"]`)!;
  /** A form of 20 characters at most, with no thread loaded. */
  const mountForm = () => fixture<FormHost>(html`<test-form-host api=${API} thread=${THREAD}></test-form-host>`);
  beforeEach(() => clearDrafts());
  afterEach(() => clearDrafts());

  it('stores the key with the draft before sending, and sends the same key again', async () => {
    const host = await mountForm();
    type(host, 'name', 'Ann');
    type(host, 'body', 'text');
    const first = host.posting.keyedDraft();
    expect(readDraft(host.form.draftId())?.key).to.equal(first.key);
    expect(host.posting.keyedDraft().key).to.equal(first.key);
    host.posting.dropKey(host.form.draftId(), first);
    expect(readDraft(host.form.draftId())?.key).to.equal(undefined);
    expect(host.posting.keyedDraft().key).not.to.equal(first.key);
  });

  it('builds the post body: trimmed text, the reply target, the honeypot only when filled', async () => {
    const host = await mountForm();
    const parent = comment();
    host.form.openReply(parent);
    await host.updateComplete;
    type(host, 'name', '  Ann ');
    type(host, 'body', ' text  ');
    expect(host.posting.postBody(host.form.draft)).to.deep.equal({ author: { name: 'Ann' }, body: 'text', parentId: parent.id });
    field(host, 'website').value = 'spam.example';
    expect(host.posting.postBody(host.form.draft).website).to.equal('spam.example');
  });

  it('forgets a posted draft and leaves the finished reply for the thread\'s own draft', async () => {
    const host = await mountForm();
    type(host, 'name', 'Ann');
    type(host, 'body', 'top-level text');
    const parent = comment();
    host.form.openReply(parent);
    await host.updateComplete;
    type(host, 'body', 'a reply');
    const id = host.form.draftId();
    host.posting.posted(id, host.posting.keyedDraft(), parent);
    expect(readDraft(id)).to.equal(undefined);
    expect(host.form.replyTo).to.equal(undefined);
    expect(host.form.draft.body).to.equal('top-level text');
  });
});
