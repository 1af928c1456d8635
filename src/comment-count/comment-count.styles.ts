import { css } from '../core/css.js';

export const commentCountStyles = css`
  /*
   * Inline in the host page's text: its font, size, color and baseline. Layout containment is off
   * because it would cut the text off the line's baseline.
   */
  :host {
    display: inline;
    contain: none;
    font: inherit;
    color: var(--byline-comment-count-color, inherit);
  }
  .root {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    text-transform: inherit;
    color: inherit;
    font-size: var(--byline-comment-count-font-size, 1em);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* The placeholder holds the invisible text of a typical count, so the answer does not move the line. */
  .placeholder {
    background: var(--byline-comment-count-placeholder-color, var(--_skeleton));
  }
  .sizer {
    visibility: hidden;
  }
`;
