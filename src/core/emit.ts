/**
 * Dispatches a typed `byline-*` event from `el`. Events bubble and cross shadow roots so a host page
 * can listen on any ancestor. Returns false when a listener called preventDefault() on a cancelable event.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  options: { cancelable?: boolean } = {},
): boolean {
  return el.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
