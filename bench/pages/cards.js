// The three article-card implementations the speed and memory benchmarks compare, all building the
// same DOM with the same styles:
// - byline:  <byline-article-card> from the script-tag bundle (cdn/byline.min.js), what partners ship;
// - lit:     a naive Lit card: one LitElement, the same template and styles, no i18n, no data checks;
// - vanilla: one custom element per card with its own shadow root and the same (adopted) styles, DOM
//            from a cloned <template>, text and attributes set directly. The floor for this DOM.
import { baseStyles } from '/dist/core/styles.js';
import { articleCardStyles } from '/dist/article-card/article-card.styles.js';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat('en');
const pluralRules = new Intl.PluralRules('en');
// A new text goes into the element's existing text node (as Lit's child parts and Byline's `text()` do):
// replacing the node makes the browser lay that text out anew (measured: about a tenth slower to update).
function setText(element, value) {
  const node = element.firstChild;
  if (node instanceof Text && !node.nextSibling) node.data = value;
  else element.textContent = value;
}
const commentCount = (n) => `${numberFormat.format(n)} ${pluralRules.select(n) === 'one' ? 'comment' : 'comments'}`;

async function defineVanilla() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${baseStyles.cssText}\n${articleCardStyles.cssText}`);
  const template = document.createElement('template');
  template.innerHTML =
    '<article class="card" part="card" data-layout="auto" dir="ltr" lang="en">' +
    '<div class="media" part="media"><img part="image" loading="lazy" decoding="async"></div>' +
    '<div class="body"><a class="kicker" part="kicker"></a>' +
    '<div class="headline" part="headline" role="heading" aria-level="3" dir="auto"><a></a></div>' +
    '<p class="summary" part="summary" dir="auto"></p>' +
    '<p class="meta" part="meta"><span class="author">By <a></a></span><span class="source">Source: <a></a></span>' +
    '<time></time><span class="comments"></span></p></div></article>';

  class VanillaCard extends HTMLElement {
    #article;
    #parts;
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
    }
    get article() {
      return this.#article;
    }
    set article(a) {
      let old = this.#article;
      this.#article = a;
      if (!this.#parts) {
        const root = template.content.cloneNode(true);
        const [kicker, headline, author, source] = root.querySelectorAll('a');
        const [img, summary, time, comments] = root.querySelectorAll('img, .summary, time, .comments');
        this.#parts = { media: img.parentNode, img, kicker, headline, summary, author, source, time, comments };
        this.shadowRoot.append(root);
        old = undefined;
      }
      // Like a hand-written component (and like Lit), touch the DOM only where a value changed.
      const p = this.#parts;
      if (a.image !== old?.image) {
        p.media.style.aspectRatio = `${a.image.width} / ${a.image.height}`;
        Object.assign(p.img, { src: a.image.src, width: a.image.width, height: a.image.height, alt: a.image.alt });
      }
      if (a.category !== old?.category) {
        p.kicker.href = a.category.url;
        setText(p.kicker, a.category.name);
      }
      if (a.url !== old?.url) p.headline.href = a.url;
      if (a.lang !== old?.lang) p.headline.lang = p.summary.lang = a.lang;
      if (a.title !== old?.title) setText(p.headline, a.title);
      if (a.summary !== old?.summary) setText(p.summary, a.summary);
      if (a.author !== old?.author) {
        p.author.href = a.author.url;
        setText(p.author, a.author.name);
      }
      if (a.source !== old?.source) {
        p.source.href = a.source.url;
        setText(p.source, a.source.name);
      }
      if (a.publishedAt !== old?.publishedAt) {
        const date = new Date(a.publishedAt);
        Object.assign(p.time, { dateTime: a.publishedAt, title: dateTimeFormat.format(date) });
        setText(p.time, dateFormat.format(date));
      }
      if (a.commentCount !== old?.commentCount) setText(p.comments, commentCount(a.commentCount));
    }
  }
  customElements.define('vanilla-card', VanillaCard);
  return 'vanilla-card';
}

async function defineLit() {
  const { LitElement, html } = await import('lit');
  class LitCard extends LitElement {
    static properties = { article: { attribute: false } };
    static styles = [baseStyles, articleCardStyles];
    render() {
      const a = this.article;
      if (!a) return html``;
      // No whitespace between tags: the same nodes as the other two (Byline's templates are minified).
      const date = new Date(a.publishedAt);
      return html`<article class="card" part="card" data-layout="auto" dir="ltr" lang="en"><div class="media"
        part="media" style="aspect-ratio: ${a.image.width} / ${a.image.height}"><img part="image" src=${a.image.src}
        width=${a.image.width} height=${a.image.height} alt=${a.image.alt} loading="lazy" decoding="async"
        /></div><div class="body"><a class="kicker" part="kicker" href=${a.category.url}>${a.category.name}</a><div
        class="headline" part="headline" role="heading" aria-level="3" dir="auto"><a href=${a.url} lang=${a.lang}>${a.title}</a></div><p
        class="summary" part="summary" lang=${a.lang} dir="auto">${a.summary}</p><p class="meta" part="meta"><span
        class="author">By <a href=${a.author.url}>${a.author.name}</a></span><span class="source">Source: <a
        href=${a.source.url}>${a.source.name}</a></span><time datetime=${a.publishedAt}
        title=${dateTimeFormat.format(date)}>${dateFormat.format(date)}</time><span
        class="comments">${commentCount(a.commentCount)}</span></p></div></article>`;
    }
  }
  customElements.define('lit-card', LitCard);
  return 'lit-card';
}

// The memory floor of any Lit element here (memory benchmark only; not the same DOM): the card's elements
// and styles with static text and no bindings, so its template instance has no parts at all.
async function defineLitFloor() {
  const { LitElement, html } = await import('lit');
  class LitFloorCard extends LitElement {
    static properties = { article: { attribute: false } };
    static styles = [baseStyles, articleCardStyles];
    render() {
      return html`<article class="card" part="card" data-layout="auto"><div class="media" part="media"><img part="image"
        alt="" /></div><div class="body"><a class="kicker" part="kicker">Kicker</a><div class="headline" part="headline"
        role="heading" aria-level="3"><a>Headline</a></div><p class="summary" part="summary">Summary</p><p class="meta"
        part="meta"><span class="author">By <a>Author</a></span><span class="source">Source: <a>Source</a></span><time
        >1 Jan 2026</time><span class="comments">0 comments</span></p></div></article>`;
    }
  }
  customElements.define('lit-floor-card', LitFloorCard);
  return 'lit-floor-card';
}

async function defineByline() {
  await import('/cdn/byline.min.js');
  return 'byline-article-card';
}

const IMPLS = { vanilla: defineVanilla, lit: defineLit, byline: defineByline, litFloor: defineLitFloor };

/** Loads and defines one implementation; returns helpers that render and update cards with it. */
export async function cards(impl) {
  const define = IMPLS[impl];
  if (!define) throw new Error(`unknown impl "${impl}"; use ${Object.keys(IMPLS).join(', ')}`);
  const tag = await define();
  return {
    tag,
    /** Creates one card per article in `container`. */
    render(container, articles) {
      const fragment = document.createDocumentFragment();
      const elements = articles.map((article) => {
        const el = document.createElement(tag);
        el.article = article;
        return el;
      });
      fragment.append(...elements);
      container.append(fragment);
      return elements;
    },
    /** Resolves when every element has rendered (vanilla renders synchronously). */
    settle: (elements) => (impl === 'vanilla' ? undefined : Promise.all(elements.map((el) => el.updateComplete))),
  };
}

/** Style and layout of the whole page, so every implementation pays for the same work. */
export const layout = () => document.body.getBoundingClientRect().height;

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
