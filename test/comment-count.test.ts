import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/comment-count.js';
import type { BylineCommentCount } from '../src/comment-count.js';
import { countsEndpoint } from '../src/comment-count/count-batcher.js';
import sinon from 'sinon';
import { captureWarnings, json, stubFetch } from './fixtures.js';
// @ts-expect-error served by the reference-server plugin at test time
import { api as realApi } from '/__byline-e2e.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;
/** What a sighted reader sees: the visible text, without screen-reader-only text. */
const visible = (el: HTMLElement) => {
  const root = shadow(el).querySelector('.root')!.cloneNode(true) as HTMLElement;
  root.querySelectorAll('.visually-hidden').forEach((node) => node.remove());
  return root.textContent!.trim();
};
const hidden = (el: HTMLElement) => shadow(el).querySelector('.visually-hidden')?.textContent ?? '';

// The batcher caches per API for the page's life, so every test uses its own API base.
let apiNo = 0;
const freshApi = () => `https://comments.test/api-${++apiNo}`;

interface Server {
  requests: string[][];
  urls: string[];
  restore: () => void;
}

/**
 * A fake counts endpoint: answers `counts` for the requested threads (or whatever `answer` returns).
 * Only for what the reference server cannot be made to answer: thread ids and API spellings it refuses,
 * an answer held back on cue, and malformed or failing answers.
 */
function countsServer(counts: Record<string, unknown>, answer?: (threads: string[], call: number) => Response | Promise<Response>): Server {
  const server: Server = { requests: [], urls: [], restore: () => {} };
  server.restore = stubFetch((url) => {
    const threads = new URL(url).searchParams.getAll('thread');
    server.requests.push(threads);
    server.urls.push(url);
    if (answer) return answer(threads, server.requests.length);
    return json({ counts: Object.fromEntries(threads.filter((t) => t in counts).map((t) => [t, counts[t]])) });
  });
  return server;
}

let realNo = 0;
/**
 * The reference server over real HTTP, with this test's own threads holding `counts` published
 * comments each (`thread(name)` is a name's id there, unique to the test, so the page-wide cache of
 * counts never answers for it). `requests` are the threads of each counts request the page sent, seen
 * by a pass-through spy on fetch.
 */
async function referenceServer(counts: Record<string, number>) {
  const prefix = `count-${Date.now().toString(36)}-${++realNo}`;
  const thread = (name: string) => `${prefix}-${name}`;
  let posted = 0;
  const add = (name: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const response = await fetch(`${realApi}/threads/${thread(name)}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${prefix}-${++posted}` },
          body: JSON.stringify({ author: { name: 'Lan' }, body: `Bình luận ${posted}` }),
        });
        expect(response.status).to.equal(201);
      }),
    );
  for (const [name, n] of Object.entries(counts)) await add(name, n);
  const spy = sinon.spy(window, 'fetch');
  const urls = () => spy.getCalls().map((call) => String(call.args[0])).filter((url) => url.startsWith(`${realApi}/counts?`));
  return {
    api: realApi as string,
    thread,
    add,
    urls,
    requests: () => urls().map((url) => new URL(url).searchParams.getAll('thread')),
    restore: () => spy.restore(),
  };
}

async function counts(template: ReturnType<typeof html>): Promise<BylineCommentCount[]> {
  const wrapper = await fixture<HTMLElement>(template);
  const elements = [...wrapper.querySelectorAll('byline-comment-count')];
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements;
}

/** Waits until every element shows a count or the unavailable state. */
const settled = (elements: BylineCommentCount[]) =>
  // The answers come over real HTTP from a server on a shared machine: wait for them as long as a test may take.
  waitUntil(() => elements.every((el) => shadow(el).querySelector('[part="count"], [part="unavailable"]')), 'counts settle', { timeout: 8000 });

/** Records `byline-error` details from the start (the answer can arrive before a fixture resolves). */
function recordErrors(): { details: { kind: string; field?: string }[]; stop: () => void } {
  const details: { kind: string; field?: string }[] = [];
  const listener = (event: HTMLElementEventMap['byline-error']) => details.push(event.detail);
  document.body.addEventListener('byline-error', listener);
  return { details, stop: () => document.body.removeEventListener('byline-error', listener) };
}

describe('<byline-comment-count>', () => {
  it('serves every count on the page with one deduplicated request to the reference server', async () => {
    const server = await referenceServer({ a: 3, b: 0, c: 12, d: 1, e: 7 });
    try {
      const elements = await counts(html`<div lang="th">
        ${['a', 'b', 'c', 'd', 'e', 'a'].map((name) => html`<byline-comment-count api=${server.api} thread=${server.thread(name)}></byline-comment-count>`)}
      </div>`);
      await settled(elements);
      expect(server.requests()).to.have.length(1);
      expect(server.requests()[0]).to.have.members(['a', 'b', 'c', 'd', 'e'].map(server.thread)).and.to.have.length(5);
      expect(elements.map(visible)).to.deep.equal([
        '3 ความคิดเห็น',
        '0 ความคิดเห็น',
        '12 ความคิดเห็น',
        '1 ความคิดเห็น',
        '7 ความคิดเห็น',
        '3 ความคิดเห็น',
      ]);
      await expect(elements[2]).to.be.accessible();
    } finally {
      server.restore();
    }
  });

  it('batches elements connected one by one across microtasks of the same task', async () => {
    const server = await referenceServer({ a: 1, b: 2 });
    const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    try {
      const elements = ['a', 'b'].map((name) => Object.assign(document.createElement('byline-comment-count'), { api: server.api, thread: server.thread(name) }));
      host.append(elements[0]!);
      await Promise.resolve();
      host.append(elements[1]!);
      await settled(elements);
      expect(server.requests()).to.have.length(1);
      expect(elements.map(visible)).to.deep.equal(['1 comment', '2 comments']);
    } finally {
      server.restore();
    }
  });

  it('splits 150 threads into two requests of at most 100 (the server refuses more)', async () => {
    // Threads nobody commented on count 0: two with comments show that each answer reaches its element.
    const server = await referenceServer({ 1: 1, 149: 2 });
    const threads = Array.from({ length: 150 }, (_, i) => server.thread(String(i)));
    try {
      // Eager: 150 counts run far below the fold, and this test is about the split, not the viewport.
      const elements = await counts(html`<div lang="en">
        ${threads.map((thread) => html`<byline-comment-count loading="eager" api=${server.api} thread=${thread}></byline-comment-count>`)}
      </div>`);
      await settled(elements);
      expect(server.requests().map((r) => r.length)).to.deep.equal([100, 50]);
      expect(new Set(server.requests().flat()).size).to.equal(150);
      expect(visible(elements[149]!)).to.equal('2 comments');
      expect(visible(elements[1]!)).to.equal('1 comment');
      expect(visible(elements[0]!)).to.equal('0 comments');
    } finally {
      server.restore();
    }
  });

  it('makes one request per api, joining the path safely and encoding threads', async () => {
    const [first, second] = [freshApi(), `${freshApi()}/`];
    const server = countsServer({ 'x/y?&z': 2, 'ข่าว 1': 5 });
    try {
      const elements = await counts(html`<div lang="en">
        <byline-comment-count api=${first} thread=${'x/y?&z'}></byline-comment-count>
        <byline-comment-count api=${second} thread="ข่าว 1"></byline-comment-count>
        <byline-comment-count api=${first} thread="ข่าว 1"></byline-comment-count>
      </div>`);
      await settled(elements);
      expect(server.requests).to.have.length(2);
      expect(server.urls).to.include(`${first}/counts?thread=x%2Fy%3F%26z&thread=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7+1`);
      expect(server.urls).to.include(`${second}counts?thread=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7+1`);
      expect(elements.map(visible)).to.deep.equal(['2 comments', '5 comments', '5 comments']);
    } finally {
      server.restore();
    }
  });

  it('builds {api}/counts from any spelling of the api', () => {
    expect(countsEndpoint('https://c.example/api')).to.equal('https://c.example/api/counts');
    expect(countsEndpoint('https://c.example/api//')).to.equal('https://c.example/api/counts');
    expect(countsEndpoint('https://c.example/api?key=k#x')).to.equal('https://c.example/api/counts?key=k');
    expect(countsEndpoint('/api')).to.equal(`${location.origin}/api/counts`);
  });

  describe('languages and formats', () => {
    const cases: Record<string, [number, string][]> = {
      th: [[0, '0 ความคิดเห็น'], [1, '1 ความคิดเห็น'], [12, '12 ความคิดเห็น']],
      vi: [[0, '0 bình luận'], [1, '1 bình luận'], [12, '12 bình luận']],
      en: [[0, '0 comments'], [1, '1 comment'], [12, '12 comments']],
      ar: [[0, 'لا تعليقات'], [1, 'تعليق واحد'], [2, 'تعليقان'], [3, '3 تعليقات'], [11, '11 تعليقًا'], [100, '100 تعليق']],
    };
    for (const [lang, expected] of Object.entries(cases)) {
      it(`uses the plural forms of ${lang}`, async () => {
        const server = await referenceServer(Object.fromEntries(expected.map(([n]) => [`t${n}`, n])));
        try {
          const elements = await counts(html`<div lang=${lang}>
            ${expected.map(([n]) => html`<byline-comment-count api=${server.api} thread=${server.thread(`t${n}`)}></byline-comment-count>`)}
          </div>`);
          await settled(elements);
          expect(elements.map(visible)).to.deep.equal(expected.map(([, text]) => text));
          expect(shadow(elements[0]!).querySelector('.root')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          if (lang === 'ar') await expect(elements[3]).to.be.accessible();
        } finally {
          server.restore();
        }
      });
    }

    it('shows a bare number with format="number", keeping the full phrase for screen readers', async () => {
      const server = await referenceServer({ a: 12 });
      const api = server.api;
      try {
        const [el] = await counts(html`<div lang="vi"><byline-comment-count api=${api} thread=${server.thread('a')} format="number"></byline-comment-count></div>`);
        await settled([el!]);
        expect(visible(el!)).to.equal('12');
        expect(hidden(el!)).to.equal('12 bình luận');
        expect(shadow(el!).querySelector('[aria-hidden="true"]')!.getAttribute('title')).to.equal('12 bình luận');
        await expect(el).to.be.accessible();
      } finally {
        server.restore();
      }
    });

    it('shows native digits when asked', async () => {
      const server = await referenceServer({ a: 12 });
      const api = server.api;
      try {
        const [thai, arabic] = await counts(html`<div>
          <byline-comment-count lang="th" digits="native" api=${api} thread=${server.thread('a')}></byline-comment-count>
          <byline-comment-count lang="ar" digits="native" api=${api} thread=${server.thread('a')} format="number"></byline-comment-count>
        </div>`);
        await settled([thai!, arabic!]);
        expect(visible(thai!)).to.equal('๑๒ ความคิดเห็น');
        expect(visible(arabic!)).to.equal('١٢');
        expect(hidden(arabic!)).to.equal('١٢ تعليقًا');
        expect(server.requests()).to.have.length(1);
      } finally {
        server.restore();
      }
    });

    it('links to href when it is http(s) or relative, and never to javascript:', async () => {
      const server = await referenceServer({ a: 2 });
      const api = server.api;
      try {
        const [linked, unsafe] = await counts(html`<div lang="en">
          <byline-comment-count api=${api} thread=${server.thread('a')} href="/article/a#comments"></byline-comment-count>
          <byline-comment-count api=${api} thread=${server.thread('a')} href="javascript:alert(1)"></byline-comment-count>
        </div>`);
        await settled([linked!, unsafe!]);
        const link = shadow(linked!).querySelector('a')!;
        expect(link.getAttribute('href')).to.equal('/article/a#comments');
        expect(link.textContent).to.equal('2 comments');
        expect(shadow(unsafe!).querySelector('a')).to.equal(null);
        expect(visible(unsafe!)).to.equal('2 comments');
        await expect(linked).to.be.accessible();
      } finally {
        server.restore();
      }
    });
  });

  describe('loading', () => {
    it('shows an accessible placeholder as wide as a typical count', async () => {
      const api = freshApi();
      let answer!: () => void;
      const server = countsServer({}, (threads) => new Promise((resolve) => (answer = () => resolve(json({ counts: { [threads[0]!]: 12 } })))));
      try {
        const [el] = await counts(html`<p lang="en">See <byline-comment-count api=${api} thread="a"></byline-comment-count> below</p>`);
        await waitUntil(() => server.requests.length === 1);
        const placeholder = shadow(el!).querySelector<HTMLElement>('[part="placeholder"]')!;
        expect(hidden(el!)).to.equal('Loading…');
        expect(placeholder.querySelector('[aria-hidden="true"]')!.textContent).to.equal('10 comments');
        const loadingWidth = el!.getBoundingClientRect().width;
        await expect(el).to.be.accessible();
        const loaded = oneEvent(el!, 'byline-load');
        answer();
        expect((await loaded).detail.value).to.equal(12);
        await el!.updateComplete;
        expect(visible(el!)).to.equal('12 comments');
        expect(el!.getBoundingClientRect().width).to.be.closeTo(loadingWidth, 1);
      } finally {
        server.restore();
      }
    });

    it('sits on the line of the surrounding text, in its font, without making the line taller', async () => {
      const server = await referenceServer({ a: 12 });
      const api = server.api;
      try {
        const line = await fixture<HTMLElement>(html`<p lang="th" style="font: 13px/1.5 serif; color: rgb(80, 20, 20)"
          ><span>ข่าว</span> <byline-comment-count api=${api} thread=${server.thread('a')} href="/a"></byline-comment-count></p>`);
        const el = line.querySelector('byline-comment-count')!;
        const height = line.getBoundingClientRect().height;
        await settled([el]);
        const link = shadow(el).querySelector('a')!;
        const bottom = (node: Node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return range.getBoundingClientRect().bottom;
        };
        expect(bottom(link)).to.be.closeTo(bottom(line.querySelector('span')!), 0.5);
        expect(line.getBoundingClientRect().height).to.equal(height);
        expect(getComputedStyle(link).fontSize).to.equal('13px');
        expect(getComputedStyle(link).color).to.equal('rgb(80, 20, 20)');
      } finally {
        server.restore();
      }
    });

    it('starts a new batch for elements added later, and reuses cached counts', async () => {
      const server = await referenceServer({ a: 1, b: 2 });
      try {
        const [first] = await counts(html`<div lang="en"><byline-comment-count api=${server.api} thread=${server.thread('a')}></byline-comment-count></div>`);
        await settled([first!]);
        const later = document.createElement('byline-comment-count');
        later.api = server.api;
        later.thread = server.thread('b');
        const again = document.createElement('byline-comment-count');
        again.setAttribute('api', server.api);
        again.setAttribute('thread', server.thread('a'));
        first!.parentElement!.append(later, again);
        await settled([later, again]);
        expect(server.requests()).to.deep.equal([[server.thread('a')], [server.thread('b')]]);
        expect([visible(later), visible(again)]).to.deep.equal(['2 comments', '1 comment']);
      } finally {
        server.restore();
      }
    });

    it('refresh() asks again, batching refreshes made together', async () => {
      const server = await referenceServer({ a: 1, b: 1 });
      try {
        const elements = await counts(html`<div lang="en">
          <byline-comment-count api=${server.api} thread=${server.thread('a')}></byline-comment-count>
          <byline-comment-count api=${server.api} thread=${server.thread('b')}></byline-comment-count>
        </div>`);
        await settled(elements);
        expect(elements.map(visible)).to.deep.equal(['1 comment', '1 comment']);
        // Readers comment meanwhile.
        await server.add('a', 3);
        await server.add('b', 3);
        await Promise.all(elements.map((el) => el.refresh()));
        await Promise.all(elements.map((el) => el.updateComplete));
        expect(server.requests()).to.have.length(2);
        expect(server.requests()[1]).to.have.members([server.thread('a'), server.thread('b')]);
        expect(elements.map(visible)).to.deep.equal(['4 comments', '4 comments']);
      } finally {
        server.restore();
      }
    });

    it('is not disturbed by an element removed before the answer', async () => {
      const api = freshApi();
      let answer!: () => void;
      const server = countsServer({}, () => new Promise((resolve) => (answer = () => resolve(json({ counts: { a: 5, b: 6 } })))));
      try {
        const [gone, stays] = await counts(html`<div lang="en">
          <byline-comment-count api=${api} thread="a"></byline-comment-count>
          <byline-comment-count api=${api} thread="b"></byline-comment-count>
        </div>`);
        await waitUntil(() => server.requests.length === 1);
        gone!.remove();
        answer();
        await settled([stays!]);
        expect(visible(stays!)).to.equal('6 comments');
        document.body.append(gone!);
        await settled([gone!]);
        expect(visible(gone!)).to.equal('5 comments');
        expect(server.requests).to.have.length(1);
        gone!.remove();
      } finally {
        server.restore();
      }
    });
  });

  describe('lazy by default (loading)', () => {
    /** Three counts on the first screen, then `gap` px of page, then three more together. */
    const page = (server: Awaited<ReturnType<typeof referenceServer>>, gap: number, farLoading?: string) =>
      counts(html`<div lang="en">
        ${['a', 'b', 'c'].map((name) => html`<byline-comment-count api=${server.api} thread=${server.thread(name)}></byline-comment-count>`)}
        <div style="height: ${gap}px"></div>
        ${['x', 'y', 'z'].map((name) => html`<byline-comment-count api=${server.api} thread=${server.thread(name)} loading=${farLoading ?? 'lazy'}></byline-comment-count>`)}
      </div>`);
    /** The viewport observer has answered by then, and a batch it released has been sent. */
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))));
    const placeholder = (el: BylineCommentCount) => shadow(el).querySelector('[part="placeholder"]');

    afterEach(() => window.scrollTo(0, 0));

    it('asks for the counts near the viewport in one request, and for those far below only once they come near, together', async () => {
      const server = await referenceServer({ a: 1, b: 2, c: 3, x: 4, y: 5, z: 6 });
      try {
        const elements = await page(server, 5000);
        const [near, far] = [elements.slice(0, 3), elements.slice(3)];
        await settled(near);
        await frames();
        expect(server.requests()).to.deep.equal([near.map((el) => el.thread)]);
        expect(far.every(placeholder), 'far below: still the placeholder').to.equal(true);
        await expect(far[0]).to.be.accessible();
        // Scrolled until the far counts are within the near-viewport margin: all three come near at once.
        far[0]!.scrollIntoView();
        await settled(far);
        expect(server.requests()).to.have.length(2);
        expect(server.requests()[1]).to.have.members(far.map((el) => el.thread!)).and.to.have.length(3);
        expect(elements.map(visible)).to.deep.equal(['1 comment', '2 comments', '3 comments', '4 comments', '5 comments', '6 comments']);
      } finally {
        server.restore();
      }
    });

    it('asks at once with loading="eager", however far below the count is', async () => {
      const server = await referenceServer({ a: 1, x: 4 });
      try {
        const elements = await page(server, 5000, 'eager');
        await settled(elements);
        // The far counts asked as they connected, before the viewport observer released the near ones.
        expect(server.requests()[0]).to.have.members(['x', 'y', 'z'].map(server.thread));
        expect(visible(elements[3]!)).to.equal('4 comments');
        expect(window.scrollY).to.equal(0);
      } finally {
        server.restore();
      }
    });

    it('once it has come near, a new thread or a refresh asks at once, even scrolled far away', async () => {
      const server = await referenceServer({ a: 1, b: 2 });
      try {
        const elements = await page(server, 5000);
        const first = elements[0]!;
        await settled([first]);
        elements[5]!.scrollIntoView();
        await frames();
        first.thread = server.thread('b');
        await first.updateComplete;
        await settled([first]);
        expect(visible(first)).to.equal('2 comments');
        await server.add('b', 1);
        await first.refresh();
        await first.updateComplete;
        expect(visible(first)).to.equal('3 comments');
      } finally {
        server.restore();
      }
    });

    it('a refresh() waiting for the viewport settles when the page gives the count meanwhile, and nothing is asked', async () => {
      const server = await referenceServer({});
      try {
        const elements = await page(server, 5000);
        const far = elements[3]!;
        const refreshed = far.refresh();
        far.count = 7;
        await refreshed;
        await far.updateComplete;
        expect(visible(far)).to.equal('7 comments');
        far.scrollIntoView();
        await frames();
        expect(server.requests().flat()).to.not.include(far.thread);
      } finally {
        server.restore();
      }
    });

    it('removed while waiting for the viewport, it asks once it is back in the page and near', async () => {
      const server = await referenceServer({ x: 4 });
      try {
        const elements = await page(server, 5000);
        const far = elements[3]!;
        await frames();
        far.remove();
        await frames();
        elements[0]!.before(far);
        await settled([far]);
        expect(visible(far)).to.equal('4 comments');
        expect(server.requests().flat()).to.include(server.thread('x'));
        expect(server.requests().flat()).to.not.include(server.thread('y'));
      } finally {
        server.restore();
      }
    });
  });

  describe('failures', () => {
    it('shows a quiet, localized unavailable state and warns once per failed request', async () => {
      const api = freshApi();
      const server = countsServer({}, () => json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }));
      const warnings = captureWarnings();
      const errors = recordErrors();
      try {
        const elements = await counts(html`<div lang="th">
          ${['a', 'b', 'c'].map((thread) => html`<byline-comment-count api=${api} thread=${thread}></byline-comment-count>`)}
        </div>`);
        await settled(elements);
        expect(elements.map(visible)).to.deep.equal(['—', '—', '—']);
        expect(hidden(elements[0]!)).to.equal('ไม่สามารถแสดงจำนวนความคิดเห็นได้');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('404');
        expect(errors.details.map((detail) => detail.kind)).to.deep.equal(['http', 'http', 'http']);
        expect(server.requests).to.have.length(1);
        await expect(elements[0]).to.be.accessible();
      } finally {
        errors.stop();
        warnings.restore();
        server.restore();
      }
    });

    it('keeps a plain localized "Comments" link when the count fails and there is an href', async () => {
      const api = freshApi();
      const server = countsServer({}, () => json({}, { status: 404 }));
      const warnings = captureWarnings();
      try {
        const [el] = await counts(html`<div lang="vi"><byline-comment-count api=${api} thread="a" href="/a#comments"></byline-comment-count></div>`);
        await settled([el!]);
        expect(shadow(el!).querySelector('a')!.textContent).to.equal('Bình luận');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
        server.restore();
      }
    });

    it('fails only the thread whose count is not a number, naming counts.<thread>', async () => {
      const api = freshApi();
      const server = countsServer({ a: '3', b: 2, c: -1 });
      const warnings = captureWarnings();
      const errors = recordErrors();
      try {
        const elements = await counts(html`<div lang="en">
          ${['a', 'b', 'c'].map((thread) => html`<byline-comment-count api=${api} thread=${thread}></byline-comment-count>`)}
        </div>`);
        await settled(elements);
        expect(elements.map(visible)).to.deep.equal(['—', '2 comments', '—']);
        expect(hidden(elements[0]!)).to.equal('Comment count unavailable');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('"counts.a"').and.to.contain('"counts.c"');
        expect(errors.details.map((detail) => detail.field)).to.deep.equal(['counts.a', 'counts.c']);
      } finally {
        errors.stop();
        warnings.restore();
        server.restore();
      }
    });

    it('treats an answer without a counts object as invalid data', async () => {
      const api = freshApi();
      const server = countsServer({}, () => json({ a: 1 }));
      const warnings = captureWarnings();
      try {
        const [el] = await counts(html`<div lang="ar"><byline-comment-count api=${api} thread="a"></byline-comment-count></div>`);
        await settled([el!]);
        expect(visible(el!)).to.equal('—');
        expect(hidden(el!)).to.equal('تعذّر عرض عدد التعليقات');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('"counts" must be an object');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
        server.restore();
      }
    });

    it('does not wait out a long Retry-After on 429, and tries again on a later lookup', async () => {
      const api = freshApi();
      const server = countsServer({}, (threads, call) =>
        call === 1 ? json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '60' } }) : json({ counts: { [threads[0]!]: 9 } }),
      );
      const warnings = captureWarnings();
      try {
        const [el] = await counts(html`<div lang="en"><byline-comment-count api=${api} thread="a"></byline-comment-count></div>`);
        await settled([el!]);
        expect(visible(el!)).to.equal('—');
        expect(server.requests).to.have.length(1);
        expect(warnings.messages).to.have.length(1);
        await el!.refresh();
        await el!.updateComplete;
        expect(visible(el!)).to.equal('9 comments');
      } finally {
        warnings.restore();
        server.restore();
      }
    });

    it('retries a 500 (GET retries come from requestJson)', async () => {
      const api = freshApi();
      const server = countsServer({}, (threads, call) => (call === 1 ? json({}, { status: 500 }) : json({ counts: { [threads[0]!]: 3 } })));
      try {
        const [el] = await counts(html`<div lang="en"><byline-comment-count api=${api} thread="a"></byline-comment-count></div>`);
        await settled([el!]);
        expect(visible(el!)).to.equal('3 comments');
        expect(server.requests).to.have.length(2);
      } finally {
        server.restore();
      }
    });

    it('warns once and shows the unavailable state without a usable api or thread', async () => {
      const server = countsServer({});
      const warnings = captureWarnings();
      try {
        const elements = await counts(html`<div lang="en">
          <byline-comment-count thread="a"></byline-comment-count>
          <byline-comment-count api="javascript:alert(1)" thread="a"></byline-comment-count>
          <byline-comment-count api=${freshApi()}></byline-comment-count>
        </div>`);
        expect(elements.map(visible)).to.deep.equal(['—', '—', '—']);
        // One warning each, each saying what is wrong (the elements warn in no fixed order).
        expect([...warnings.messages].sort()).to.deep.equal([
          '[byline] <byline-comment-count>: "api" is not an http(s) URL',
          '[byline] <byline-comment-count>: has no "api" URL',
          '[byline] <byline-comment-count>: has no "thread"',
        ]);
        expect(server.requests).to.have.length(0);
      } finally {
        warnings.restore();
        server.restore();
      }
    });
  });

  it('is accessible in the dark theme, loading and loaded', async () => {
    const api = freshApi();
    let answer!: () => void;
    const server = countsServer({}, () => new Promise((resolve) => (answer = () => resolve(json({ counts: { a: 4 } })))));
    try {
      const [el] = await counts(html`<div style="background: #1b1b1f; color: #ededed" lang="en">
        <byline-comment-count theme="dark" api=${api} thread="a" href="/a"></byline-comment-count>
      </div>`);
      await waitUntil(() => server.requests.length === 1);
      expect(getComputedStyle(shadow(el!).querySelector('.placeholder')!).backgroundColor).to.equal('rgb(45, 45, 51)');
      await expect(el).to.be.accessible();
      answer();
      await settled([el!]);
      expect(getComputedStyle(shadow(el!).querySelector('a')!).color).to.equal('rgb(237, 237, 237)');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });

  it('a count the page already knows (the count attribute) is shown without a request; a bad one is unavailable, with one warning', async () => {
    const server = countsServer({ t1: 9 });
    const warnings = captureWarnings();
    try {
      const el = await fixture<BylineCommentCount>(html`<byline-comment-count api=${freshApi()} thread="t1" count="4" lang="en"></byline-comment-count>`);
      expect(visible(el)).to.equal('4 comments');
      el.setAttribute('count', '-1');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="unavailable"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      expect(server.urls).to.deep.equal([]);
      expect(warnings.messages.length).to.equal(1);
      expect(warnings.messages[0]).to.contain('"count"');
    } finally {
      warnings.restore();
      server.restore();
    }
  });
});
