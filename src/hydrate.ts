/**
 * The hydration entry, for pages whose Byline elements were rendered on the server (`byline-widgets/ssr`):
 * Lit's hydrate support first, then every element. An element with a server-rendered shadow root takes
 * over that DOM (its text nodes, its links) instead of rendering it again, so nothing moves or flashes;
 * one without renders as usual. Client-only pages keep using the plain entry, which does not carry the
 * hydrate support.
 *
 * The server-rendered elements already in the page are held before the elements are defined, and each
 * hydrates on its own when it is needed (src/core/hydration.ts), so hydration never blocks the page in
 * one long task. For the same reason each element's code is evaluated, and the element defined, in a task
 * of its own, those in the page first: evaluating all five at once is a long task on a slow phone. The
 * classes are exported by `byline-widgets`; this entry exports their types.
 */
// Must run before Lit's LitElement module is evaluated: it patches LitElement as that module loads.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// Imports run in order: this holds the page's elements before any is defined.
import { TAGS, yieldToBrowser } from './core/hydration.js';

export type * from './index.js';

const ELEMENTS: Record<(typeof TAGS)[number], () => Promise<unknown>> = {
  'byline-article-card': () => import('./article-card.js'),
  'byline-photo-caption': () => import('./photo-caption.js'),
  'byline-related-topics': () => import('./related-topics.js'),
  'byline-comment-box': () => import('./comment-box.js'),
  'byline-comment-count': () => import('./comment-count.js'),
};

async function defineInTurn(): Promise<void> {
  const inPage = [...document.querySelectorAll(TAGS.join())].map((element) => element.localName as (typeof TAGS)[number]);
  for (const tag of new Set([...inPage, ...TAGS])) {
    try {
      await ELEMENTS[tag]();
    } catch (error) {
      console.warn(`[byline] could not load <${tag}>; the server's HTML stays as it is.`, error);
    }
    await yieldToBrowser();
  }
}

void defineInTurn();
