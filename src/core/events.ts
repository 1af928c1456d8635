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

// Each element's own `addEventListener('byline-load', …)` gets that element's data (the global map above
// can only say `unknown`). Declared on the classes by interface merging; the other events stay as typed
// by HTMLElementEventMap.
type Options = boolean | AddEventListenerOptions;
declare module '../article-card/article-card.js' {
  interface BylineArticleCard {
    addEventListener(type: 'byline-load', listener: (this: BylineArticleCard, event: BylineLoadEvent<BylineLoadValues['byline-article-card']>) => unknown, options?: Options): void;
    addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: BylineArticleCard, event: HTMLElementEventMap[K]) => unknown, options?: Options): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: Options): void;
  }
}
declare module '../related-topics/related-topics.js' {
  interface BylineRelatedTopics {
    addEventListener(type: 'byline-load', listener: (this: BylineRelatedTopics, event: BylineLoadEvent<BylineLoadValues['byline-related-topics']>) => unknown, options?: Options): void;
    addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: BylineRelatedTopics, event: HTMLElementEventMap[K]) => unknown, options?: Options): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: Options): void;
  }
}
declare module '../photo-caption/photo-caption.js' {
  interface BylinePhotoCaption {
    addEventListener(type: 'byline-load', listener: (this: BylinePhotoCaption, event: BylineLoadEvent<BylineLoadValues['byline-photo-caption']>) => unknown, options?: Options): void;
    addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: BylinePhotoCaption, event: HTMLElementEventMap[K]) => unknown, options?: Options): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: Options): void;
  }
}
declare module '../comment-box/comment-box.js' {
  interface BylineCommentBox {
    addEventListener(type: 'byline-load', listener: (this: BylineCommentBox, event: BylineLoadEvent<BylineLoadValues['byline-comment-box']>) => unknown, options?: Options): void;
    addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: BylineCommentBox, event: HTMLElementEventMap[K]) => unknown, options?: Options): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: Options): void;
  }
}
declare module '../comment-count/comment-count.js' {
  interface BylineCommentCount {
    addEventListener(type: 'byline-load', listener: (this: BylineCommentCount, event: BylineLoadEvent<BylineLoadValues['byline-comment-count']>) => unknown, options?: Options): void;
    addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: BylineCommentCount, event: HTMLElementEventMap[K]) => unknown, options?: Options): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: Options): void;
  }
}
