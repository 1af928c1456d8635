/**
 * Gives `element` the aspect ratio `width / height` (none unless both are known) through CSSOM
 * (`element.style`), never through a `style="..."` attribute: a partner page whose CSP has
 * `style-src 'self'` blocks inline style attributes (Lit's `styleMap` writes one on first render), so the
 * box would lose its shape there. Widgets call it from updated(), on the element their render made.
 */
export function setAspectRatio(element: HTMLElement | null, width?: number, height?: number): void {
  if (element) element.style.aspectRatio = width && height ? `${width} / ${height}` : '';
}
