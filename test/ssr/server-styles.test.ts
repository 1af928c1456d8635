/**
 * The server sends each element's CSS compacted (src/ssr.ts `compactCss`: no comments, no runs of
 * whitespace), since every server-rendered element repeats its styles in its shadow root. Here the
 * reference server's real `POST /api/render` output is put in the page twice, as declarative shadow DOM
 * with no Byline script: once as served, once with its `<style>` replaced by the source CSS the element
 * was written with. Every node of both must be styled identically.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';
import { baseStyles } from '../../src/core/styles.js';
import { articleCardStyles } from '../../src/article-card/article-card.styles.js';
import { commentBoxStyles } from '../../src/comment-box/comment-box.styles.js';
import { commentCountStyles } from '../../src/comment-count/comment-count.styles.js';
import { photoCaptionStyles } from '../../src/photo-caption/photo-caption.styles.js';
import { relatedTopicsStyles } from '../../src/related-topics/related-topics.styles.js';
import { article, photo, sections, ZONE } from './fixtures.js';

const comments = {
  thread: 'styles',
  total: 1,
  items: [{ id: 'c1', body: 'ความคิดเห็น', author: { name: 'สมชาย' }, createdAt: '2024-12-27T16:00:00+07:00', status: 'published' }],
};

const CASES: [string, object, CSSResultOrNative][] = [
  ['byline-article-card', { element: 'byline-article-card', data: article, lang: 'th', timeZone: ZONE }, articleCardStyles],
  ['byline-related-topics', { element: 'byline-related-topics', data: sections, lang: 'th' }, relatedTopicsStyles],
  ['byline-photo-caption', { element: 'byline-photo-caption', data: photo, lang: 'ar' }, photoCaptionStyles],
  ['byline-comment-count', { element: 'byline-comment-count', data: 12, lang: 'th', attributes: { api: '/api', thread: 't' } }, commentCountStyles],
  ['byline-comment-box', { element: 'byline-comment-box', data: comments, lang: 'th', timeZone: ZONE, attributes: { api: '/api', thread: 'styles' } }, commentBoxStyles],
];

const cssText = (style: CSSResultOrNative) => (style as { cssText: string }).cssText;

/** Every element of a shadow tree, the host first, in document order. */
function nodes(host: Element): Element[] {
  return [host, ...host.shadowRoot!.querySelectorAll('*')];
}

/**
 * Every standard property's computed value. Custom properties (`--_fg`) are left out: their value is the
 * text as written, spaces included; what they do shows in the properties that use them.
 */
function computed(element: Element): Record<string, string> {
  const style = getComputedStyle(element);
  const values: Record<string, string> = {};
  for (let i = 0; i < style.length; i++) if (!style[i]!.startsWith('--')) values[style[i]!] = style.getPropertyValue(style[i]!);
  return values;
}

describe('server-rendered CSS, compacted', () => {
  for (const [tag, body, own] of CASES) {
    it(`${tag}: every node is styled exactly as with the source CSS`, async () => {
      const response = await fetch(`${api}/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).to.equal(200);
      const served = await response.text();
      const styled = /<style>([\s\S]*?)<\/style>/.exec(served)![1]!;
      const source = cssText(baseStyles) + cssText(own);
      expect(styled.includes('/*'), 'no comments').to.equal(false);
      expect(styled.length, 'shorter than the source').to.be.below(source.length * 0.8);
      const page = document.createElement('div');
      page.style.inlineSize = '480px';
      page.setHTMLUnsafe(served + served.replace(/<style>[\s\S]*?<\/style>/, () => `<style>${source}</style>`));
      document.body.append(page);
      try {
        const [compacted, original] = [...page.querySelectorAll(tag)];
        expect(customElements.get(tag), 'no Byline script on this page').to.equal(undefined);
        const a = nodes(compacted!);
        const b = nodes(original!);
        expect(a.length).to.equal(b.length);
        for (let i = 0; i < a.length; i++) {
          const [x, y] = [computed(a[i]!), computed(b[i]!)];
          const differing = Object.keys(y).filter((name) => x[name] !== y[name]);
          expect(differing, `<${a[i]!.localName} class="${a[i]!.getAttribute('class') ?? ''}">`).to.deep.equal([]);
        }
      } finally {
        page.remove();
      }
    });
  }
});
