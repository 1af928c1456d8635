import { BylineCommentBox } from './comment-box/comment-box.js';
import { defineElement } from './core/define.js';

export { BylineCommentBox };
export type {
  AuthRequiredDetail,
  Comment,
  CommentPage,
  CommentPost,
  CommentPostedDetail,
  CommentSort,
  CommentSubmitDetail,
} from './comment-box/comment-box.js';

defineElement('byline-comment-box', BylineCommentBox);

declare global {
  interface HTMLElementTagNameMap {
    'byline-comment-box': BylineCommentBox;
  }
}
