import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/comment-box.js';
import type { BylineCommentBox } from '../src/comment-box.js';
import { newKey } from '../src/comment-box/drafts.js';
import { API, apiError, clearDrafts, comment, created, fakeApi, page, THREAD, type RecordedRequest } from './comment-box-helpers.js';
import { captureWarnings, HOSTILE, json, type } from './fixtures.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement, selector: string) => shadow(el).querySelector(selector)?.textContent?.trim() ?? '';
const texts = (el: HTMLElement, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((node) => node.textContent!.trim());
const field = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, name: string) =>
  el.querySelector<T>(`form [name="${name}"]`)!;
const submitButton = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
const message = (el: HTMLElement) => el.querySelector('.byline-comment-form__message')?.textContent?.trim() ?? '';
const spoken = (el: HTMLElement, role: 'status' | 'alert') => text(el, `.visually-hidden[role="${role}"]`);

async function fill(el: BylineCommentBox, name = 'Somchai', body = 'ขอบคุณสำหรับข่าวครับ'): Promise<void> {
  type(el, 'name', name);
  type(el, 'body', body);
  await el.updateComplete;
}

async function mount(lang = 'en', extra: Partial<Pick<BylineCommentBox, 'maxLength' | 'theme' | 'sort'>> = {}) {
  const el = await fixture<BylineCommentBox>(html`<byline-comment-box
    api=${API} thread=${THREAD} lang=${lang} loading="eager"></byline-comment-box>`);
  Object.assign(el, extra);
  await loaded(el);
  return el;
}

async function loaded(el: BylineCommentBox): Promise<void> {
  await waitUntil(() => !shadow(el).querySelector('[part="skeleton"]'), 'the list loads');
  // Posting and the comment actions load once the thread is shown (docs/design.md); a reader's first
  // press waits for them, these tests press at once.
  await Promise.all([import('../src/comment-box/posting.js'), import('../src/comment-box/comment-actions.js')]);
  await el.updateComplete;
}

/** Submits like a reader (clicking the button) and waits until sending is over. */
async function send(el: BylineCommentBox): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
  await waitUntil(() => submitButton(el).getAttribute('aria-disabled') === 'false', 'sending ends');
  await el.updateComplete;
}

describe('<byline-comment-box>', () => {
  let api: ReturnType<typeof fakeApi> | undefined;
  beforeEach(() => clearDrafts());
  afterEach(() => {
    api?.restore();
    api = undefined;
    clearDrafts();
  });

  describe('list', () => {
    it('shows an accessible loading skeleton, then the empty state in Thai as on the seed page', async () => {
      let answer!: (response: Response) => void;
      api = fakeApi({ list: () => new Promise<Response>((resolve) => (answer = resolve)) });
      const el = await fixture<BylineCommentBox>(html`<byline-comment-box
        api=${API} thread=${THREAD} lang="th" loading="eager"></byline-comment-box>`);
      await waitUntil(() => api!.gets().length === 1);
      expect(shadow(el).querySelector('[part="skeleton"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el, '[part="skeleton"] .visually-hidden')).to.equal('กำลังโหลด…');
      expect(text(el, '[part="heading"]')).to.equal('ความคิดเห็น');
      await expect(el).to.be.accessible();

      answer(json(page([])));
      await loaded(el);
      expect(text(el, '[part="heading"]')).to.equal('การแสดงความคิดเห็น (0)');
      expect(text(el, '[part="empty"]')).to.equal('ยังไม่มีความคิดเห็น ร่วมแสดงความคิดเห็นเป็นคนแรก');
      const url = api.gets()[0]!.url;
      expect(url.href.startsWith(`${API}/threads/${THREAD}/comments?`)).to.equal(true);
      expect(url.searchParams.get('limit')).to.equal('20');
      expect(url.searchParams.get('sort')).to.equal('newest');
      expect(url.searchParams.has('cursor')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('asks for a page-size the API accepts: 1 to 100, rounded, 20 when unset or not a number', async () => {
      const asked: string[] = [];
      for (const size of ['500', '100', '7.6', '-3', 'abc', '']) {
        api?.restore();
        api = fakeApi({ list: page([]) });
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box api=${API} thread=${THREAD} lang="en" loading="eager"
          page-size=${size}></byline-comment-box>`);
        await loaded(el);
        asked.push(api.gets()[0]!.url.searchParams.get('limit')!);
      }
      expect(asked).to.deep.equal(['100', '100', '8', '1', '20', '20']);
    });

    it('shows comments newest first with replies grouped under their parent and relative times', async () => {
      const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
      const first = comment({ id: 'a', author: { name: 'Lan' }, body: 'Bộ TT&TT làm tốt lắm', createdAt: threeHoursAgo });
      const second = comment({ id: 'b', author: { name: 'Somchai' }, body: 'ของโบราณ 10,000 ชิ้น' });
      const reply1 = comment({ id: 'r1', parentId: 'a', author: { name: 'Minh' }, body: 'Đồng ý' });
      const reply2 = comment({ id: 'r2', parentId: 'a', author: { name: 'Nok' }, body: 'เห็นด้วย' });
      api = fakeApi({ list: page([first, second, reply1, reply2], { total: 4 }) });
      const el = await mount();

      expect(text(el, '[part="heading"]')).to.equal('Comments (4)');
      const topLevel = [...shadow(el).querySelectorAll('[part="list"] > li')];
      expect(topLevel).to.have.length(2);
      expect(topLevel[0]!.querySelector('[part="text"]')!.textContent).to.equal('Bộ TT&TT làm tốt lắm');
      expect(topLevel[1]!.querySelector('[part="text"]')!.textContent).to.equal('ของโบราณ 10,000 ชิ้น');
      const replies = topLevel[0]!.querySelector('[part="replies"]')!;
      expect(replies.getAttribute('aria-label')).to.equal('Replies to Lan');
      expect([...replies.querySelectorAll('[part="author"]')].map((node) => node.textContent)).to.deep.equal(['Minh', 'Nok']);
      expect(topLevel[1]!.querySelector('[part="replies"]')).to.equal(null);

      const time = topLevel[0]!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(threeHoursAgo);
      expect(time.textContent!.trim()).to.equal('3 hours ago');
      expect(time.getAttribute('title')).to.match(/\d{4}/);
      // Replies are answered on their top-level comment only (one level).
      expect(texts(el, '[part="reply"]')).to.deep.equal(['Reply', 'Reply']);
      expect(shadow(el).querySelector('[part="reply"]')!.getAttribute('aria-label')).to.equal('Reply to Lan');
      await expect(el).to.be.accessible();
    });

    it('shows a localized load error with a retry that works', async () => {
      let fail = true;
      api = fakeApi({ list: () => (fail ? apiError(404, 'not_found') : json(page([comment({ body: 'หลังลองใหม่' })]))) });
      const warnings = captureWarnings();
      try {
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box
          api=${API} thread=${THREAD} lang="th" loading="eager"></byline-comment-box>`);
        await oneEvent(el, 'byline-error');
        await el.updateComplete;
        expect(text(el, '[part="error"] span')).to.equal('ไม่สามารถโหลดเนื้อหานี้ได้');
        expect(shadow(el).querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
        fail = false;
        shadow(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
        await waitUntil(() => text(el, '[part="text"]') === 'หลังลองใหม่', 'the retry loads the list');
        expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
      } finally {
        warnings.restore();
      }
    });

    it('treats a broken answer as a localized error with one warning naming the field', async () => {
      api = fakeApi({ list: page([{ ...comment(), author: { name: '' } }]) });
      const warnings = captureWarnings();
      try {
        const el = await fixture<BylineCommentBox>(html`<byline-comment-box
          api=${API} thread=${THREAD} lang="vi" loading="eager"></byline-comment-box>`);
        const error = await oneEvent(el, 'byline-error');
        await el.updateComplete;
        expect(error.detail.kind).to.equal('contract');
        expect(error.detail.field).to.equal('comments.items[0].author.name');
        expect(text(el, '[part="error"] span')).to.equal('Nội dung này hiện không khả dụng.');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('comments.items[0].author.name');
      } finally {
        warnings.restore();
      }
    });

    it('loads more by cursor, appends, and moves focus to the first new comment', async () => {
      const pageOne = [comment({ id: 'p1' }), comment({ id: 'p2' })];
      const pageTwo = [comment({ id: 'p3', body: 'third' }), comment({ id: 'p3r', parentId: 'p3' }), comment({ id: 'p4' })];
      api = fakeApi({
        list: (request) =>
          json(request.url.searchParams.get('cursor') === 'next-1'
            ? page(pageTwo, { total: 5, nextCursor: undefined })
            : page(pageOne, { total: 5, nextCursor: 'next-1' })),
      });
      const el = await mount();
      expect(shadow(el).querySelectorAll('[part="list"] > li')).to.have.length(2);
      const more = shadow(el).querySelector<HTMLButtonElement>('[part="more"]')!;
      expect(more.textContent!.trim()).to.equal('Load more comments');
      more.focus();
      more.click();
      await waitUntil(() => shadow(el).querySelectorAll('[part="list"] > li').length === 4, 'page two is appended');
      const request = api.gets()[1]!.url;
      expect(request.searchParams.get('cursor')).to.equal('next-1');
      expect(request.searchParams.get('sort')).to.equal('newest');
      expect([...shadow(el).querySelectorAll('[part="list"] > li > [part="comment"]')].map((node) => node.getAttribute('data-id')))
        .to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      expect(shadow(el).querySelector('[part="more"]')).to.equal(null);
      await waitUntil(() => shadow(el).activeElement?.getAttribute('data-id') === 'p3', 'focus moves to the first new comment');
      expect(text(el, '[part="heading"]')).to.equal('Comments (5)');
    });

    it('refetches with sort=oldest when the reader switches the order', async () => {
      api = fakeApi({
        list: (request) =>
          json(page(request.url.searchParams.get('sort') === 'oldest'
            ? [comment({ body: 'oldest' })]
            : [comment({ body: 'newest' })])),
      });
      const el = await mount();
      expect(text(el, '[part="text"]')).to.equal('newest');
      const select = shadow(el).querySelector('select')!;
      expect(select.closest('label')!.textContent).to.contain('Sort comments');
      select.value = 'oldest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => text(el, '[part="text"]') === 'oldest', 'the oldest-first list arrives');
      expect(api.gets().at(-1)!.url.searchParams.get('sort')).to.equal('oldest');
      expect(el.getAttribute('sort')).to.equal('oldest');
    });

    it('renders hostile names and bodies as text and runs nothing', async () => {
      api = fakeApi({ list: page([comment({ author: { name: HOSTILE }, body: HOSTILE }), comment({ parentId: 'x' })]) });
      const el = await mount();
      await aTimeout(50);
      expect((window as { __bylinePwned?: number }).__bylinePwned).to.equal(undefined);
      expect(text(el, '[part="author"]')).to.equal(HOSTILE);
      expect(text(el, '[part="text"]')).to.equal(HOSTILE);
      expect(shadow(el).querySelector('[part="reply"]')!.getAttribute('aria-label')).to.equal(`Reply to ${HOSTILE}`);
      expect(shadow(el).querySelectorAll('img, script')).to.have.length(0);
    });

    it('makes no request until it comes near the viewport when lazy (the default)', async () => {
      api = fakeApi({ list: page([comment()]) });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 5000px"></div>
        <byline-comment-box api=${API} thread=${THREAD}></byline-comment-box>
      </div>`);
      const el = wrapper.querySelector('byline-comment-box')!;
      await el.updateComplete;
      expect(el.loading).to.equal('lazy');
      await aTimeout(100);
      expect(api.requests).to.have.length(0);
      // The form works before the list loads.
      expect(field(el, 'name')).to.not.equal(null);
      el.scrollIntoView();
      await waitUntil(() => api!.gets().length === 1, 'loads once scrolled near');
      await loaded(el);
      expect(text(el, '[part="heading"]')).to.equal('Comments (1)');
    });

    it('is accessible in the dark theme', async () => {
      api = fakeApi({ list: page([comment({ id: 'd1' }), comment({ parentId: 'd1' })]) });
      const el = await mount('en', { theme: 'dark' });
      await el.updateComplete;
      expect(getComputedStyle(shadow(el).querySelector('.box')!).backgroundColor).to.equal('rgb(27, 27, 31)');
      expect(getComputedStyle(field(el, 'body')).backgroundColor).to.equal('rgb(27, 27, 31)');
      await expect(el).to.be.accessible();
    });

    it('is right-to-left and accessible in Arabic, form included', async () => {
      api = fakeApi({ list: page([comment({ id: 'ar1', author: { name: 'ليلى' }, body: 'شكرًا' }), comment({ parentId: 'ar1' })]) });
      const el = await mount('ar');
      expect(shadow(el).querySelector('.box')!.getAttribute('dir')).to.equal('rtl');
      const form = el.querySelector('form')!;
      expect(form.getAttribute('dir')).to.equal('rtl');
      expect(form.getAttribute('lang')).to.equal('ar');
      expect(getComputedStyle(field(el, 'body')).direction).to.equal('rtl');
      expect(text(el, '[part="heading"]')).to.equal('التعليقات (2)');
      expect(submitButton(el).textContent).to.equal('نشر التعليق');
      await expect(el).to.be.accessible();
    });
  });

  describe('form', () => {
    it('puts a labelled name field where password managers and autofill can see it', async () => {
      api = fakeApi();
      const el = await mount();
      const name = document.querySelector<HTMLInputElement>('byline-comment-box input[autocomplete="name"]')!;
      expect(name).to.not.equal(null);
      expect(name.getRootNode()).to.equal(document);
      expect(name.form).to.equal(el.querySelector('form'));
      expect([...name.labels!].map((label) => label.textContent)).to.deep.equal(['Name']);
      const body = field<HTMLTextAreaElement>(el, 'body');
      expect(body.labels![0]!.textContent).to.equal('Comment');
      // Slotted into the shadow tree, so it is rendered inside the box.
      expect(el.querySelector('form')!.assignedSlot).to.not.equal(null);
      expect(name.getBoundingClientRect().width).to.be.greaterThan(0);
    });

    it('styles its light-DOM form inside another shadow root too', async () => {
      api = fakeApi();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const el = document.createElement('byline-comment-box');
      Object.assign(el, { api: API, thread: THREAD, loading: 'eager' });
      root.append(el);
      await loaded(el);
      expect(el.querySelector('form')!.getRootNode()).to.equal(root);
      // The scoped sheet reached this root: the honeypot is clipped to a 1px box.
      expect(el.querySelector('.byline-comment-form__trap')!.getBoundingClientRect().height).to.be.at.most(1);
      expect(getComputedStyle(field(el, 'name')).borderTopColor).to.equal('rgb(89, 89, 89)');
    });

    it('makes Idempotency-Keys without crypto.randomUUID (pages that are not https)', () => {
      const descriptor = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
      Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
      try {
        const keys = [newKey(), newKey()];
        for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(keys[0]).to.not.equal(keys[1]);
      } finally {
        Object.defineProperty(Crypto.prototype, 'randomUUID', descriptor);
      }
    });

    it('has a honeypot field hidden from everyone but robots', async () => {
      api = fakeApi();
      const el = await mount();
      const trap = field(el, 'website');
      expect(trap.getAttribute('autocomplete')).to.equal('off');
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
      expect(trap.closest('[inert]')).to.not.equal(null);
      trap.focus();
      expect(document.activeElement).to.not.equal(trap);
      const box = trap.closest('.byline-comment-form__trap')!.getBoundingClientRect();
      expect(box.width * box.height).to.be.lessThan(2);
      await expect(el).to.be.accessible();
    });

    it('validates inline: aria-invalid, described by the message, focus on the first invalid field', async () => {
      api = fakeApi();
      const el = await mount('vi');
      submitButton(el).click();
      await el.updateComplete;
      const name = field(el, 'name');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      const nameError = document.getElementById(name.getAttribute('aria-describedby')!)!;
      expect(nameError.textContent).to.equal('Vui lòng nhập tên của bạn.');
      const body = field(el, 'body');
      expect(body.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = body.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
      expect(describedBy).to.deep.equal(['Vui lòng viết bình luận.', 'Còn 2.000 ký tự']);
      await waitUntil(() => document.activeElement === name, 'focus moves to the name field');
      expect(api.posts()).to.have.length(0);
      await expect(el).to.be.accessible();
      type(el, 'name', 'Lan');
      await el.updateComplete;
      expect(name.getAttribute('aria-invalid')).to.equal('false');
      expect(name.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('counts code points against maxlength and blocks text that is too long', async () => {
      api = fakeApi();
      const el = await mount('en', { maxLength: 10 });
      await el.updateComplete;
      const counter = el.querySelector('.byline-comment-form__counter')!;
      expect(counter.textContent).to.equal('10 characters left');
      type(el, 'body', 'สวัสดี😀');
      await el.updateComplete;
      // Thai marks are code points of their own; the emoji is one (two UTF-16 units).
      expect(counter.textContent).to.equal('3 characters left');
      type(el, 'body', 'สวัสดี😀 hello');
      type(el, 'name', 'Lan');
      await el.updateComplete;
      expect(counter.textContent).to.equal('3 characters too many');
      expect(field(el, 'body').getAttribute('aria-invalid')).to.equal('true');
      // Near the limit the count is announced politely once typing pauses.
      await waitUntil(() => spoken(el, 'status') === '3 characters too many', 'the count is announced', { timeout: 3000 });
      submitButton(el).click();
      await el.updateComplete;
      expect(api.posts()).to.have.length(0);
      expect(document.activeElement).to.equal(field(el, 'body'));
    });

    it('keeps the draft across a reload and announces that it was restored', async () => {
      api = fakeApi();
      const first = await mount('th');
      await fill(first, 'Somchai', 'ความคิดเห็นที่ยังไม่ได้ส่ง');
      first.remove();
      const second = await mount('th');
      expect(field(second, 'name').value).to.equal('Somchai');
      expect(field(second, 'body').value).to.equal('ความคิดเห็นที่ยังไม่ได้ส่ง');
      await waitUntil(() => spoken(second, 'status') === 'กู้คืนความคิดเห็นที่ยังไม่ได้ส่งแล้ว', 'the restore is announced');
      expect(message(second)).to.equal('กู้คืนความคิดเห็นที่ยังไม่ได้ส่งแล้ว');
    });

    it('keeps drafts in memory when localStorage throws', async () => {
      api = fakeApi();
      const { getItem, setItem } = Storage.prototype;
      Storage.prototype.getItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const first = await mount();
        await fill(first, 'Lan', 'in memory');
        first.remove();
        const second = await mount();
        expect(field(second, 'body').value).to.equal('in memory');
        await send(second);
        expect(api.posts()).to.have.length(1);
        expect(field(second, 'body').value).to.equal('');
      } finally {
        Object.assign(Storage.prototype, { getItem, setItem });
      }
    });
  });

  describe('posting', () => {
    it('posts once on a rapid double click, shows "sending" accessibly, then clears the draft after 201', async () => {
      let answer!: (response: Response) => void;
      let sent!: RecordedRequest;
      api = fakeApi({
        list: page([comment({ id: 'old' })], { total: 1 }),
        post: (request) => {
          sent = request;
          return new Promise<Response>((resolve) => (answer = resolve));
        },
      });
      const el = await mount();
      await fill(el, '  Lan  ', 'Bộ TT&TT\nthật tốt');
      const button = submitButton(el);
      button.click();
      button.click();
      await el.updateComplete;
      button.click();
      expect(api.posts()).to.have.length(1);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent).to.equal('Sending…');
      expect(field(el, 'body').readOnly).to.equal(true);
      await expect(el).to.be.accessible();

      expect(sent.url.href).to.equal(`${API}/threads/${THREAD}/comments`);
      expect(sent.contentType).to.equal('application/json');
      expect(sent.key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(sent.body).to.deep.equal({ author: { name: 'Lan' }, body: 'Bộ TT&TT\nthật tốt' });

      const firstKey = sent.key;
      const posted = oneEvent(el, 'byline-comment-posted');
      answer(created(sent, { id: 'mine' }));
      expect((await posted).detail.comment.id).to.equal('mine');
      await el.updateComplete;
      expect(field(el, 'body').value).to.equal('');
      expect(field(el, 'name').value).to.equal('  Lan  ');
      expect(shadow(el).querySelector('[part="list"] > li [part="comment"]')!.getAttribute('data-id')).to.equal('mine');
      expect(text(el, '[part="heading"]')).to.equal('Comments (2)');
      expect(spoken(el, 'status')).to.equal('Your comment was published.');
      expect(message(el)).to.equal('Your comment was published.');
      await waitUntil(() => shadow(el).activeElement?.getAttribute('data-id') === 'mine', 'focus on the new comment');

      // The draft is gone: a reload shows an empty form, and the next post gets a new key.
      el.remove();
      const again = await mount();
      expect(field(again, 'body').value).to.equal('');
      await fill(again, 'Lan', 'second');
      submitButton(again).click();
      await waitUntil(() => api!.posts().length === 2);
      expect(api.posts()[1]!.key).to.not.equal(firstKey);
    });

    it('shows a pending comment with a badge and the moderation message', async () => {
      api = fakeApi({ post: (request) => created(request, { status: 'pending' }) });
      const el = await mount('th');
      await fill(el);
      await send(el);
      expect(text(el, '[part="badge"]')).to.equal('รอการตรวจสอบ');
      expect(spoken(el, 'status')).to.equal('ขอบคุณ ความคิดเห็นของคุณกำลังรอการตรวจสอบ');
      expect(text(el, '[part="heading"]')).to.equal('การแสดงความคิดเห็น (0)');
      // Not published yet: nobody can reply to it.
      expect(shadow(el).querySelector('[part="reply"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the localized wait after a 429, keeps the draft, and posts again once the wait is over', async () => {
      api = fakeApi({ post: () => apiError(429, 'rate_limited', undefined, { 'Retry-After': '30' }) });
      const el = await mount();
      await fill(el, 'Lan', 'too fast');
      await send(el);
      const wait = 'Too many comments in a short time. You can post again in 30 seconds.';
      expect(spoken(el, 'alert')).to.equal(wait);
      expect(message(el)).to.equal(wait);
      expect(field(el, 'body').value).to.equal('too fast');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();

      // Pressing again during the wait repeats the wait instead of sending.
      submitButton(el).click();
      await el.updateComplete;
      expect(api.posts()).to.have.length(1);
      expect(spoken(el, 'alert')).to.match(/You can post again in (29|30) seconds\.$/);

      // Thai: the same answer in the reader's language.
      el.lang = 'th';
      await waitUntil(() => submitButton(el).textContent === 'ส่งความคิดเห็น');
      submitButton(el).click();
      await el.updateComplete;
      expect(spoken(el, 'alert')).to.match(/^คุณส่งความคิดเห็นถี่เกินไป ส่งได้อีกครั้งในอีก (29|30) วินาที$/);
      expect(localStorage.getItem(`byline-comment-draft:${API}|${THREAD}|`)).to.contain('too fast');
    });

    it('lets the reader post again after a short Retry-After, with the same key', async () => {
      let limited = true;
      api = fakeApi({ post: (request) => (limited ? apiError(429, 'rate_limited', undefined, { 'Retry-After': '1' }) : created(request)) });
      const el = await mount();
      await fill(el, 'Lan', 'wait a second');
      const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      try {
        await send(el);
        limited = false;
        clock.tick(999);
        submitButton(el).click();
        await el.updateComplete;
        expect(api.posts(), 'nothing sent before the second is over').to.have.length(1);
        clock.tick(1);
        await send(el);
      } finally {
        clock.restore();
      }
      const [first, second] = api.posts();
      expect(second).to.not.equal(undefined);
      expect(second!.key).to.equal(first!.key);
      expect(field(el, 'body').value).to.equal('');
    });

    it('keeps the draft after a network failure and retries with the same key, even after a reload', async () => {
      let down = true;
      api = fakeApi({ post: (request) => (down ? Promise.reject(new TypeError('Failed to fetch')) : created(request)) });
      const el = await mount();
      await fill(el, 'Lan', 'through a bad connection');
      const failed = oneEvent(el, 'byline-error');
      await send(el);
      expect((await failed).detail.kind).to.equal('network');
      expect(spoken(el, 'alert')).to.equal(
        'Could not reach the comment server. Your text is kept; try again when you are ready.',
      );
      expect(field(el, 'body').value).to.equal('through a bad connection');
      await expect(el).to.be.accessible();

      await send(el);
      expect(api.posts()).to.have.length(2);

      el.remove();
      const reloaded = await mount();
      expect(field(reloaded, 'body').value).to.equal('through a bad connection');
      down = false;
      await send(reloaded);
      const keys = api.posts().map((request) => request.key);
      expect(keys).to.have.length(3);
      expect(new Set(keys).size).to.equal(1);
      expect(field(reloaded, 'body').value).to.equal('');
    });

    for (const [status, label] of [[400, 'validation'], [500, 'server error']] as const) {
      it(`keeps the draft after a ${status} (${label})`, async () => {
        api = fakeApi({ post: () => apiError(status, status === 400 ? 'validation' : 'internal') });
        const el = await mount();
        await fill(el, 'Lan', `kept after ${status}`);
        await send(el);
        expect(field(el, 'body').value).to.equal(`kept after ${status}`);
        el.remove();
        const reloaded = await mount();
        expect(field(reloaded, 'body').value).to.equal(`kept after ${status}`);
      });
    }

    it('highlights the field the server rejected, in the reader language, and focuses it', async () => {
      api = fakeApi({ post: () => apiError(400, 'validation', 'author.name') });
      const el = await mount('th');
      await fill(el, 'x', 'ข้อความ');
      const failed = oneEvent(el, 'byline-error');
      await send(el);
      const detail = (await failed).detail;
      expect(detail).to.include({ kind: 'http', status: 400, field: 'author.name' });
      const name = field(el, 'name');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).to.equal('กรุณาตรวจสอบชื่อของคุณ');
      expect(spoken(el, 'alert')).to.equal('ไม่สามารถรับความคิดเห็นนี้ได้');
      await waitUntil(() => document.activeElement === name, 'focus moves to the rejected field');
      await expect(el).to.be.accessible();
    });

    it('explains a server failure and a reply to a comment that is gone', async () => {
      api = fakeApi({
        list: page([comment({ id: 'gone' })]),
        post: (request) => (request.body!.parentId ? apiError(422, 'invalid_parent', 'parentId') : json({}, { status: 504 })),
      });
      const el = await mount('vi');
      await fill(el, 'Lan', 'xin chào');
      await send(el);
      expect(spoken(el, 'alert')).to.equal('Máy chủ bình luận gặp sự cố. Nội dung của bạn vẫn được giữ; hãy thử lại khi sẵn sàng.');
      shadow(el).querySelector<HTMLButtonElement>('[part="reply"]')!.click();
      await el.updateComplete;
      await fill(el, 'Lan', 'trả lời');
      await send(el);
      expect(spoken(el, 'alert')).to.equal('Bình luận bạn đang trả lời không còn nữa.');
    });

    it('lets a host veto a post or add data to it through the cancelable submit event', async () => {
      api = fakeApi();
      const el = await mount();
      await fill(el, 'Lan', 'vetoed');
      const veto = (event: Event) => event.preventDefault();
      el.addEventListener('byline-comment-submit', veto);
      const submitted = oneEvent(el, 'byline-comment-submit');
      submitButton(el).click();
      const event = await submitted;
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({ thread: THREAD, body: { author: { name: 'Lan' }, body: 'vetoed' } });
      await el.updateComplete;
      expect(api.posts()).to.have.length(0);
      expect(field(el, 'body').value).to.equal('vetoed');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');

      el.removeEventListener('byline-comment-submit', veto);
      el.addEventListener('byline-comment-submit', (e) => (e.detail.body.extra = { articleUrl: 'https://example.org/a' }), { once: true });
      await send(el);
      expect(api.posts()[0]!.body).to.deep.equal({ author: { name: 'Lan' }, body: 'vetoed', extra: { articleUrl: 'https://example.org/a' } });
    });

    it('sends the honeypot value only when a robot filled it in', async () => {
      api = fakeApi({ post: () => apiError(400, 'spam') });
      const el = await mount();
      await fill(el, 'Bot', 'buy now');
      field(el, 'website').value = 'https://spam.example';
      await send(el);
      expect(api.posts()[0]!.body!.website).to.equal('https://spam.example');
      expect(spoken(el, 'alert')).to.equal('The comment could not be accepted.');
    });

    it('answers a key conflict by sending the edited text as a new comment next time', async () => {
      // The first post's answer is lost; the reader edits and sends again with the same key, which the
      // server already stored with the first text.
      const answers = [() => Promise.reject(new TypeError('Failed to fetch')), () => apiError(409, 'idempotency_conflict')];
      api = fakeApi({ post: (request) => (answers.shift() ?? created)(request) });
      const el = await mount();
      await fill(el, 'Lan', 'first version');
      await send(el);
      await fill(el, 'Lan', 'edited version');
      await send(el);
      expect(spoken(el, 'alert')).to.contain('Post again to send this version as a new comment.');
      expect(field(el, 'body').value, 'the edit is kept').to.equal('edited version');
      await send(el);
      const [lost, conflicted, sent] = api.posts();
      expect(conflicted!.key).to.equal(lost!.key);
      expect(conflicted!.body!.body).to.equal('edited version');
      expect(sent!.body!.body).to.equal('edited version');
      expect(sent!.key).to.not.equal(lost!.key);
      expect(field(el, 'body').value, 'sent, so the form is cleared').to.equal('');
    });
  });

  describe('replies', () => {
    it('opens a reply form under the comment, with its own draft, and cancels back to the Reply button', async () => {
      api = fakeApi({ list: page([comment({ id: 'p', author: { name: 'Lan' } }), comment({ id: 'q' })], { total: 2 }) });
      const el = await mount();
      await fill(el, 'Somchai', 'top-level draft');
      const replyButton = shadow(el).querySelector<HTMLButtonElement>('[data-reply="p"]')!;
      replyButton.click();
      await el.updateComplete;
      const form = el.querySelector('form')!;
      const slot = form.assignedSlot!;
      expect(slot.closest('li')!.querySelector('[part="comment"]')!.getAttribute('data-id')).to.equal('p');
      expect(replyButton.getAttribute('aria-expanded')).to.equal('true');
      expect(form.textContent).to.contain('Reply to Lan');
      expect(field(el, 'body').value).to.equal('');
      expect(field(el, 'name').value).to.equal('Somchai');
      await waitUntil(() => document.activeElement === field(el, 'body'), 'focus moves to the reply text');
      await expect(el).to.be.accessible();

      type(el, 'body', 'reply draft');
      await el.updateComplete;
      const cancel = [...form.querySelectorAll('button')].find((button) => button.textContent === 'Cancel reply')!;
      cancel.click();
      await el.updateComplete;
      expect(form.assignedSlot!.closest('li')).to.equal(null);
      expect(field(el, 'body').value).to.equal('top-level draft');
      await waitUntil(() => shadow(el).activeElement === replyButton, 'focus returns to the Reply button');

      replyButton.click();
      await el.updateComplete;
      expect(field(el, 'body').value).to.equal('reply draft');
      await waitUntil(() => spoken(el, 'status') === 'Your unsent comment was restored.', 'the restore is announced');
    });

    it('posts a reply with parentId and shows it under its parent', async () => {
      api = fakeApi({ list: page([comment({ id: 'p' }), comment({ id: 'q' })], { total: 2 }) });
      const el = await mount();
      shadow(el).querySelector<HTMLButtonElement>('[data-reply="q"]')!.click();
      await el.updateComplete;
      await fill(el, 'Lan', 'my reply');
      await send(el);
      expect(api.posts()[0]!.body!.parentId).to.equal('q');
      const parent = shadow(el).querySelector('[data-id="q"]')!.closest('li')!;
      expect(parent.querySelector('[part="replies"] [part="text"]')!.textContent).to.equal('my reply');
      expect(el.querySelector('form')!.assignedSlot!.closest('li')).to.equal(null);
      expect(text(el, '[part="heading"]')).to.equal('Comments (3)');
    });
  });
});
