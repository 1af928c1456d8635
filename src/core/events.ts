import type { Article, Photo, RelatedFeed } from './contract.js';
import type { CommentPage } from '../comment-box.js';

/** Event payloads shared by all widgets; each widget adds its own to HTMLElementEventMap. */
export interface BylineLoadDetail<T = unknown> {
  value: T;
}

/** `byline-load` from an element that loads a `T`, e.g. `BylineLoadEvent<Article>` from an article card. */
export type BylineLoadEvent<T = unknown> = CustomEvent<BylineLoadDetail<T>>;

/**
 * What each element's `byline-load` carries in `detail.value`. The generated framework typings
 * (`byline-widgets/react`, `/vue`, `/svelte`, …) and the manifest's event types read this.
 */
export interface BylineLoadValues {
  'byline-article-card': Article;
  'byline-related-topics': RelatedFeed;
  'byline-photo-caption': Photo;
  'byline-comment-box': CommentPage;
  'byline-comment-count': number;
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
    /**
     * Data arrived and passed the contract checks. Typed `unknown` here because every element fires it;
     * `BylineLoadEvent<BylineLoadValues[tag]>` (and the framework typings) give each element's own.
     */
    'byline-load': CustomEvent<BylineLoadDetail>;
    /** Loading, validating or sending failed; the element shows a localized state. */
    'byline-error': CustomEvent<BylineErrorDetail>;
  }
}
