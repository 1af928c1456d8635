import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * `<div ${aspectRatio(width, height)}>`: sets `aspect-ratio` through CSSOM (`element.style`), never
 * through a `style="..."` attribute. A partner page whose CSP has `style-src 'self'` blocks inline style
 * attributes, and Lit's `styleMap` writes one on first render, so the box would lose its shape there.
 */
class AspectRatioDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('aspectRatio() is an element binding');
  }

  render(_width?: number, _height?: number): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [width, height]: [number?, number?]): typeof noChange {
    (part.element as HTMLElement).style.aspectRatio = width && height ? `${width} / ${height}` : '';
    return noChange;
  }
}

export const aspectRatio = directive(AspectRatioDirective);
