import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BylineElement } from '../core/byline-element.js';
import { aspectRatio } from '../core/aspect-ratio.js';
import { checkPhoto, type Photo } from '../core/contract.js';
import { DataController } from '../core/data.js';
import { fill } from '../core/i18n.js';
import { emit } from '../core/emit.js';
import type { LoadingMode } from '../core/near-viewport.js';
import { baseStyles } from '../core/styles.js';
import { safeSrcset, safeUrl } from '../core/url.js';
import { photoCaptionStyles } from './photo-caption.styles.js';

export interface BylineZoomDetail {
  /** The photo being enlarged (built from the `<img>` when it came from the light DOM). */
  photo: Photo;
}

declare global {
  interface HTMLElementEventMap {
    /** The reader asked to enlarge the photo. Cancelable: preventDefault() keeps the dialog closed. */
    'byline-zoom-open': CustomEvent<BylineZoomDetail>;
    /** The enlarged photo was closed (close button, Escape, or a click on the backdrop). */
    'byline-zoom-close': CustomEvent<BylineZoomDetail>;
  }
}

const INLINE_JSON = ':scope > script[type="application/json"]';

/**
 * @tagname byline-photo-caption
 * @summary A news photo as a `<figure>`: the image, a numbered caption ("Photo 1."), the caption text and
 * the credit, with a zoom into an accessible modal dialog.
 *
 * Data, first match wins: the `.photo` property, a child `<script type="application/json">`, the `src`
 * URL, and last the host's own light-DOM `<img>` plus caption text. That last form is progressive
 * enhancement: without JavaScript the page shows the image and caption as they are; once upgraded the same
 * `<img>` element is slotted (never copied) into the figure, so it is shown and loaded exactly once.
 *
 * @fires byline-zoom-open - The reader opened the zoom; `detail.photo`. Cancelable.
 * @fires byline-zoom-close - The zoom closed; `detail.photo`.
 * @fires byline-load - Photo data arrived and passed the contract checks (not for a light-DOM `<img>`).
 * @fires byline-error - Loading or validating the photo data failed; a localized error is shown.
 *
 * @slot - Light-DOM form: one `<img>` child (the image) and any other children or text (the caption).
 *   Or a `<script type="application/json">` with the Photo JSON.
 *
 * @csspart figure - The `<figure>`.
 * @csspart image - The `<img>` rendered from data (a light-DOM `<img>` is styled by the page directly).
 * @csspart zoom-button - The button over the image that opens the zoom.
 * @csspart caption - The `<figcaption>`, in the figure and in the dialog.
 * @csspart number - "Photo 1." at the start of the caption.
 * @csspart credit - "Photo: {name}" at the end of the caption.
 * @csspart dialog - The zoom `<dialog>`.
 * @csspart zoom-image - The large image in the dialog.
 * @csspart close - The dialog's close button.
 * @csspart error - The error state box.
 * @csspart retry - The error state's retry button.
 *
 * @cssproperty --byline-photo-caption-background - Figure and dialog background (defaults to the theme surface).
 * @cssproperty --byline-photo-caption-gap - Space between image and caption (default 0.5em).
 * @cssproperty --byline-photo-caption-radius - Corner radius of the image (default 0).
 * @cssproperty --byline-photo-caption-caption-color - Caption text color (defaults to the theme text).
 * @cssproperty --byline-photo-caption-caption-size - Caption font size (default 0.875em).
 * @cssproperty --byline-photo-caption-number-color - Color of "Photo 1." (defaults to the caption color).
 * @cssproperty --byline-photo-caption-number-weight - Font weight of "Photo 1." (default 700).
 * @cssproperty --byline-photo-caption-credit-color - Credit color (defaults to the theme muted text).
 * @cssproperty --byline-photo-caption-backdrop - Backdrop behind the zoom dialog (default `rgb(0 0 0 / 0.85)`).
 */
export class BylinePhotoCaption extends BylineElement {
  static override styles = [baseStyles, photoCaptionStyles];

  // Light-DOM children are slotted by hand, so an author's plain <img> needs no slot="" attribute.
  static override shadowRootOptions: ShadowRootInit = { ...BylineElement.shadowRootOptions, slotAssignment: 'manual' };

  /** URL of the Photo JSON. */
  @property() src?: string;

  /** The photo, set from JavaScript. Wins over inline JSON, `src` and a light-DOM `<img>`. */
  @property({ attribute: false }) photo?: Photo;

  /** The photo's number on the page ("Photo 1."); wins over the data's `number`. */
  @property({ type: Number }) number?: number;

  /** Turns the zoom off: no button over the image, no dialog. */
  @property({ attribute: 'no-zoom', type: Boolean }) noZoom = false;

  /**
   * `lazy` (default): the data-driven image, and the `src` JSON, load only when the element nears the
   * viewport. `eager`: at once (a lead photo above the fold). A light-DOM `<img>` keeps its own setting.
   */
  @property() loading: LoadingMode = 'lazy';

  /** The image's `sizes`, when the data has a `srcset` and the page knows the figure's width. */
  @property() sizes?: string;

  /** Server rendering only: the light-DOM `<img>` and caption that a server-side element cannot see. */
  private declare _serverLight?: Photo;

  /** The photo on show in the zoom dialog, while it is open. */
  @state() private _zoomed?: Photo;

  /** Undefined before the first connection, when there is no render root yet. */
  private get _dialog(): HTMLDialogElement | null | undefined {
    return this.renderRoot?.querySelector('dialog');
  }

  private readonly _data = new DataController<Photo>(this, 'photo', checkPhoto);
  // Children added or edited after upgrade (frameworks, CMS previews) must be slotted too.
  // Not on the server, which has no MutationObserver (nor children to watch).
  private readonly _children$ = isServer ? undefined : new MutationObserver(() => this.requestUpdate());

  override connectedCallback(): void {
    super.connectedCallback();
    this._children$!.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._children$!.disconnect();
    this._dialog?.close();
  }

  /** Opens the zoom dialog, unless zoom is off, there is no safe image, or a listener cancels it. */
  openZoom(): void {
    const photo = this._current;
    if (this._dialog?.open || !photo || !this._zoomable(photo) || !emit(this, 'byline-zoom-open', { photo }, { cancelable: true }))
      return;
    this._zoomed = photo;
    this._dialog?.showModal();
  }

  closeZoom(): void {
    this._dialog?.close();
  }

  private get _dataDriven(): boolean {
    return this.photo !== undefined || !!this.src || (!isServer && !!this.querySelector(INLINE_JSON));
  }

  private get _lightImage(): HTMLImageElement | null {
    return isServer ? null : this.querySelector(':scope > img');
  }

  /** Everything but the image and inline JSON is the light-DOM caption. */
  private get _lightCaption(): (Element | Text)[] {
    const image = this._lightImage;
    return [...this.childNodes].filter(
      (node): node is Element | Text =>
        node !== image && (node instanceof Text || (node instanceof Element && node.localName !== 'script')),
    );
  }

  /** The photo on show, whichever way it came; undefined while loading or failed. */
  private get _current(): Photo | undefined {
    if (this._dataDriven) return this._data.state === 'ready' ? this._data.value : undefined;
    if (isServer) return this._serverLight;
    const image = this._lightImage;
    const size = (name: string) => Number(image?.getAttribute(name)) || undefined;
    return {
      src: safeUrl(image?.getAttribute('src')),
      srcset: safeSrcset(image?.getAttribute('srcset')),
      width: size('width'),
      height: size('height'),
      alt: image?.alt ?? '',
      caption: this._lightCaption.map((node) => node.textContent).join('').replace(/\s+/g, ' ').trim() || undefined,
    };
  }

  private _zoomable(photo: Photo): boolean {
    return !this.noZoom && !!photo.src;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._data.sync(this.photo, this.src);
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    const { dir, language, strings } = this.i18n.locale;
    const light = !this._dataDriven;
    if (!light && this._data.state === 'error') return this.renderFailure(this._data);
    const photo = this._current;
    if (!photo) {
      return html`<figure part="figure" dir=${dir} lang=${language} aria-busy="true">
        <div class="frame skeleton"></div>
        <span class="visually-hidden">${strings.loading}</span>
      </figure>`;
    }
    const hasImage = light && !isServer ? !!this._lightImage : !!photo.src;
    const image = light
      ? html`<slot class="image" name="image"></slot>`
      : html`<img part="image" src=${photo.src!} srcset=${ifDefined(photo.srcset)}
          sizes=${photo.srcset ? (this.sizes ?? '100vw') : nothing}
          width=${ifDefined(photo.width)} height=${ifDefined(photo.height)} alt=${photo.alt}
          loading=${this.loading === 'eager' ? 'eager' : 'lazy'} decoding="async" />`;
    const shape = aspectRatio(photo.width, photo.height);
    const zoomable = this._zoomable(photo);
    const frame = !hasImage
      ? nothing
      : zoomable
        ? html`<button class="frame" part="zoom-button" ${shape} aria-haspopup="dialog"
            aria-label=${photo.alt ? fill(strings.enlargePhotoNamed, { name: photo.alt }) : strings.enlargePhoto}
            @click=${this.openZoom}>
            ${image}
            <svg class="hint" viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="10" cy="10" r="6" /><path d="M14.5 14.5 20 20M10 7v6M7 10h6" />
            </svg>
          </button>`
        : html`<div class="frame" ${shape}>${image}</div>`;
    const captionText = light
      ? (isServer ? photo.caption : this._lightCaption.some((node) => node.textContent?.trim() || node instanceof Element))
        ? html`<slot class="caption" name="caption"></slot>`
        : undefined
      : photo.caption;
    return html`<figure part="figure" dir=${dir} lang=${language}>
        ${frame}${this._renderCaption(photo, captionText)}
      </figure>
      ${zoomable ? this._renderDialog() : nothing}`;
  }

  protected override updated(): void {
    // Manual slot assignment: the host's own <img> into the frame, the rest into the caption.
    const slot = (name: string) => this.renderRoot.querySelector<HTMLSlotElement>(`slot.${name}`);
    const image = this._lightImage;
    slot('image')?.assign(...(image ? [image] : []));
    slot('caption')?.assign(...this._lightCaption);
  }

  private _renderCaption(photo: Photo, text: unknown): TemplateResult | typeof nothing {
    const locale = this.i18n.locale;
    const number = Number.isFinite(this.number) ? this.number : photo.number;
    if (number === undefined && !text && !photo.credit) return nothing;
    return html`<figcaption part="caption">
      ${number === undefined
        ? nothing
        : html`<span class="number" part="number">${locale.text('photoNumber', { n: locale.number(number) })}</span>`}
      ${text ? html`<span class="text">${text}</span>` : nothing}
      ${photo.credit
        ? html`<span class="credit" part="credit">${locale.text('photoCredit', { name: photo.credit })}</span>`
        : nothing}
    </figcaption>`;
  }

  private _renderDialog(): TemplateResult {
    const { dir, language, strings } = this.i18n.locale;
    const photo = this._zoomed;
    // The large image is rendered only while open, so it costs nothing until a reader asks for it.
    return html`<dialog part="dialog" aria-label=${strings.photoDialog} dir=${dir} lang=${language}
      @click=${this._onDialogClick} @close=${this._onDialogClose}>
      <div class="sheet">
        <button class="button close" part="close" @click=${this.closeZoom}>${strings.closePhoto}</button>
        ${photo
          ? html`<figure>
              <img class="large" part="zoom-image" src=${photo.src!} srcset=${ifDefined(photo.srcset)}
                sizes=${photo.srcset ? '100vw' : nothing} width=${ifDefined(photo.width)}
                height=${ifDefined(photo.height)} alt=${photo.alt} decoding="async" />
              ${this._renderCaption(photo, photo.caption)}
            </figure>`
          : nothing}
      </div>
    </dialog>`;
  }

  /** A click on the backdrop lands on the <dialog> itself (its content fills the inner sheet). */
  private _onDialogClick(event: Event): void {
    if (event.target === event.currentTarget) this.closeZoom();
  }

  private _onDialogClose(): void {
    const photo = this._zoomed;
    if (!photo) return;
    this._zoomed = undefined;
    // Browsers return focus to what was focused before showModal(). When nothing was (a mouse click
    // does not focus a button in Safari, or a script called openZoom()), focus would stay on the hidden
    // close button or fall to the body: send it to the trigger instead.
    const active = document.activeElement;
    if (!active || active === document.body || this._dialog?.contains(this.shadowRoot!.activeElement))
      this.renderRoot.querySelector<HTMLElement>('button.frame')?.focus();
    emit(this, 'byline-zoom-close', { photo });
  }
}
