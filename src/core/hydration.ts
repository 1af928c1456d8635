/**
 * When each server-rendered Byline element hydrates, on a page that loads the hydration entry.
 *
 * Hydrating every element as soon as the script runs is one long task that blocks the reader's input,
 * although the server's HTML is already complete and readable. So the elements that are in the page when
 * the entry runs are held (Lit's `defer-hydration` attribute) before they are defined, and each is let go
 * on its own, one per task with a yield to the browser in between:
 * - when it comes near the viewport (within the margin of `whenNearViewport`), in document order;
 * - at once when the reader reaches for it first: a press, focus, or a click (a click that arrived while
 *   it was held is given again to the same button once it has hydrated, so it is not lost).
 * An element held stays exactly as the server rendered it. Elements the page marked `defer-hydration`
 * itself are the page's to let go; elements without a server-rendered shadow root render as usual.
 *
 * Importing this module holds the page's elements: the hydration entry imports it before the elements are
 * defined (package.json lists it under `sideEffects`, so bundlers keep that import).
 */
import { loadStrings, resolveLanguage, supportedLanguage } from './i18n.js';
import { whenNearViewport } from './near-viewport.js';

const TAGS = ['byline-article-card', 'byline-photo-caption', 'byline-related-topics', 'byline-comment-box', 'byline-comment-count'];
const DEFER = 'defer-hydration';
/** Interactions that come before a click or a key press reaches the element. */
const INTENT = ['pointerdown', 'focusin'] as const;

type Hydrating = HTMLElement & { updateComplete?: Promise<boolean> };

const held = new Map<Hydrating, AbortController>();
const queue: Hydrating[] = [];
let pumping = false;

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
  const { signal } = stop;
  whenNearViewport(element, signal).then(
    () => {
      queue.push(element);
      void pump();
    },
    () => undefined,
  );
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
