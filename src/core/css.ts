import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The tag of every Byline style sheet: Lit's `css` for static CSS only. Lit's own tag also checks and
 * joins interpolated values, which no Byline sheet has, and its error message alone costs the bundle
 * about 0.14 KB gzip. A sheet here is always one literal in Byline's source, never data, so handing its
 * text to `unsafeCSS` is safe; TypeScript rejects a `${}` in it, as the tag takes no values. The name
 * stays `css`, so the build still minifies these templates as CSS.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
