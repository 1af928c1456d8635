/**
 * When each server-rendered Byline element hydrates, on a page that loads the hydration entry.
 *
 * The server's HTML is already complete and readable, so nothing should run for it at load. Two costs are
 * avoided that way: evaluating the elements' code (Lit, its hydrate support, the core, five elements), one
 * long task on a slow phone; and hydrating, since the first element to hydrate makes the page's first
 * `Intl` formatter (its dates and numbers), and a browser's first formatter loads its locale data. So
 * this module, which has no Lit in it, holds the elements that are in the page (Lit's `defer-hydration`)
 * and loads the elements' code (`../hydrate-elements.js`) only when one needs it. Each is let go on its
 * own, one per task with a yield to the browser in between:
 * - an element the server could not finish (its loading state, waiting for data the browser fetches) and
 *   the comment box (the browser adds its form) when they come near the viewport, in document order;
 * - an element the server rendered complete (a card, a caption, a list, a count with its data) only when
 *   the reader reaches for it (the pointer over it, a press, focus, a click). Until then its links work,
 *   and the server's HTML is exactly what hydrating would show;
 * - a held element the page changes (one of its properties or attributes, a child, or the language that
 *   applies to it) renders afresh at once, since the server's HTML no longer shows what it would render;
 * - a held element whose `defer-hydration` the page removes hydrates at once.
 * A click that arrived while the element was held is given again to the same button once it has
 * hydrated, so it is not lost. The code loads at once when the page needs it whatever the reader does:
 * a Byline element without a server-rendered shadow root (it renders in the browser), one the page marked
 * `defer-hydration` itself (the page lets it go), or one added to the page later.
 */
import type * as Elements from '../hydrate-elements.js';
import { whenNearViewport } from './near-viewport.js';

const DEFER = 'defer-hydration';
/** Interactions that come before a click or a key press reaches the element. */
const INTENT = ['pointerover', 'pointerdown', 'focusin'] as const;

/**
 * What a page can set on each element before its code is loaded: its public properties and the
 * attributes it observes (test/ssr/hydrate-island.test.ts checks both against the elements' classes).
 */
interface Inputs {
  properties: string[];
  attributes: string[];
}
/** An element's own inputs, and those every element has (BylineElement's). */
const inputs = (properties: string[], attributes: string[]): Inputs => ({
  properties: [...properties, 'theme', 'digits', 'timeZone'],
  attributes: [...attributes, 'theme', 'digits', 'time-zone'],
});
const INPUTS: Record<string, Inputs> = {
  'byline-article-card': inputs(
    ['src', 'article', 'layout', 'dateStyle', 'headingLevel', 'sizes', 'loading'],
    ['src', 'layout', 'date-style', 'heading-level', 'sizes', 'loading'],
  ),
  'byline-photo-caption': inputs(['src', 'photo', 'number', 'noZoom', 'loading', 'sizes'], ['src', 'number', 'no-zoom', 'loading', 'sizes']),
  'byline-related-topics': inputs(
    ['src', 'sections', 'layout', 'headingLevel', 'maxItems', 'showImages', 'loading', 'label'],
    ['src', 'layout', 'heading-level', 'max-items', 'show-images', 'loading', 'label'],
  ),
  'byline-comment-box': inputs(
    ['api', 'thread', 'sort', 'pageSize', 'maxLength', 'loading', 'page', 'headingLevel', 'authToken'],
    ['api', 'thread', 'sort', 'page-size', 'maxlength', 'loading', 'heading-level', 'auth-token'],
  ),
  'byline-comment-count': inputs(['api', 'thread', 'href', 'format', 'count', 'loading'], ['api', 'thread', 'href', 'format', 'count', 'loading']),
};
export const TAGS = Object.keys(INPUTS);
export const inputsOf = (tag: string): Inputs => INPUTS[tag]!;
const watchedAttributes = (tag: string): string[] => [...inputsOf(tag).attributes, DEFER];

type Hydrating = HTMLElement & { updateComplete?: Promise<boolean> };

const held = new Map<Hydrating, AbortController>();
/**
 * Whether the elements' code has been evaluated: from then on a held element's update request is the
 * page's (a property it set), not its own upgrade's.
 */
let defined = false;
/** Held elements the page changed: they render afresh instead of hydrating. */
const afresh = new WeakSet<Element>();
/** Values the page set on a held element before its class was defined, to give it once it is. */
const setEarly = new WeakMap<Element, Map<string, unknown>>();
const releasing = new Map<Hydrating, Promise<unknown>>();
const queue: Hydrating[] = [];
let pumping = false;
let elements: Promise<typeof Elements> | undefined;

/**
 * Loads the elements' code and defines them: once, when the first element needs it (or now, when called
 * by a page that scripts the elements; `byline-widgets/hydrate.js` exports it as `defineElements`).
 * Held elements stay held. If the code cannot be loaded, the server's HTML stays as it is and the next
 * element that needs the code tries again.
 */
export function defineElements(): Promise<typeof Elements> {
  elements ??= import('../hydrate-elements.js').then(
    (module) => {
      defined = true;
      patch(module.BylineElement);
      for (const element of held.keys()) {
        const values = setEarly.get(element);
        setEarly.delete(element);
        // Upgraded now, with its class's own accessors: this is what the page set.
        if (values) Object.assign(element, Object.fromEntries(values));
      }
      return module;
    },
    (error: unknown) => {
      elements = undefined;
      console.warn('[byline] could not load the elements; the server-rendered HTML stays as it is', error);
      throw error;
    },
  );
  return elements;
}

/**
 * Whether the server's HTML is not yet all the element will show: its loading state (the data is the
 * browser's to fetch), or the comment box, whose form only the browser adds.
 */
const unfinished = (element: Hydrating): boolean =>
  element.localName === 'byline-comment-box' || !!element.shadowRoot!.querySelector('.skeleton');

/** Gives the browser a turn (input, rendering) between two elements. */
const yieldToBrowser = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/** The held element an event happens in, if any. */
const heldOn = (event: Event): Hydrating | undefined =>
  held.size ? (event.composedPath().find((node) => held.has(node as Hydrating)) as Hydrating | undefined) : undefined;

/** Lets `element` hydrate as soon as its code is loaded; resolves when it has rendered. */
function release(element: Hydrating | undefined): Promise<unknown> {
  if (!element) return Promise.resolve();
  let done = releasing.get(element);
  if (!done && held.has(element)) {
    done = defineElements().then(() => {
      const stop = held.get(element);
      if (!stop) return;
      held.delete(element);
      // Stops its viewport wait before hydration starts the element's own.
      stop.abort();
      element.removeAttribute(DEFER);
      return element.updateComplete;
    });
    done = done.catch(() => undefined).finally(() => releasing.delete(element));
    releasing.set(element, done);
  }
  return done ?? Promise.resolve();
}

/** Hydrates the queued elements one at a time, yielding to the browser after each. */
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (let element = queue.shift(); element; element = queue.shift()) {
      if (!held.has(element)) continue;
      const { loadStrings, resolveLanguage, supportedLanguage } = await defineElements();
      // An update waits for its language's strings; loaded first, they do not put this element's hydration
      // in the same task as every other element that was waiting for them.
      await loadStrings(supportedLanguage(resolveLanguage(element)));
      await yieldToBrowser();
      await release(element);
      await yieldToBrowser();
    }
  } catch {
    // The code could not be loaded (warned once); the elements left in the queue stay as the server rendered them.
  } finally {
    pumping = false;
  }
}

/**
 * Lets a held element render afresh instead of hydrating: hydration takes the server's HTML as what the
 * element would render now, which a change by the page (a property, an attribute, its language) makes
 * untrue, and a mismatch would leave the server's text showing. Once the code is loaded it is let go, and
 * as Lit takes its shadow root the server's nodes are replaced, in the same task, by what it renders.
 */
function renderAfresh(element: Hydrating): void {
  if (!held.has(element) || afresh.has(element)) return;
  afresh.add(element);
  void release(element).then(() => {
    // Still held: the code could not be loaded, and the next change tries again.
    if (held.has(element)) afresh.delete(element);
  });
}

/**
 * Catches what the page sets on a held element before its class is defined: accessors on a prototype
 * between the element and HTMLElement's, one per tag. Not on the element itself, where Lit would take an
 * unset one as a value when it upgrades; the upgrade replaces this prototype with the class's.
 */
const heldPrototypes = new Map<string, object>();
function watchProperties(element: Hydrating): void {
  const tag = element.localName;
  let prototype = heldPrototypes.get(tag);
  if (!prototype) {
    const accessors: PropertyDescriptorMap = {};
    for (const name of inputsOf(tag).properties) {
      accessors[name] = {
        get(this: Hydrating) {
          return setEarly.get(this)?.get(name);
        },
        set(this: Hydrating, value: unknown) {
          const values = setEarly.get(this) ?? new Map<string, unknown>();
          setEarly.set(this, values.set(name, value));
          renderAfresh(this);
        },
      };
    }
    prototype = Object.create(Object.getPrototypeOf(element), accessors) as object;
    heldPrototypes.set(tag, prototype);
  }
  // Set before this ran: Lit takes it when it upgrades, and the server's HTML may not show it.
  if (inputsOf(tag).properties.some((name) => Object.hasOwn(element, name))) renderAfresh(element);
  Object.setPrototypeOf(element, prototype);
}

const changes = new MutationObserver((records) => {
  for (const { target, attributeName } of records) {
    const host = [...held.keys()].find((element) => element.contains(target));
    if (!host) continue;
    if (attributeName === DEFER) {
      if (host.hasAttribute(DEFER)) continue;
      // Before the code is loaded, still held until it is: defined without the attribute, the element
      // would hydrate before the hook that renders a changed one afresh is in place.
      if (!defined) host.setAttribute(DEFER, '');
      void release(host);
    } else renderAfresh(host);
  }
});

function hold(element: Hydrating): void {
  const stop = new AbortController();
  held.set(element, stop);
  element.setAttribute(DEFER, '');
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
  watchProperties(element);
  // Its attributes, and its light-DOM children (inline JSON, a caption's image).
  changes.observe(element, { attributes: true, attributeFilter: watchedAttributes(element.localName), childList: true, characterData: true, subtree: true });
}

/**
 * Hooks the elements' base class, once its code is loaded: a held element the page changes renders
 * afresh, and one rendering afresh renders into its server-rendered shadow root, where Lit's hydrate
 * support would hydrate any element that has one. Hooked here rather than in BylineElement, which
 * client-only pages load too. `createRenderRoot` is protected: reached through a structural view.
 */
function patch(BylineElement: typeof Elements.BylineElement): void {
  const base = BylineElement.prototype as unknown as { createRenderRoot(this: Element): ShadowRoot | HTMLElement };
  const { createRenderRoot } = base;
  const { requestUpdate } = BylineElement.prototype;
  base.createRenderRoot = function () {
    if (!afresh.has(this)) return createRenderRoot.call(this);
    const root = this.shadowRoot!;
    for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
    return root;
  };
  BylineElement.prototype.requestUpdate = function (this: Elements.BylineElement, ...args: Parameters<typeof requestUpdate>) {
    requestUpdate.apply(this, args);
    // Still waiting: not an element the page has just let go, which asks for updates as it connects.
    if (defined && held.has(this) && this.hasAttribute(DEFER)) renderAfresh(this);
  };
}

/** Holds the server-rendered Byline elements in the page, and loads the code at once if the page needs it. */
export function holdPage(): void {
  let needed = false;
  for (const element of document.querySelectorAll<Hydrating>(TAGS.join())) {
    // Defined already by another copy of Byline: not ours to hold.
    if (customElements.get(element.localName)) continue;
    if (element.shadowRoot && !element.hasAttribute(DEFER)) hold(element);
    else needed = true;
  }
  // The reader reaching for a held element: one listener each for the whole page, before the element's own.
  for (const type of INTENT) document.addEventListener(type, (event) => void release(heldOn(event)), { capture: true });
  document.addEventListener(
    'click',
    (event) => {
      const element = heldOn(event);
      if (!element) return;
      // A click with no press or focus before it (assistive technology, a script), or before the code
      // arrived: hydrate, then click the same button again so its handler runs. Links need nothing: the
      // browser follows them anyway.
      const path = event.composedPath();
      const button = path.find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
      const link = path.some((node) => node instanceof HTMLAnchorElement);
      void release(element).then(() => {
        if (button && !link && button.isConnected) button.click();
      });
    },
    { capture: true },
  );
  // A held element's language is the nearest `lang` above it: a change there renders it afresh.
  new MutationObserver((records) => {
    for (const element of held.keys()) if (records.some((record) => record.target.contains(element))) renderAfresh(element);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  if (needed) {
    void defineElements().catch(() => undefined);
    return;
  }
  new MutationObserver((records, observer) => {
    const added = records.some((record) =>
      [...record.addedNodes].some((node) => node instanceof Element && (TAGS.includes(node.localName) || node.querySelector(TAGS.join()))),
    );
    if (!added) return;
    observer.disconnect();
    void defineElements().catch(() => undefined);
  }).observe(document, { childList: true, subtree: true });
}
