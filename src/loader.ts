/**
 * The loader: `cdn/loader.js` (about 0.6 KB gzip). It defines each Byline element only when one appears
 * in the page, now or later (an SPA navigation, infinite scroll, a CMS preview), and fetches just that
 * element's code: a page with only article cards never downloads the comment box. Lit, the shared core
 * and the English strings are one chunk that the first element brings; each element's own code is a
 * chunk of its own (see rollup.config.mjs).
 *
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/byline-widgets/cdn/loader.js"></script>
 * ```
 *
 * The loader watches the document with one MutationObserver and stops once every element is defined.
 * Elements that a page puts inside its own shadow roots are out of the document's sight: pass those
 * roots to `observe()` (`import { observe } from '<same URL>/loader.js'`).
 */
const widgets: Record<string, () => Promise<unknown>> = {
  'byline-article-card': () => import('./article-card.js'),
  'byline-photo-caption': () => import('./photo-caption.js'),
  'byline-related-topics': () => import('./related-topics.js'),
  'byline-comment-box': () => import('./comment-box.js'),
  'byline-comment-count': () => import('./comment-count.js'),
};

/** Tags whose code has not been asked for yet. */
const waiting = new Set(Object.keys(widgets));
const observers: MutationObserver[] = [];

/** Loads the code of every waiting tag that `node` is or contains. */
function scan(node: Node): void {
  const root = node as ParentNode & Partial<Element>;
  if (!root.querySelector) return; // text and comment nodes
  for (const tag of waiting) {
    if (root.localName !== tag && !root.querySelector(tag)) continue;
    waiting.delete(tag);
    // Defined already by another copy of Byline (the bundle, the npm build): nothing to fetch.
    if (!customElements.get(tag)) {
      widgets[tag]!().catch((error: unknown) => console.warn(`[byline] could not load <${tag}>`, error));
    }
  }
  if (!waiting.size) observers.splice(0).forEach((observer) => observer.disconnect());
}

/** Defines the Byline elements in `root` now and whenever they are added to it later. */
export function observe(root: Document | ShadowRoot | Element): void {
  scan(root);
  if (!waiting.size) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(scan);
  });
  observer.observe(root, { childList: true, subtree: true });
  observers.push(observer);
}

observe(document);
