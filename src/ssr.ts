/**
 * `byline-widgets/ssr` (Node only): Byline elements rendered on the server, through Lit's own server
 * renderer (`@lit-labs/ssr`), into declarative shadow DOM with all their text, links and localized dates.
 * Pages that use it load the hydration entry (`byline-widgets/hydrate.js` or `cdn/byline.hydrate.min.js`)
 * instead of the plain bundle, so the elements take over the server's DOM without rendering it again.
 *
 * For example `await renderToString('byline-article-card', article, { lang: 'th', timeZone: 'Asia/Bangkok' })`
 * (see docs/server-rendering.md).
 *
 * The data goes into the output as well (inline JSON for a card, related list or comment box's first page,
 * the `<img>` and caption for a photo, the `count` attribute for a comment count), so the browser renders
 * exactly what the server did and fetches nothing it was given. Every locale's strings are loaded when this module is imported: a server render
 * is in the element's language at once (a browser loads them on demand).
 */
import { LitElementRenderer, render } from '@lit-labs/ssr';
import { html, nothing, unsafeCSS, type CSSResult } from 'lit';
import type { RenderResult } from '@lit-labs/ssr/lib/render-result.js';
import './index.js';
import { BylineElement, type Theme } from './core/byline-element.js';
import { checkCommentPage } from './comment-box/comments-api.js';
import { checkArticle, checkPhoto, checkRelatedFeed, ContractError, type Photo } from './core/contract.js';
import { loadStrings, SUPPORTED_LANGUAGES, type DigitsOption, type LocaleController } from './core/i18n.js';

await Promise.all(SUPPORTED_LANGUAGES.map(loadStrings));

// In a browser an element resolves its language just before each update (scheduleUpdate), which Lit's
// server renderer never calls. It does call these hooks with the element and its attributes set, just
// before willUpdate and render: resolve it there. (Server-only, so the browser bundles do not carry it.)
LitElementRenderer.renderOptions.push((element) => {
  if (element instanceof BylineElement) (element as unknown as { i18n: LocaleController }).i18n.resolve();
  return undefined;
});

/**
 * The CSS a server-rendered element carries in its shadow root, without comments and runs of whitespace:
 * each element on a page repeats its styles (declarative shadow DOM has no shared stylesheet), and the
 * sources are written to be read. Hydration does not compare styles; browsers keep the server's.
 */
function compactCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .trim();
}

export { SUPPORTED_LANGUAGES };

export interface RenderOptions {
  /** The element's language (`th`, `ar`, `zh-Hant`, ...): set as its `lang`; default `en`. */
  lang?: string;
  theme?: Theme;
  digits?: DigitsOption;
  /** IANA time zone for dates; give one, or the server's own zone is used (and the browser's may differ). */
  timeZone?: string;
  /** More attributes for the element, e.g. `{ layout: 'hero', 'heading-level': 1, id: 'card' }`. */
  attributes?: Record<string, string | number | boolean | undefined>;
}

/** The elements this module renders, and how each takes its data. */
export const RENDERABLE = [
  'byline-article-card',
  'byline-related-topics',
  'byline-photo-caption',
  'byline-comment-count',
  'byline-comment-box',
] as const;
export type RenderableTag = (typeof RENDERABLE)[number];

for (const tag of RENDERABLE) {
  const element = customElements.get(tag) as unknown as { finalize(): void; elementStyles: CSSResult[] };
  element.finalize();
  // The elements' own stylesheets, not data: unsafeCSS only wraps the compacted text back into a CSSResult.
  element.elementStyles = element.elementStyles.map((style) => unsafeCSS(compactCss(style.cssText)));
}

const JSON_PROPERTY: Partial<Record<RenderableTag, string>> = {
  'byline-article-card': 'article',
  'byline-related-topics': 'sections',
  'byline-comment-box': 'page',
};

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'lang', 'dir', 'title', 'slot', 'hidden']);
// Where the inline JSON goes: after the declarative shadow root, as the host's child.
const JSON_SLOT = '<!--byline-inline-json-->';

/** JSON that stays inert inside `<script>`: no `</script>`, `<!--` or line separators can end it early. */
function scriptJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// One strings array per tag and set of names, so each shape of host is parsed once and cached by Lit.
const hostStrings = new Map<string, TemplateStringsArray>();

function hostTemplate(tag: RenderableTag, names: string[], values: unknown[], children: unknown) {
  const key = `${tag} ${names.join(' ')}`;
  let strings = hostStrings.get(key);
  if (!strings) {
    // `<tag a=${} b=${}>${children}</tag>`: one value per name, then the light DOM.
    const list = names.length
      ? [`<${tag} ${names[0]}=`, ...names.slice(1).map((name) => ` ${name}=`), `>${JSON_SLOT}`, `</${tag}>`]
      : [`<${tag}>${JSON_SLOT}`, `</${tag}>`];
    strings = Object.assign(list, { raw: list }) as unknown as TemplateStringsArray;
    hostStrings.set(key, strings);
  }
  return html(strings, ...values, children);
}

/**
 * A photo caption's light DOM, which a server-side element cannot see: the `<img>` and caption written
 * into the page, and the photo handed to the server-side element. Data that fails the contract goes in
 * as inline JSON instead, so both sides show the same error state.
 */
function photoLightDom(data: unknown, attributes: Map<string, unknown>) {
  if (data === undefined) return { children: '', json: undefined, property: undefined };
  let photo: Photo;
  try {
    photo = checkPhoto(data, 'photo');
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    // The element shows its localized error state and warns, as it would in a browser.
    return { children: '', json: JSON.stringify(data) ?? 'null', property: data };
  }
  if (photo.number !== undefined && !attributes.has('number')) attributes.set('number', photo.number);
  // The image and caption are the host's own light DOM, where crawlers and readers without JavaScript
  // find them; the slot names place them in the figure before any script runs.
  // A URL the policy dropped (javascript:, data:) leaves no image: the caption still renders.
  const image = photo.src === undefined ? nothing : html`<img slot="image" src=${photo.src} srcset=${photo.srcset ?? nothing}
    sizes=${photo.srcset ? (attributes.get('sizes') ?? '100vw') : nothing} width=${photo.width ?? nothing} height=${photo.height ?? nothing}
    alt=${photo.alt} loading=${attributes.get('loading') === 'eager' ? 'eager' : 'lazy'} decoding="async" />`;
  const children = html`${image}${photo.caption ? html`<span slot="caption">${photo.caption}</span>` : ''}`;
  return { children, json: undefined, property: photo };
}

function template(tag: string, data: unknown, options: RenderOptions) {
  if (!(RENDERABLE as readonly string[]).includes(tag)) {
    throw new TypeError(`[byline] renderToString: "${tag}" is not one of ${RENDERABLE.join(', ')}.`);
  }
  const element = tag as RenderableTag;
  const observed = new Set((customElements.get(element) as unknown as { observedAttributes: string[] }).observedAttributes);
  const attributes = new Map<string, unknown>();
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(name) || !(observed.has(name) || GLOBAL_ATTRIBUTES.has(name) || name.startsWith('data-'))) {
      throw new TypeError(`[byline] renderToString: <${element}> has no attribute "${name}".`);
    }
    if (value !== undefined && value !== false) attributes.set(name, value === true ? '' : value);
  }
  attributes.set('lang', options.lang ?? 'en');
  if (options.theme) attributes.set('theme', options.theme);
  if (options.digits) attributes.set('digits', options.digits);
  if (options.timeZone) attributes.set('time-zone', options.timeZone);

  let json: string | undefined;
  let children: unknown = '';
  let property: unknown;
  let propertyName: string | undefined;
  if (element === 'byline-comment-count') {
    const count = typeof data === 'number' ? data : (data as { count?: unknown } | undefined)?.count;
    if (count !== undefined) attributes.set('count', count);
  } else if (element === 'byline-photo-caption') {
    const light = photoLightDom(data, attributes);
    children = light.children;
    json = light.json;
    property = light.property;
    propertyName = light.json === undefined ? '_serverLight' : 'photo';
  } else if (data !== undefined) {
    propertyName = JSON_PROPERTY[element];
    if (typeof data === 'string') {
      // Inline JSON text, as a CMS template holds it: read here as the browser reads it.
      json = data;
      try {
        property = JSON.parse(data);
      } catch {
        property = data; // fails the contract check: the element's localized error state
      }
    } else {
      property = data;
      json = JSON.stringify(data);
    }
    if (element === 'byline-comment-box') [property, json] = publicPage(property, json);
    // The card's image box takes the image's ratio through CSSOM once in the browser, which the server
    // cannot write; the stylesheet's variable gives the server-rendered box that ratio from the start, so
    // hydrating it moves nothing. Numbers only, from data that passed the contract.
    const image = element === 'byline-article-card' ? (property as { image?: { width?: unknown; height?: unknown } } | null)?.image : undefined;
    if (!attributes.has('style') && isSize(image?.width) && isSize(image?.height)) {
      attributes.set('style', `--byline-article-card-image-ratio: ${image.width} / ${image.height}`);
    }
  }
  const names = [...attributes.keys()];
  const values: unknown[] = [...attributes.values()];
  if (propertyName && property !== undefined) {
    names.push(`.${propertyName}`);
    values.push(property);
  }
  return { result: hostTemplate(element, names, values, children), json };
}

/**
 * The contract check the element applies to `data` (the same checks and URL policy as in a browser), for
 * servers that answer bad input with an error instead of rendering the element's error state. Returns
 * the failing field (`article.title`) and what it should be, or undefined when the data passes.
 */
export function checkData(tagName: RenderableTag, data: unknown): { field: string; message: string } | undefined {
  try {
    if (tagName === 'byline-article-card') checkArticle(data, 'article');
    else if (tagName === 'byline-related-topics') checkRelatedFeed(Array.isArray(data) ? { sections: data } : data, 'related');
    else if (tagName === 'byline-photo-caption') checkPhoto(data, 'photo');
    else if (tagName === 'byline-comment-box') checkCommentPage(data, 'comments');
    else if (data !== undefined && !isCount(typeof data === 'number' ? data : (data as { count?: unknown } | null)?.count)) {
      throw new ContractError('count', 'must be a whole number of at least 0');
    }
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return { field: error.field, message: error.message };
  }
  return undefined;
}

/**
 * A first page of comments as every reader may see it: a comment awaiting moderation is shown only to
 * the reader who wrote it (by that reader's browser), never in HTML rendered for all.
 */
function publicPage(page: unknown, json: string | undefined): [unknown, string | undefined] {
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [page, json];
  const shown = items.filter((comment) => (comment as { status?: unknown } | null)?.status !== 'pending');
  if (shown.length === items.length) return [page, json];
  const visible = { ...(page as object), items: shown };
  return [visible, JSON.stringify(visible)];
}

const isSize = (value: unknown): value is number => typeof value === 'number' && value > 0 && Number.isFinite(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

const SHADOW_ROOT = 'shadowrootmode="open">';
/**
 * Read without JavaScript, a server-rendered comment box hides the controls that would do nothing (sort,
 * Reply, Load more). Server-only, so the browser bundles do not carry it; the rule stays in the shadow
 * root after hydration, where `scripting: none` no longer matches.
 */
const NO_SCRIPT_STYLE = '<style>@media (scripting: none) { .box .sort, .box .reply, .box .more { display: none; } }</style>';

function withJson(chunk: string, json: string | undefined): string {
  if (!chunk.includes(JSON_SLOT)) return chunk;
  return chunk.replace(JSON_SLOT, json === undefined ? '' : `<script type="application/json">${scriptJson(json)}</script>`);
}

async function* strings(result: RenderResult): AsyncGenerator<string> {
  for (const chunk of result) {
    let value: unknown = chunk;
    while (typeof value === 'function') value = (value as () => unknown)();
    if (value === undefined) continue;
    if (typeof value === 'string') yield value;
    else if (typeof (value as PromiseLike<unknown>).then === 'function') yield* strings((await value) as RenderResult);
    else yield* strings(value as RenderResult);
  }
}

/**
 * Streams the element's HTML as it is rendered: `Readable.from(renderToStream(...))` in Node.
 * Throws a `TypeError` at once for a tag it does not render or an attribute the element does not have.
 */
export async function* renderToStream(tagName: string, data?: unknown, options: RenderOptions = {}): AsyncGenerator<string> {
  const { result, json } = template(tagName, data, options);
  let styled = tagName !== 'byline-comment-box';
  for await (const chunk of strings(render(result))) {
    let html = withJson(chunk, json);
    if (!styled && html.includes(SHADOW_ROOT)) {
      html = html.replace(SHADOW_ROOT, `${SHADOW_ROOT}${NO_SCRIPT_STYLE}`);
      styled = true;
    }
    yield html;
  }
}

/**
 * The element's HTML: the host tag with its attributes, a declarative shadow root with everything it
 * shows, and the data as its light DOM. `data`: an Article (card), a related feed or its sections
 * (related topics), either as an object or as inline JSON text; a Photo (photo caption); a number or
 * `{ count }` (comment count; without it, the placeholder that keeps the final width); the thread's first
 * CommentPage, as an object or inline JSON text (comment box: give its `api` and `thread` as attributes;
 * without a page, the loading state that keeps the list's height). The comment box's post form is made
 * by the browser: the server's HTML has none.
 */
export async function renderToString(tagName: string, data?: unknown, options: RenderOptions = {}): Promise<string> {
  let html = '';
  for await (const chunk of renderToStream(tagName, data, options)) html += chunk;
  return html;
}
