import { css } from './css.js';

/**
 * Styles every widget shares: the theme tokens, focus ring, skeleton, error state and buttons.
 *
 * Global tokens (`--byline-font-family`, `--byline-color-*`, `--byline-radius`, `--byline-focus-color`)
 * theme every widget at once; each widget also has its own `--byline-<widget>-<token>` properties that
 * fall back to these. `theme="light|dark"` forces a scheme; without it (or `auto`) the reader's
 * `prefers-color-scheme` decides. The `all: initial` reset keeps host-page CSS (resets, `* {}` rules,
 * inherited sizes) from reaching in; inheritable tokens are re-declared after it.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    contain: content;
    font-family: var(--byline-font-family, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Thai', 'Noto Sans Arabic', sans-serif);
    font-size: var(--byline-font-size, 1rem);
    line-height: 1.5;
    /* light-dark() picks by the used color-scheme, so one set of tokens serves both themes. */
    --_fg: light-dark(var(--byline-color-text, #1a1a1a), var(--byline-color-text-dark, #ededed));
    --_muted: light-dark(var(--byline-color-muted, #595959), var(--byline-color-muted-dark, #b8b8b8));
    --_bg: light-dark(var(--byline-color-surface, #ffffff), var(--byline-color-surface-dark, #1b1b1f));
    --_line: light-dark(var(--byline-color-border, #d6d6d6), var(--byline-color-border-dark, #45454d));
    --_accent: light-dark(var(--byline-color-accent, #0b57d0), var(--byline-color-accent-dark, #a8c7fa));
    --_danger: light-dark(var(--byline-color-danger, #b3261e), var(--byline-color-danger-dark, #ffb4ab));
    --_skeleton: light-dark(var(--byline-color-skeleton, #ececec), var(--byline-color-skeleton-dark, #2d2d33));
    --_focus: light-dark(var(--byline-focus-color, #0b57d0), var(--byline-focus-color-dark, #a8c7fa));
    --_radius: var(--byline-radius, 8px);
    color: var(--_fg);
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  /*
   * Host-page rules aimed at the host element itself (\`* { font-family: … }\`, letter-spacing,
   * text-transform) beat :host and would be inherited inside; the shadow root's top-level elements
   * start from Byline's own typography and text color instead (a widget's outer box need not repeat them).
   */
  :host > * {
    font-family: var(--byline-font-family, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Thai', 'Noto Sans Arabic', sans-serif);
    font-size: var(--byline-font-size, 1rem);
    font-style: normal;
    font-weight: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    white-space: normal;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skeleton {
    background: var(--_skeleton);
    border-radius: calc(var(--_radius) / 2);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: byline-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes byline-pulse {
    50% {
      opacity: 0.55;
    }
  }
  button {
    font: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    cursor: pointer;
  }
  .button {
    padding-block: 0.375em;
    padding-inline: 0.875em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 1em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    color: var(--_fg);
    background: var(--_bg);
  }
`;
