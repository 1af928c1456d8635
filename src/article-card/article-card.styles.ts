import { css } from '../core/css.js';

export const articleCardStyles = css`
  :host {
    container: byline-article-card / inline-size;
  }
  /* Pieces the data lacks stay in the template, hidden; !important so no display rule (ours or a
     page's ::part rule) shows them. */
  [hidden] {
    display: none !important;
  }
  .card {
    position: relative;
    display: grid;
    gap: var(--byline-article-card-gap, 0.5em);
    padding: var(--byline-article-card-padding, 0);
    border: var(--byline-article-card-border, none);
    border-radius: var(--_radius);
    background: var(--byline-article-card-background, var(--_bg));
  }
  .card:has(.headline a:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .media {
    overflow: hidden;
    border-radius: var(--_radius);
    aspect-ratio: var(--byline-article-card-image-ratio, 3 / 2);
    background: var(--_skeleton);
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-inline-size: 0;
  }
  .kicker {
    position: relative;
    z-index: 1;
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--byline-article-card-kicker-color, var(--_accent));
    text-decoration: none;
  }
  a.kicker[href]:hover {
    text-decoration: underline;
  }
  .headline {
    font-size: var(--byline-article-card-headline-size, 1.25em);
    font-weight: 700;
    line-height: 1.3;
    color: var(--byline-article-card-headline-color, var(--_fg));
    overflow-wrap: anywhere;
  }
  .headline a {
    text-decoration: none;
  }
  .headline a:focus-visible {
    outline: none;
  }
  /* The headline link covers the whole card; other links sit above it. An <a> without href is text. */
  .headline a[href]::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .headline a[href]:hover {
    text-decoration: underline;
  }
  .summary {
    margin: 0;
    color: var(--_fg);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--byline-article-card-summary-lines, 3);
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .meta,
  .translated {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .meta a[href] {
    position: relative;
    z-index: 1;
  }
  .translated {
    font-style: italic;
  }

  /* Loading skeleton: the same boxes as the loaded card, so nothing moves when data arrives. */
  .line {
    block-size: 1em;
    margin-block: 0.25em;
  }
  .line.short {
    inline-size: 40%;
  }

  .card[data-layout='horizontal'] {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    align-items: start;
    gap: 1em;
  }
  .card[data-layout='compact'] .media,
  .card[data-layout='compact'] .summary {
    display: none;
  }
  .card[data-layout='compact'] {
    --byline-article-card-headline-size: 1em;
  }
  .card[data-layout='hero'] {
    --byline-article-card-headline-size: 1.75em;
    --byline-article-card-summary-lines: 4;
  }

  /* No layout attribute: pick one from the width the card gets. */
  @container byline-article-card (min-width: 560px) {
    .card[data-layout='auto'] {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
      gap: 1em;
    }
  }
  @container byline-article-card (max-width: 299px) {
    .card[data-layout='auto'] .media,
    .card[data-layout='auto'] .summary {
      display: none;
    }
    .card[data-layout='auto'] {
      --byline-article-card-headline-size: 1em;
    }
  }
`;
