/**
 * End to end: widgets in a page talking over real HTTP (cross-origin, with CORS) to the real
 * reference server on a real SQLite file, started by test/reference-server-plugin.mjs.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
// @ts-expect-error served by the reference-server plugin at test time
import { adminToken, api, limitedApi, origin } from '/__byline-e2e.js';
import sinon from 'sinon';
import '../src/index.js';
import type { BylineArticleCard, BylineCommentBox, BylineCommentCount } from '../src/index.js';
import { SEED_TITLE_TH, SEED_TITLE_VI, type } from './fixtures.js';

const ARTICLE = 'mic-197241227152010792';

describe('end to end against the reference server', () => {
  it('loads the seed article card in Thai and Vietnamese from the server', async () => {
    const el = await fixture<BylineArticleCard>(
      html`<byline-article-card lang="th" time-zone="Asia/Bangkok" src=${`${origin}/api/articles/${ARTICLE}?lang=th`}></byline-article-card>`,
    );
    await oneEvent(el, 'byline-load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.headline')!.textContent!.trim()).to.equal(SEED_TITLE_TH);
    expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal('27 ธ.ค. 2567');
    el.setAttribute('lang', 'vi');
    el.src = `${origin}/api/articles/${ARTICLE}?lang=vi`;
    await oneEvent(el, 'byline-load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.headline')!.textContent!.trim()).to.equal(SEED_TITLE_VI);
    await expect(el).to.be.accessible();
  });

  it('shows the localized error for a 404 from the server', async () => {
    const el = await fixture<BylineArticleCard>(
      html`<byline-article-card lang="vi" src=${`${api}/articles/no-such-article`}></byline-article-card>`,
    );
    await oneEvent(el, 'byline-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error span')!.textContent).to.equal('Không thể tải nội dung này.');
  });

  describe('comments', () => {
    let serial = 0;
    const uniqueThread = () => `e2e-${Date.now().toString(36)}-${++serial}`;

    async function box(thread: string, base = api, lang = 'th') {
      const el = await fixture<BylineCommentBox>(
        html`<byline-comment-box api=${base} thread=${thread} lang=${lang} loading="eager"></byline-comment-box>`,
      );
      await waitUntil(() => !el.shadowRoot!.querySelector('[part="skeleton"]'), 'the list loads');
      await el.updateComplete;
      return el;
    }

    const submit = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
    const bodies = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll('[part="text"]')].map((node) => node.textContent!.trim());
    const heading = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();

    it('posts over real HTTP, survives a reload, and is counted', async () => {
      const thread = uniqueThread();
      const first = await box(thread);
      expect(heading(first)).to.equal('การแสดงความคิดเห็น (0)');
      type(first, 'name', 'สมชาย');
      type(first, 'body', 'Bộ TT&TT <b>ขอบคุณ</b> ครับ');
      await first.updateComplete;
      const posted = oneEvent(first, 'byline-comment-posted');
      const fetches = sinon.spy(window, 'fetch'); // passes every call through to the real server
      try {
        submit(first).click();
        submit(first).click(); // a rapid double-click sends one request
        const { detail } = await posted;
        expect(detail.comment.status).to.equal('published');
      } finally {
        fetches.restore();
      }
      const posts = fetches.getCalls().filter((call) => call.args[1]?.method === 'POST');
      expect(posts, 'POST requests').to.have.length(1);
      first.remove();

      // "Reload": a new element reads the thread from the server.
      const second = await box(thread);
      expect(bodies(second)).to.deep.equal(['Bộ TT&TT <b>ขอบคุณ</b> ครับ']);
      expect(heading(second)).to.equal('การแสดงความคิดเห็น (1)');
      const draft = second.querySelector<HTMLTextAreaElement>('form [name="body"]')!;
      expect(draft.value).to.equal('');

      const count = await fixture<BylineCommentCount>(
        html`<byline-comment-count lang="en" api=${api} thread=${thread}></byline-comment-count>`,
      );
      await waitUntil(() => count.shadowRoot!.textContent!.includes('1 comment'), 'the count arrives');
      await expect(second).to.be.accessible();
    });

    /** Posts straight to the real server, as another reader's client would. */
    async function postApi(thread: string, body: string, parentId?: string): Promise<{ id: string; parentId: string | null }> {
      const response = await fetch(`${api}/threads/${thread}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ author: { name: 'Lan' }, body, parentId }),
      });
      expect(response.status, body).to.equal(201);
      return (await response.json()).comment;
    }
    /** The top-level comments the reader sees, each with the replies shown under it. */
    const threadShown = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll(':not(.replies) > li > article.comment')].map((top) => ({
        text: top.querySelector('[part="text"]')!.textContent!.trim(),
        replies: [...(top.parentElement!.querySelectorAll('.replies article.comment [part="text"]') ?? [])].map((n) => n.textContent!.trim()),
      }));

    it('shows a reply to a reply (stored by the server under its top-level comment) under that comment', async () => {
      const thread = uniqueThread();
      const top = await postApi(thread, 'Top-level comment');
      const reply = await postApi(thread, 'A reply', top.id);
      const replyToReply = await postApi(thread, 'A reply to the reply', reply.id);
      expect(replyToReply.parentId, 'moved up by the server').to.equal(top.id);
      const el = await box(thread, api, 'en');
      expect(threadShown(el)).to.deep.equal([{ text: 'Top-level comment', replies: ['A reply', 'A reply to the reply'] }]);
      // One level of nesting: only top-level comments offer a Reply button.
      expect([...el.shadowRoot!.querySelectorAll('[part="reply"]')].map((b) => b.getAttribute('data-reply'))).to.deep.equal([top.id]);
      await expect(el).to.be.accessible();
    });

    it('puts a reply the reader sends in a thread with replies under its comment, the same after a reload', async () => {
      const thread = uniqueThread();
      const top = await postApi(thread, 'Top-level comment');
      await postApi(thread, 'An earlier reply', top.id);
      const el = await box(thread, api, 'en');
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-reply="${top.id}"]`)!.click();
      await el.updateComplete;
      type(el, 'name', 'Somchai');
      type(el, 'body', 'My reply');
      await el.updateComplete;
      const posted = oneEvent(el, 'byline-comment-posted');
      submit(el).click();
      expect((await posted).detail.comment.parentId).to.equal(top.id);
      await el.updateComplete;
      const expected = [{ text: 'Top-level comment', replies: ['An earlier reply', 'My reply'] }];
      expect(threadShown(el)).to.deep.equal(expected);
      el.remove();
      expect(threadShown(await box(thread, api, 'en'))).to.deep.equal(expected);
    });

    it('holds a comment with a link for moderation and keeps it out of the list', async () => {
      const thread = uniqueThread();
      const el = await box(thread, api, 'en');
      type(el, 'name', 'Reader');
      type(el, 'body', 'See https://example.org for more');
      await el.updateComplete;
      const posted = oneEvent(el, 'byline-comment-posted');
      submit(el).click();
      expect((await posted).detail.comment.status).to.equal('pending');
      el.remove();
      const reloaded = await box(thread, api, 'en');
      expect(bodies(reloaded)).to.deep.equal([]);
    });

    it('shows the localized wait after the server rate-limits, and keeps the draft', async () => {
      const thread = uniqueThread();
      const el = await box(thread, limitedApi, 'en');
      let rateLimited = false;
      for (let attempt = 0; attempt < 4 && !rateLimited; attempt++) {
        type(el, 'name', 'Reader');
        type(el, 'body', `Comment number ${attempt}`);
        await el.updateComplete;
        const answered = Promise.race([
          oneEvent(el, 'byline-comment-posted').then(() => 201),
          oneEvent(el, 'byline-error').then((event) => event.detail.status),
        ]);
        submit(el).click();
        rateLimited = (await answered) === 429;
      }
      expect(rateLimited).to.equal(true);
      const message = el.querySelector('.byline-comment-form__message')!.textContent!;
      expect(message).to.match(/^Too many comments in a short time\. You can post again in (\d+ seconds?|1 minute)\.$/);
      expect(el.querySelector<HTMLTextAreaElement>('form [name="body"]')!.value).to.match(/^Comment number \d$/);
      await expect(el).to.be.accessible();
    });

    it('a deleted comment that has a reply shows as deleted, in the reader\'s language, with the reply under it', async () => {
      const thread = uniqueThread();
      const post = async (body: string, parentId?: string) => {
        const res = await fetch(`${api}/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${thread}-${body.length}-${parentId ?? ''}` },
          body: JSON.stringify({ author: { name: 'Lan' }, body, parentId }),
        });
        return ((await res.json()) as { comment: { id: string } }).comment.id;
      };
      const parent = await post('Bình luận sẽ bị xóa');
      await post('Trả lời vẫn còn', parent);
      const deleted = await fetch(`${api}/admin/comments/${parent}/delete`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
      expect(deleted.status).to.equal(200);

      const el = await box(thread, api, 'vi');
      expect(bodies(el)).to.deep.equal(['Bình luận này đã bị xóa.', 'Trả lời vẫn còn']);
      expect(el.shadowRoot!.textContent).to.not.contain('Bình luận sẽ bị xóa');
      expect(el.shadowRoot!.querySelector(`[data-reply="${parent}"]`), 'no Reply button on a deleted comment').to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
