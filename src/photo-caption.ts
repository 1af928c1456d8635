import { BylinePhotoCaption } from './photo-caption/photo-caption.js';
import { defineElement } from './core/define.js';

export { BylinePhotoCaption };
export type { BylineZoomDetail } from './photo-caption/photo-caption.js';
export type { Photo } from './core/contract.js';

defineElement('byline-photo-caption', BylinePhotoCaption);

declare global {
  interface HTMLElementTagNameMap {
    'byline-photo-caption': BylinePhotoCaption;
  }
}
