/**
 * `import 'byline-widgets'` registers every element. Each is also available alone, e.g.
 * `import 'byline-widgets/article-card.js'`, and every class is exported for subclassing and typing.
 */
export * from './article-card.js';
export * from './photo-caption.js';
export * from './related-topics.js';
export * from './comment-box.js';
export * from './comment-count.js';
export { BylineElement, type Theme } from './core/byline-element.js';
export type { BylineErrorDetail, BylineLoadDetail, BylineLoadEvent, BylineLoadValues } from './core/events.js';
export type { ImageData, LinkData, Photo, RelatedFeed, RelatedKind, RelatedSection } from './core/contract.js';
export type { DigitsOption } from './core/i18n.js';
export { setRequestTimeout } from './core/fetch.js';
