/**
 * Resolves when `element` comes near the viewport, so below-the-fold widgets do no network work
 * until a reader scrolls towards them. One shared IntersectionObserver serves every element.
 */
const NEAR_MARGIN = '600px 0px';
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

export type LoadingMode = 'lazy' | 'eager';

export function whenNearViewport(element: Element, signal?: AbortSignal): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer!.unobserve(entry.target);
        const done = waiting.get(entry.target);
        waiting.delete(entry.target);
        done?.();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  return new Promise((resolve, reject) => {
    waiting.set(element, resolve);
    observer!.observe(element);
    signal?.addEventListener(
      'abort',
      () => {
        observer!.unobserve(element);
        waiting.delete(element);
        reject(new DOMException('The wait was cancelled.', 'AbortError'));
      },
      { once: true },
    );
  });
}
