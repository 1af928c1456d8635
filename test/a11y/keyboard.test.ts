/**
 * Keyboard-only walkthroughs: real key presses (sendKeys) through the comment box, the photo zoom and the
 * related-topics tabs, checking where focus is after every step and that it is visible there.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { BylineCommentBox } from '../../src/comment-box.js';
import type { BylinePhotoCaption } from '../../src/photo-caption.js';
import type { BylineRelatedTopics } from '../../src/related-topics.js';
import { API, clearDrafts, comment, created, fakeApi, page, THREAD } from '../comment-box-helpers.js';
import { afterTest, cleanUp } from '../widget-states.js';
import { json, PIXEL, seedPhoto, seedRelated } from '../fixtures.js';

/** The element that really has focus, through open shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short description of an element, so a failed step says where focus went instead. */
function nameOf(node: Element | null): string {
  if (!node) return 'nothing';
  const label = node.getAttribute('aria-label') ?? node.getAttribute('name') ?? node.textContent?.trim().slice(0, 40);
  return `<${node.localName}${node.id ? `#${node.id}` : ''}> "${label}"`;
}

/** `page`: a host-page control, which keeps the browser's own focus ring. */
function expectFocusOn(target: Element | null | undefined, step: string, page = false): void {
  expect(target ?? null, `${step}: the expected element exists`).to.not.equal(null);
  const now = focused();
  expect(now === target, `${step}: focus is on ${nameOf(now)}, expected ${nameOf(target!)}`).to.equal(true);
  if (page) return;
  // Keyboard focus must be visible: every Byline focus style is a 2px outline.
  const outline = getComputedStyle(now!);
  expect(outline.outlineStyle, `${step}: focus ring`).to.not.equal('none');
  expect(parseFloat(outline.outlineWidth), `${step}: focus ring width`).to.be.at.least(2);
}

async function press(key: string): Promise<void> {
  if (!key.startsWith('Shift+')) return sendKeys({ press: key });
  await sendKeys({ down: 'Shift' });
  try {
    await sendKeys({ press: key.slice('Shift+'.length) });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
}

/** Starts every walkthrough like a reader: a real click on the control before the widget. */
async function clickStart(): Promise<void> {
  const start = document.getElementById('start')!;
  const box = start.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  expect(document.activeElement).to.equal(start);
}

const shadow = (el: HTMLElement) => el.shadowRoot!;

describe('keyboard walkthroughs', () => {
  afterEach(() => resetMouse());

  describe('<byline-comment-box>', () => {
    /** A fake comments API for this test, undone after it. */
    const serve = (options: Parameters<typeof fakeApi>[0]) => {
      const api = fakeApi(options);
      afterTest(api.restore);
      return api;
    };
    beforeEach(() => clearDrafts());
    afterEach(() => {
      cleanUp();
      clearDrafts();
    });

    const thread = () =>
      page(
        [
          comment({ id: 'a', author: { name: 'Lan' }, body: 'Bộ TT&TT làm tốt lắm' }),
          comment({ id: 'b', author: { name: 'Somchai' }, body: 'ของโบราณ 10,000 ชิ้น' }),
          comment({ id: 'r1', parentId: 'a', author: { name: 'Minh' }, body: 'Đồng ý' }),
        ],
        { total: 4, nextCursor: 'page-2' },
      );
    const later = () => page([comment({ id: 'c', author: { name: 'Nok' }, body: 'เห็นด้วย' })], { total: 4 });

    async function mount(): Promise<BylineCommentBox> {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="start">Start</button>
        <byline-comment-box api=${API} thread=${THREAD} lang="en" loading="eager"></byline-comment-box>
        <button id="end">End</button>
      </div>`);
      const el = wrapper.querySelector<BylineCommentBox>('byline-comment-box')!;
      await waitUntil(() => !shadow(el).querySelector('[part="skeleton"]'), 'the list loads');
      // The comment actions (Report) are a chunk of their own, loaded once the thread is shown.
      await waitUntil(() => reportButton(el, 'a'), 'the comment actions load');
      await el.updateComplete;
      return el;
    }
    const field = (el: HTMLElement, name: string) => el.querySelector(`form [name="${name}"]`);
    const submitButton = (el: HTMLElement) => el.querySelector('form button[type="submit"]');
    const replyButton = (el: HTMLElement, id: string) => shadow(el).querySelector(`[data-reply="${id}"]`);
    const reportButton = (el: HTMLElement, id: string) => shadow(el).querySelector(`[data-action="report-${id}"]`);
    const status = (el: HTMLElement) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();

    it('tabs through sort, name, comment, submit, Reply and Report on each comment (and back from Cancel reply), and Load more', async () => {
      const api = serve({ list: (request) => json(request.url.searchParams.has('cursor') ? later() : thread()) });
      const el = await mount();
      await clickStart();

      await press('Tab');
      const sort = shadow(el).querySelector('select')!;
      expectFocusOn(sort, 'Tab 1: sort switch');
      expect(sort.closest('label')!.textContent).to.contain('Sort comments');
      await press('Tab');
      expectFocusOn(field(el, 'name'), 'Tab 2: name');
      await press('Tab');
      expectFocusOn(field(el, 'body'), 'Tab 3: comment');
      await press('Tab');
      // The hidden anti-spam field is skipped.
      expectFocusOn(submitButton(el), 'Tab 4: submit');
      await press('Tab');
      expectFocusOn(replyButton(el, 'a'), 'Tab 5: Reply to Lan');

      // Reply: the form opens under the comment with the cursor in the comment field.
      await press('Enter');
      await waitUntil(() => focused() === field(el, 'body'), 'Enter on Reply focuses the reply text');
      expectFocusOn(field(el, 'body'), 'Reply opened');
      expect(replyButton(el, 'a')!.getAttribute('aria-expanded')).to.equal('true');
      expect(el.querySelector('form')!.textContent).to.contain('Reply to Lan');
      await press('Tab');
      expectFocusOn(submitButton(el), 'reply form: submit');
      await press('Tab');
      const cancel = el.querySelector('form button[type="button"]');
      expectFocusOn(cancel, 'reply form: Cancel reply');
      expect(cancel!.textContent!.trim()).to.equal('Cancel reply');
      await press('Enter');
      await waitUntil(() => focused() === replyButton(el, 'a'), 'Cancel reply returns focus to its Reply button');
      expectFocusOn(replyButton(el, 'a'), 'Cancel reply');
      expect(replyButton(el, 'a')!.getAttribute('aria-expanded')).to.equal('false');

      await press('Tab');
      expectFocusOn(reportButton(el, 'a'), 'Tab: Report (Lan), after its Reply');
      await press('Tab');
      expectFocusOn(reportButton(el, 'r1'), 'Tab: Report (the reply by Minh)');
      await press('Tab');
      expectFocusOn(replyButton(el, 'b'), 'Tab: Reply to Somchai');
      await press('Tab');
      expectFocusOn(reportButton(el, 'b'), 'Tab: Report (Somchai)');
      await press('Tab');
      const more = shadow(el).querySelector('[part="more"]');
      expectFocusOn(more, 'Tab: Load more');
      await press('Enter');
      // Reading continues at the first new comment.
      await waitUntil(() => focused() === shadow(el).querySelector('[data-id="c"]'), 'Load more focuses the first new comment');
      expect(api.gets().at(-1)!.url.searchParams.get('cursor')).to.equal('page-2');
      await press('Tab');
      expectFocusOn(replyButton(el, 'c'), 'Tab after the new comment: its Reply');
      await press('Tab');
      expectFocusOn(reportButton(el, 'c'), 'Tab: its Report');
      await press('Tab');
      expectFocusOn(document.getElementById('end'), 'Tab: out of the widget', true);

      // And all the way back: Shift+Tab from the end reaches the sort switch again.
      for (let i = 0; i < 11; i++) await press('Shift+Tab');
      expectFocusOn(sort, 'Shift+Tab back to the sort switch');
    });

    it('changes the sort order with the keyboard', async () => {
      const api = serve({ list: thread() });
      const el = await mount();
      await clickStart();
      await press('Tab');
      expectFocusOn(shadow(el).querySelector('select'), 'sort switch');
      await press('ArrowDown');
      await waitUntil(() => api.gets().some((request) => request.url.searchParams.get('sort') === 'oldest'), 'oldest first is requested');
      expect(el.sort).to.equal('oldest');
    });

    it('moves focus to the first invalid field when submitted empty', async () => {
      const api = serve({ list: thread() });
      const el = await mount();
      await clickStart();
      for (let i = 0; i < 4; i++) await press('Tab');
      expectFocusOn(submitButton(el), 'submit');
      await press('Enter');
      await waitUntil(() => focused() === field(el, 'name'), 'focus moves to the name field');
      expectFocusOn(field(el, 'name'), 'first invalid field');
      expect(field(el, 'name')!.getAttribute('aria-invalid')).to.equal('true');
      expect(api.posts()).to.have.length(0);
    });

    it('types and posts a comment with the keyboard; the new comment is focused and announced', async () => {
      const api = serve({ list: thread(), post: (request) => created(request, { id: 'mine' }) });
      const el = await mount();
      await clickStart();
      await press('Tab');
      await press('Tab');
      expectFocusOn(field(el, 'name'), 'name');
      await sendKeys({ type: 'Somchai' });
      await press('Tab');
      expectFocusOn(field(el, 'body'), 'comment');
      await sendKeys({ type: 'Thank you for the news' });
      await press('Tab');
      expectFocusOn(submitButton(el), 'submit');
      await press('Enter');

      await waitUntil(() => focused() === shadow(el).querySelector('[data-id="mine"]'), 'the new comment is focused');
      expect(api.posts()).to.have.length(1);
      expect(api.posts()[0]!.body).to.deep.include({ author: { name: 'Somchai' }, body: 'Thank you for the news' });
      expect(api.posts()[0]!.key).to.be.a('string');
      const mine = shadow(el).querySelector('[data-id="mine"]')!;
      expect(mine.querySelector('[part="text"]')!.textContent).to.equal('Thank you for the news');
      expect(status(el)).to.equal('Your comment was published.');
      expect((field(el, 'body') as HTMLTextAreaElement).value).to.equal('');
      // From the new comment the reader can answer it straight away.
      await press('Tab');
      expectFocusOn(replyButton(el, 'mine'), 'Tab from the new comment: its Reply');
      // No Report on one's own comment (a boolean: a failing comparison of an element is serialized whole).
      expect(!!reportButton(el, 'mine'), 'a Report button on their own comment').to.equal(false);
    });
  });

  describe('<byline-photo-caption> zoom', () => {
    async function mount(lang = 'th'): Promise<BylinePhotoCaption> {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="start">Start</button>
        <byline-photo-caption lang=${lang} .photo=${seedPhoto({ src: PIXEL, width: 30, height: 20 })}></byline-photo-caption>
        <button id="end">End</button>
      </div>`);
      const el = wrapper.querySelector<BylinePhotoCaption>('byline-photo-caption')!;
      await el.updateComplete;
      return el;
    }
    const trigger = (el: HTMLElement) => shadow(el).querySelector('[part="zoom-button"]');
    const dialog = (el: HTMLElement) => shadow(el).querySelector('dialog')!;

    it('Tab to the zoom button, Enter opens, focus is trapped in the dialog, Escape closes and returns focus', async () => {
      const el = await mount();
      await clickStart();
      await press('Tab');
      expectFocusOn(trigger(el), 'Tab: zoom button');

      await press('Enter');
      await waitUntil(() => dialog(el).open, 'Enter opens the zoom');
      const close = shadow(el).querySelector('[part="close"]');
      expectFocusOn(close, 'focus moves into the dialog');
      // Everything behind the modal dialog is out of reach: Tab and Shift+Tab only alternate between the
      // dialog's close button and the browser's own controls (the document body has focus meanwhile).
      for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
        await press(key);
        const now = focused();
        expect(now === close || now === document.body, `${key} in the dialog went to ${nameOf(now)}`).to.equal(true);
      }
      expectFocusOn(close, 'back on the close button after Tab and Shift+Tab');
      await press('Escape');
      await waitUntil(() => !dialog(el).open, 'Escape closes the zoom');
      await waitUntil(() => focused() === trigger(el), 'focus returns to the zoom button');
      expectFocusOn(trigger(el), 'after Escape');
    });

    it('the close button closes with Enter too, and Space opens', async () => {
      const el = await mount('ar');
      await clickStart();
      await press('Tab');
      expectFocusOn(trigger(el), 'zoom button (Arabic)');
      await press('Space');
      await waitUntil(() => dialog(el).open, 'Space opens the zoom');
      expectFocusOn(shadow(el).querySelector('[part="close"]'), 'close button');
      expect(shadow(el).querySelector('[part="close"]')!.textContent!.trim()).to.equal('إغلاق');
      await press('Enter');
      await waitUntil(() => !dialog(el).open, 'Enter on Close closes');
      await waitUntil(() => focused() === trigger(el), 'focus returns to the zoom button');
      expectFocusOn(trigger(el), 'after Close');
      await press('Tab');
      expectFocusOn(document.getElementById('end'), 'Tab continues after the widget', true);
    });
  });

  describe('<byline-related-topics> tabs', () => {
    async function mount(lang: string): Promise<BylineRelatedTopics> {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="start">Start</button>
        <byline-related-topics lang=${lang} layout="tabs" .sections=${seedRelated()}></byline-related-topics>
        <button id="end">End</button>
      </div>`);
      const el = wrapper.querySelector<BylineRelatedTopics>('byline-related-topics')!;
      await el.updateComplete;
      return el;
    }
    const tab = (el: HTMLElement, i: number) => shadow(el).querySelector(`#tab-${i}`);
    const selected = (el: HTMLElement) =>
      [...shadow(el).querySelectorAll('[role="tab"]')].findIndex((node) => node.getAttribute('aria-selected') === 'true');
    const visiblePanel = (el: HTMLElement) =>
      [...shadow(el).querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((panel) => !panel.hidden).map((panel) => panel.id);

    async function arrow(el: BylineRelatedTopics, key: string, expected: number): Promise<void> {
      await press(key);
      await el.updateComplete;
      await waitUntil(() => focused() === tab(el, expected), `${key} focuses tab ${expected}`);
      expectFocusOn(tab(el, expected), key);
      expect(selected(el), `${key} selects`).to.equal(expected);
      expect(visiblePanel(el)).to.deep.equal([`panel-${expected}`]);
    }

    it('one Tab stop for the tab list; arrows, Home and End move and select; Tab enters the panel', async () => {
      const el = await mount('th');
      await clickStart();
      await press('Tab');
      // The first section with articles is selected, and it is the tab list's only Tab stop.
      expectFocusOn(tab(el, 1), 'Tab: selected tab');
      await arrow(el, 'ArrowRight', 2);
      await arrow(el, 'ArrowRight', 0);
      await arrow(el, 'ArrowLeft', 2);
      await arrow(el, 'Home', 0);
      await arrow(el, 'End', 2);
      // An empty panel is itself a Tab stop, so its "no articles" message is reached.
      await press('Tab');
      expectFocusOn(shadow(el).querySelector('#panel-2'), 'Tab: empty panel');
      await press('Shift+Tab');
      expectFocusOn(tab(el, 2), 'Shift+Tab: back to the selected tab');
      await arrow(el, 'ArrowLeft', 1);
      await press('Tab');
      expectFocusOn(shadow(el).querySelector('#panel-1 a'), 'Tab: first article link in the panel');
      for (let i = 0; i < 4; i++) await press('Tab');
      expectFocusOn(document.getElementById('end'), 'Tab past the four links leaves the widget', true);
    });

    it('mirrors the arrows in Arabic (right-to-left)', async () => {
      const el = await mount('ar');
      await clickStart();
      await press('Tab');
      expectFocusOn(tab(el, 1), 'Tab: selected tab');
      await arrow(el, 'ArrowLeft', 2);
      await arrow(el, 'ArrowRight', 1);
      await arrow(el, 'ArrowRight', 0);
    });
  });
});
