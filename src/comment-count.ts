import { BylineCommentCount } from './comment-count/comment-count.js';
import { defineElement } from './core/define.js';

export { BylineCommentCount };
export type { CommentCountFormat } from './comment-count/comment-count.js';

defineElement('byline-comment-count', BylineCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'byline-comment-count': BylineCommentCount;
  }
}
