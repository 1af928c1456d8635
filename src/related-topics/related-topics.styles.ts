import { css } from '../core/css.js';

export const relatedTopicsStyles = css`
  .root {
    display: grid;
    gap: var(--byline-related-topics-gap, 1.5em);
    padding: var(--byline-related-topics-padding, 0);
    background: var(--byline-related-topics-background, var(--_bg));
  }
  .section,
  .tabpanel {
    min-inline-size: 0;
  }
  .heading {
    margin-block-end: 0.25em;
    font-size: var(--byline-related-topics-heading-size, 1.125em);
    font-weight: 700;
    line-height: 1.3;
    color: var(--byline-related-topics-heading-color, var(--_fg));
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    position: relative;
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    padding-block: 0.5em;
    border-block-end: var(--byline-related-topics-divider, 1px solid var(--_line));
  }
  .item:last-child {
    border-block-end: none;
  }
  .thumbnail {
    flex: none;
    inline-size: var(--byline-related-topics-thumbnail-size, 5em);
    block-size: auto;
    aspect-ratio: 3 / 2;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
  }
  .text {
    /* Full width, so a title in another script's direction (dir=auto) aligns the same on every line. */
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 0.125em;
    min-inline-size: 0;
  }
  .link {
    display: block;
    min-block-size: 24px;
    font-weight: 600;
    line-height: 1.4;
    color: var(--byline-related-topics-link-color, var(--_fg));
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  /* The title link covers the whole item, thumbnail included. */
  a.link::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  a.link:hover {
    text-decoration: underline;
  }
  time,
  .empty {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .empty {
    margin: 0;
    padding-block: 0.5em;
  }

  .tablist {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-block-end: 1px solid var(--_line);
  }
  .tab {
    margin-block-end: -1px;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border: none;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font-size: var(--byline-related-topics-heading-size, 1.125em);
    font-weight: 600;
  }
  .tab:hover {
    color: var(--_fg);
  }
  .tab[aria-selected='true'] {
    color: var(--_fg);
    border-block-end-color: var(--byline-related-topics-tab-indicator, var(--_accent));
  }
  .root[data-layout='tabs'] {
    gap: 0.5em;
  }

  /* Loading skeleton. */
  .line {
    block-size: 1em;
  }
  .line.short {
    inline-size: 40%;
    block-size: 1.25em;
  }
`;
