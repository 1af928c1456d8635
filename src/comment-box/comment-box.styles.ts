import { css } from '../core/css.js';

/** Shadow styles: header, sort switch, list, replies, skeleton, load more. */
export const commentBoxStyles = css`
  .box {
    display: grid;
    gap: var(--byline-comment-box-gap, 1em);
    padding: var(--byline-comment-box-padding, 0);
    border: var(--byline-comment-box-border, none);
    border-radius: var(--_radius);
    background: var(--byline-comment-box-background, var(--_bg));
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .heading {
    font-size: var(--byline-comment-box-heading-size, 1.25em);
    font-weight: 700;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-size: 0.875em;
  }
  select {
    font: inherit;
    min-block-size: 24px;
    padding-inline: 0.25em;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
  }
  ul {
    display: grid;
    gap: 1.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .replies {
    margin-block-start: 0.75em;
    padding-inline-start: var(--byline-comment-box-reply-indent, 1.25em);
    border-inline-start: 2px solid var(--_line);
  }
  .comment {
    display: grid;
    justify-items: start;
    gap: 0.25em;
  }
  p {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .author {
    font-weight: 700;
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  .badge {
    padding-inline: 0.5em;
    border-radius: 1em;
    color: var(--_fg);
    background: var(--byline-comment-box-badge-background, var(--_skeleton));
  }
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }
  .controls:empty {
    display: none;
  }
  .reply {
    padding: 0 0.25em;
    border: none;
    background: none;
    color: var(--_accent);
    font-size: 0.875em;
    text-decoration: underline;
  }
  .empty {
    color: var(--_muted);
  }
  .more {
    justify-self: start;
  }
  .line {
    block-size: 1em;
    margin-block: 0.5em;
  }
  ::slotted(form) {
    margin-block: 0.75em;
  }
`;

/**
 * The post form lives in the light DOM (see the class docs), so shadow styles cannot reach inside it.
 * These rules are adopted once into the document (or the shadow root holding the element), scoped by
 * class; they inherit the theme tokens from the host, and page CSS can still override them.
 */
export const commentFormStyles = css`
  .byline-comment-form {
    display: grid;
    gap: 0.75em;
  }
  .byline-comment-form > div {
    display: grid;
    gap: 0.25em;
  }
  .byline-comment-form label {
    font-weight: 600;
  }
  .byline-comment-form input,
  .byline-comment-form textarea {
    box-sizing: border-box;
    inline-size: 100%;
    margin: 0;
    padding: 0.5em;
    font: inherit;
    color: var(--_fg);
    background: var(--byline-comment-box-field-background, var(--_bg));
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
  }
  .byline-comment-form textarea {
    min-block-size: 6em;
    resize: vertical;
  }
  .byline-comment-form [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .byline-comment-form :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .byline-comment-form p {
    margin: 0;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .byline-comment-form__counter {
    color: var(--_muted);
  }
  .byline-comment-form__error,
  .byline-comment-form__counter[data-over],
  .byline-comment-form__message[data-alert] {
    color: var(--_danger);
  }
  .byline-comment-form .byline-comment-form__trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .byline-comment-form .byline-comment-form__actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .byline-comment-form button {
    min-block-size: 24px;
    padding-block: 0.375em;
    padding-inline: 0.875em;
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .byline-comment-form button[type='submit'] {
    color: var(--_bg);
    background: var(--_accent);
  }
  .byline-comment-form button[aria-disabled='true'] {
    cursor: progress;
  }
`;
