/**
 * The language bundles (cdn/byline.<language>.min.js, one per language but English; run `npm run build`
 * first): the script-tag bundle with one more language inline. A page in that language that already holds its widgets gets
 * them rendered, in its language, by the time the script has run — before the next paint, so the
 * widgets do not appear a frame later and push the page down. Each case is a fresh document (an
 * iframe), because a page defines the elements only once.
 */
import { expect } from '@open-wc/testing';
import { seedArticle } from './fixtures.js';

/** The card as the script's load event saw it (fired right after the script has run). */
interface FirstRender {
  date?: string;
  comments?: string;
  dir?: string;
}

/** Loads `bundle` into a fresh page in `lang` that already holds an article card with inline JSON. */
async function firstRender(bundle: string, lang: string): Promise<FirstRender> {
  const frame = document.createElement('iframe');
  const article = JSON.stringify(seedArticle({ publishedAt: '2024-12-27T15:20:10+07:00', commentCount: 2 }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><body>
    <byline-article-card time-zone="Asia/Bangkok" date-style="absolute"><script type="application/json">${article}</script></byline-article-card>
  </body></html>`;
  document.body.append(frame);
  try {
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const doc = frame.contentDocument!;
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = new URL(bundle, location.href).href;
    const seen = new Promise<FirstRender>((resolve, reject) => {
      script.addEventListener('load', () => {
        const root = doc.querySelector('byline-article-card')!.shadowRoot;
        resolve({
          date: root?.querySelector('time')?.textContent ?? undefined,
          comments: root?.querySelector('.comments')?.textContent ?? undefined,
          dir: root?.querySelector<HTMLElement>('.card')?.dir,
        });
      });
      script.addEventListener('error', () => reject(new Error(`${bundle} did not load`)));
    });
    doc.head.append(script);
    return await seen;
  } finally {
    frame.remove();
  }
}

describe('language bundles', () => {
  it('th: the card is rendered in Thai (Buddhist era, Thai plural) when the script has run', async () => {
    const { date, comments, dir } = await firstRender('/cdn/byline.th.min.js', 'th');
    expect(date).to.include('2567');
    expect(comments).to.equal('2 ความคิดเห็น');
    expect(dir).to.equal('ltr');
  });

  it('vi: the card is rendered in Vietnamese when the script has run', async () => {
    const { date, comments } = await firstRender('/cdn/byline.vi.min.js', 'vi');
    expect(date).to.include('2024');
    expect(comments).to.equal('2 bình luận');
  });

  it('ar: the card is rendered right-to-left in Arabic when the script has run', async () => {
    const { comments, dir } = await firstRender('/cdn/byline.ar.min.js', 'ar');
    expect(comments).to.match(/تعليق/);
    expect(dir).to.equal('rtl');
  });

  it('km, one of the newer languages: the card is rendered in Khmer when the script has run', async () => {
    const { comments, dir } = await firstRender('/cdn/byline.km.min.js', 'km');
    expect(comments).to.equal('2 មតិយោបល់');
    expect(dir).to.equal('ltr');
  });

  it('zh-TW page with the zh-Hant bundle: Traditional Chinese when the script has run', async () => {
    const { comments } = await firstRender('/cdn/byline.zh-Hant.min.js', 'zh-TW');
    expect(comments).to.equal('2 則留言');
  });

  it('the plain bundle on a Thai page has not rendered yet at that point (its Thai strings are a request away)', async () => {
    const { comments } = await firstRender('/cdn/byline.min.js', 'th');
    expect(comments).to.equal(undefined);
  });
});
