import { BylineRelatedTopics } from './related-topics/related-topics.js';
import { defineElement } from './core/define.js';

export { BylineRelatedTopics };
export type { RelatedTopicsLayout } from './related-topics/related-topics.js';
export type { RelatedFeed, RelatedKind, RelatedSection } from './core/contract.js';

defineElement('byline-related-topics', BylineRelatedTopics);

declare global {
  interface HTMLElementTagNameMap {
    'byline-related-topics': BylineRelatedTopics;
  }
}
