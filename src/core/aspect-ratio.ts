import { noChange, nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * `<div ${aspectRatio(width, height)}>`: sets `aspect-ratio` through CSSOM (`element.style`), never
 * through a `style="..."` attribute. A partner page whose CSP has `style-src 'self'` blocks inline style
 * attributes, and Lit's `styleMap` writes one on first render, so the box would lose its shape there.
 * Only in an element position: our own templates, which the tests render.
 */
class AspectRatioDirective extends Directive {
  render(_width?: number, _height?: number): typeof nothing {
    return nothing;
  }

  private _ratio?: string;

  override update(part: ElementPart, [width, height]: [number?, number?]): typeof noChange {
    const ratio = width && height ? `${width} / ${height}` : '';
    // Only on a change, like any other binding: a style write, even of the same value, makes the
    // browser recompute the element's style, and every re-render of a card would pay for it.
    if (ratio !== this._ratio) (part.element as HTMLElement).style.aspectRatio = this._ratio = ratio;
    return noChange;
  }
}

export const aspectRatio = directive(AspectRatioDirective);
