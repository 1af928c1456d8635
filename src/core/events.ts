/** Event payloads shared by all widgets; each widget adds its own to HTMLElementEventMap. */
export interface BylineLoadDetail<T = unknown> {
  value: T;
}

export interface BylineErrorDetail {
  /** `contract`, `network`, `timeout`, `http`, `not-json`, or a widget-specific kind. */
  kind: string;
  /** The field that broke the contract, when known. */
  field?: string;
  /** HTTP status, when the failure was an answer. */
  status?: number;
  message: string;
}

declare global {
  interface HTMLElementEventMap {
    /** Data arrived and passed the contract checks. */
    'byline-load': CustomEvent<BylineLoadDetail>;
    /** Loading, validating or sending failed; the element shows a localized state. */
    'byline-error': CustomEvent<BylineErrorDetail>;
  }
}
