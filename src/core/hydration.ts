/**
 * When each server-rendered Byline element hydrates, on a page that loads the hydration entry.
 *
 * Hydrating every element as soon as the script runs is one long task that blocks the reader's input,
 * although the server's HTML is already complete and readable. Worse, the first element to hydrate makes
 * the page's first `Intl` formatter (its dates and numbers), and a browser's first formatter loads its
 * locale data: one long task on a slow phone, however little else runs. So the elements that are in the
 * page when the entry runs are held (Lit's `defer-hydration` attribute) before they are defined, and each
 * is let go on its own, one per task with a yield to the browser in between:
 * - an element the server could not finish (its loading state, waiting for data the browser fetches) and
 *   the comment box (the browser adds its form) when they come near the viewport, in document order;
 * - an element the server rendered complete (a card, a caption, a list, a count with its data) only when
 *   the reader reaches for it (the pointer over it, a press, focus, a click). Until then its links work,
 *   and the server's HTML is exactly what hydrating would show, so no work is spent on it at load.
 * - a held element the page changes (one of its properties or attributes, or the language that applies
 *   to it) renders afresh at once, since the server's HTML no longer shows what it would render.
 * A click that arrived while the element was held is given again to the same button once it has
 * hydrated, so it is not lost. An element held stays exactly as the server rendered it. Elements the page
 * marked `defer-hydration` itself are the page's to let go; elements without a server-rendered shadow root
 * render as usual.
 *
 * Importing this module holds the page's elements: the hydration entry imports it before the elements are
 * defined (package.json lists it under `sideEffects`, so bundlers keep that import).
 */
import { BylineElement } from './byline-element.js';
import { loadStrings, resolveLanguage, supportedLanguage } from './i18n.js';
import { whenNearViewport } from './near-viewport.js';

const TAGS = ['byline-article-card', 'byline-photo-caption', 'byline-related-topics', 'byline-comment-box', 'byline-comment-count'];
const DEFER = 'defer-hydration';
/** Interactions that come before a click or a key press reaches the element. */
const INTENT = ['pointerover', 'pointerdown', 'focusin'] as const;

type Hydrating = HTMLElement & { updateComplete?: Promise<boolean> };

const held = new Map<Hydrating, AbortController>();
/** Held elements whose upgrade is over: from then on, a change to one of their properties is the page's. */
const upgraded = new WeakSet<Element>();
const queue: Hydrating[] = [];
let pumping = false;

/**
 * Whether the server's HTML is not yet all the element will show: its loading state (the data is the
 * browser's to fetch), or the comment box, whose form only the browser adds.
 */
const unfinished = (element: Hydrating): boolean =>
  element.localName === 'byline-comment-box' || !!element.shadowRoot!.querySelector('.skeleton');

/** Gives the browser a turn (input, rendering) between two elements. */
const yieldToBrowser = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/** Lets `element` hydrate now; resolves when it has rendered. */
function release(element: Hydrating): Promise<unknown> {
  const stop = held.get(element);
  if (!stop) return Promise.resolve();
  held.delete(element);
  // Stops the viewport wait and the interaction listeners before hydration starts the element's own.
  stop.abort();
  element.removeAttribute(DEFER);
  return (element.updateComplete ?? Promise.resolve()).catch(() => undefined);
}

/** Hydrates the queued elements one at a time, yielding to the browser after each. */
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (let element = queue.shift(); element; element = queue.shift()) {
      if (!held.has(element)) continue;
      // An update waits for its language's strings; loaded first, they do not put this element's hydration
      // in the same task as every other element that was waiting for them.
      await loadStrings(supportedLanguage(resolveLanguage(element)));
      await yieldToBrowser();
      await release(element);
      await yieldToBrowser();
    }
  } finally {
    pumping = false;
  }
}

function hold(element: Hydrating): void {
  const stop = new AbortController();
  held.set(element, stop);
  element.setAttribute(DEFER, '');
  void customElements.whenDefined(element.localName).then(() => upgraded.add(element));
  const { signal } = stop;
  if (unfinished(element)) {
    whenNearViewport(element, signal).then(
      () => {
        queue.push(element);
        void pump();
      },
      () => undefined,
    );
  }
  for (const type of INTENT) element.addEventListener(type, () => void release(element), { capture: true, signal });
  element.addEventListener(
    'click',
    (event) => {
      // A click with no press or focus before it (assistive technology, a script): hydrate, then click the
      // same button again so its handler runs. Links need nothing: the browser follows them anyway.
      const path = event.composedPath();
      const button = path.find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
      const link = path.some((node) => node instanceof HTMLAnchorElement);
      void release(element).then(() => {
        if (button && !link && button.isConnected) button.click();
      });
    },
    { capture: true, signal },
  );
}

// Every server-rendered Byline element in the document that is not defined yet (another copy of Byline
// may have defined it already).
for (const element of document.querySelectorAll<Hydrating>(TAGS.join())) {
  const serverRendered = element.shadowRoot && !customElements.get(element.localName);
  if (serverRendered && !element.hasAttribute(DEFER)) hold(element);
}

/** Held elements the page changed: they render afresh instead of hydrating. */
const afresh = new WeakSet<Element>();

/**
 * Lets a held element render afresh instead of hydrating: hydration takes the server's HTML as what the
 * element would render now, which a change by the page (a property, an attribute, its language) makes
 * untrue, and a mismatch would leave the server's text showing. The server's nodes are replaced, in the
 * same task, by what the element renders; its styles stay.
 */
function renderAfresh(element: Hydrating): void {
  held.get(element)?.abort();
  held.delete(element);
  afresh.add(element);
  for (const node of [...element.shadowRoot!.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
  element.removeAttribute(DEFER);
}

if (held.size) {
  // Hooked here, in the hydration entry, rather than in BylineElement, which client-only pages load too.
  // `createRenderRoot` is protected: reached through a structural view of the same prototype.
  const base = BylineElement.prototype as unknown as { createRenderRoot(this: Element): ShadowRoot | HTMLElement };
  const { createRenderRoot } = base;
  const { requestUpdate } = BylineElement.prototype;
  // Lit's hydrate support hydrates any element that has a shadow root; one rendering afresh renders into it.
  base.createRenderRoot = function () {
    return afresh.has(this) ? this.shadowRoot! : createRenderRoot.call(this);
  };
  // A held element the page changes (a property, an attribute, a light-DOM child) renders afresh.
  BylineElement.prototype.requestUpdate = function (this: BylineElement, ...args: Parameters<typeof requestUpdate>) {
    requestUpdate.apply(this, args);
    if (upgraded.has(this) && held.has(this)) renderAfresh(this);
  };
  new MutationObserver((changes) => {
    for (const element of held.keys()) if (changes.some((change) => change.target.contains(element))) renderAfresh(element);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
