import { BylineArticleCard } from './article-card/article-card.js';
import { defineElement } from './core/define.js';

export { BylineArticleCard };
export type { ArticleCardLayout, DateStyle } from './article-card/article-card.js';
export type { Article } from './core/contract.js';

defineElement('byline-article-card', BylineArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'byline-article-card': BylineArticleCard;
  }
}
