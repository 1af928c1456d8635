/**
 * Hostile host pages: aggressive global CSS must not change how the widgets look, and the widgets'
 * CSS must not leak out into the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// @ts-expect-error served by the reference-server plugin at test time
import { api } from '/__byline-e2e.js';
import '../src/index.js';
import type { BylineCommentBox } from '../src/index.js';
import { PIXEL, seedArticle, seedPhoto, seedRelated } from './fixtures.js';

// Widgets size their text in rem, so a reader's root font-size preference still applies; huge sizes on
// every other element (body, *, the host itself) must not reach inside.
const HOSTILE_CSS = `
  * { font-family: Georgia, serif !important; letter-spacing: 7px; text-transform: uppercase; color: rgb(122, 0, 0); line-height: 3; }
  body, body * { font-size: 40px !important; }
  a { color: hotpink !important; }
  img { border: 6px dashed orange !important; width: 40px !important; }
  div, p, span, ul, li, section, article, figure { margin: 30px !important; padding: 20px !important; }
  button { all: unset; }
`;

describe('hostile host page CSS', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  async function widgets() {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
      <byline-article-card .article=${seedArticle({ image: { src: PIXEL, width: 1200, height: 800 } })}></byline-article-card>
      <byline-photo-caption .photo=${seedPhoto({ src: PIXEL })}></byline-photo-caption>
      <byline-related-topics .sections=${seedRelated().sections}></byline-related-topics>
      <p class="outside">Page text</p>
    </div>`);
    const elements = [...wrapper.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('byline-article-card, byline-photo-caption, byline-related-topics')];
    await Promise.all(elements.map((el) => el.updateComplete));
    return { wrapper, elements };
  }

  function snapshot(elements: HTMLElement[]) {
    return elements.flatMap((el) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('a, p, span, h2, h3, figcaption, img, button, [role="heading"]')].map((node) => {
        const c = getComputedStyle(node);
        return `${el.localName} ${node.localName}.${node.className}: ${c.fontFamily} | ${c.fontSize} | ${c.letterSpacing} | ${c.textTransform} | ${c.color} | ${c.borderStyle} | ${c.margin}`;
      }),
    );
  }

  it('looks exactly the same inside every widget with or without the hostile CSS', async () => {
    style.remove();
    const { elements } = await widgets();
    const clean = snapshot(elements);
    document.head.append(style);
    const hostile = snapshot(elements);
    expect(hostile.length).to.be.greaterThan(20);
    expect(hostile).to.deep.equal(clean);
  });

  it('survives a global `* { all: unset }` reset', async () => {
    style.remove();
    const { elements } = await widgets();
    const clean = snapshot(elements);
    const reset = document.createElement('style');
    reset.textContent = '* { all: unset; }';
    document.head.append(reset);
    try {
      expect(snapshot(elements)).to.deep.equal(clean);
      for (const el of elements) expect(el.shadowRoot!.querySelector('a, img')!.getBoundingClientRect().height, el.localName).to.be.greaterThan(0);
    } finally {
      reset.remove();
    }
  });

  it('keeps the zoom button a real, visible button', async () => {
    const { elements } = await widgets();
    const caption = elements.find((el) => el.localName === 'byline-photo-caption')!;
    const button = caption.shadowRoot!.querySelector('button')!;
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
  });

  it('does not leak its own CSS into the page, including the comment box sheet adopted into the document', async () => {
    style.remove();
    // The page's own form and text, styled only by the browser: what a widget's CSS could reach.
    const page = await fixture<HTMLDivElement>(html`<div class="page-form">
      <form class="form"><p class="hint">Page text</p><label>Name <input name="name" /></label>
        <textarea name="body"></textarea><button type="submit">Send</button></form>
    </div>`);
    const nodes = [...page.querySelectorAll<HTMLElement>('form, p, label, input, textarea, button')];
    const look = () =>
      nodes.map((node) => {
        const c = getComputedStyle(node);
        return `${node.localName}: ${c.fontFamily} | ${c.fontSize} | ${c.color} | ${c.backgroundColor} | ${c.margin} | ${c.padding} | ${c.border} | ${c.display} | ${c.width} | ${c.gap}`;
      });
    const before = look();
    expect(document.adoptedStyleSheets, 'no widget sheet before the widgets mount').to.have.length(0);
    await widgets();
    const box = await fixture<BylineCommentBox>(html`<byline-comment-box api=${api} thread="host-page-css" lang="en" loading="eager"></byline-comment-box>`);
    await waitUntil(() => box.querySelector('form.byline-comment-form'), 'the comment form');
    expect(document.adoptedStyleSheets, "the comment box's form sheet").to.have.length(1);
    expect(look()).to.deep.equal(before);
  });
});
