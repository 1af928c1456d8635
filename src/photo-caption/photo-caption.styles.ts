import { css } from '../core/css.js';

export const photoCaptionStyles = css`
  figure {
    margin: 0;
    display: grid;
    gap: var(--byline-photo-caption-gap, 0.5em);
    background: var(--byline-photo-caption-background, var(--_bg));
    color: var(--_fg);
  }
  /* The frame carries the aspect ratio from width/height, so nothing moves when the image arrives. */
  .frame {
    position: relative;
    display: block;
    inline-size: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--byline-photo-caption-radius, 0);
    overflow: hidden;
    background: var(--_skeleton);
    color: inherit;
  }
  .frame.skeleton {
    aspect-ratio: 3 / 2;
  }
  button.frame {
    cursor: zoom-in;
  }
  /* Inside the frame (the host's paint containment would clip a ring outside it), with a white inner
     ring so it shows on any photo. */
  button.frame:focus-visible {
    outline-width: 3px;
    outline-offset: -3px;
  }
  button.frame:focus-visible::after {
    content: '';
    position: absolute;
    inset: 3px;
    box-shadow: inset 0 0 0 2px #fff;
  }
  .frame img,
  .frame ::slotted(img),
  .large {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  .hint {
    position: absolute;
    inset-block-end: 0.5em;
    inset-inline-end: 0.5em;
    inline-size: 2em;
    block-size: 2em;
    padding: 0.25em;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  figcaption {
    font-size: var(--byline-photo-caption-caption-size, 0.875em);
    color: var(--byline-photo-caption-caption-color, var(--_fg));
    overflow-wrap: anywhere;
  }
  .number {
    font-weight: var(--byline-photo-caption-number-weight, 700);
    color: var(--byline-photo-caption-number-color, inherit);
  }
  .credit {
    color: var(--byline-photo-caption-credit-color, var(--_muted));
  }

  /* The zoom fills the viewport; the photo is fitted inside it, caption below. */
  dialog {
    inline-size: calc(100vw - 2em);
    block-size: calc(100vh - 2em);
    max-inline-size: none;
    max-block-size: none;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--byline-photo-caption-background, var(--_bg));
  }
  dialog::backdrop {
    background: var(--byline-photo-caption-backdrop, rgb(0 0 0 / 0.85));
  }
  .sheet {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    block-size: 100%;
    padding: 0.75em;
  }
  .close {
    align-self: flex-end;
  }
  .sheet figure {
    flex: 1;
    min-block-size: 0;
    grid-template-rows: minmax(0, 1fr) auto;
  }
`;
