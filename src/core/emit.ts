import { ContractError } from './contract.js';
import type { BylineErrorDetail } from './events.js';
import { RequestError } from './fetch.js';

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
  return el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, ...options }));
}

/**
 * The `byline-error` detail for any failure: a contract error gives kind `contract`, its field and an
 * "invalid data: " message; a request error its kind and status; anything else `otherKind`.
 */
export function errorDetail(error: unknown, otherKind = 'network'): BylineErrorDetail {
  const contract = error instanceof ContractError;
  const request = error instanceof RequestError ? error : undefined;
  return {
    kind: contract ? 'contract' : (request?.kind ?? otherKind),
    field: contract ? error.field : undefined,
    status: request?.status,
    message: `${contract ? 'invalid data: ' : ''}${error instanceof Error ? error.message : error}`,
  };
}

/** One console warning, `[byline] <tag>: message`, and the `byline-error` event. */
export function reportError(el: HTMLElement, detail: BylineErrorDetail, warn = true): void {
  if (warn) console.warn(`[byline] <${el.localName}>: ${detail.message}`);
  emit(el, 'byline-error', detail);
}
