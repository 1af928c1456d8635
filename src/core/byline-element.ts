import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataController } from './data.js';
import { LocaleController, type DigitsOption } from './i18n.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The `heading-level` of every widget with a heading, unless the page sets one: a widget's heading sits
 * one level below the page's `<h1>` title. Pages set `heading-level` to fit their own outline (e.g. 3
 * for cards listed under a section heading).
 */
const DEFAULT_HEADING_LEVEL = 2;

/** A `heading-level` attribute as an `aria-level`: rounded, and the default (2) unless it is 1-6. */
export function ariaLevel(level: number): number {
  const rounded = Math.round(level);
  return rounded >= 1 && rounded <= 6 ? rounded : DEFAULT_HEADING_LEVEL;
}

/**
 * The one base class of every Byline element: theme, digits and time-zone attributes, and the locale.
 * Updates wait for the locale's strings, so the first render is already in the reader's language.
 *
 * Conventions every widget follows:
 * - Reactive properties are declared once, with `@property` (public, an attribute unless
 *   `attribute: false`) or `@state` (internal), on the field that holds them.
 * - A widget that loads its own data has `loading`: `lazy` (the default) makes no request until the
 *   element is within 600 px of the viewport; `eager` starts at once, for what is above the fold.
 * - A widget with headings has `heading-level` (1-6): 2 by default and for any value out of range.
 */
export class BylineElement extends LitElement {
  /** `light`, `dark`, or `auto` (the default: follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: Theme = 'auto';

  /** `native` shows the language's own digits (Thai ๑๒๓, Arabic ١٢٣); `latin` forces 0-9. */
  @property({ reflect: true }) digits?: DigitsOption;

  /** IANA time zone for dates, e.g. `Asia/Bangkok`; the reader's own zone by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  protected readonly i18n = new LocaleController(this);

  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.i18n.resolve();
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The localized error state shared by every widget; retry only when loading again can help. */
  protected renderFailure(data: Pick<DataController<unknown>, 'failure' | 'retry'>): TemplateResult {
    const { dir, language, strings } = this.i18n.locale;
    const failure = data.failure;
    const message = failure?.kind === 'contract' ? strings.invalidData : strings.loadFailed;
    // Like every other state, so an Arabic error reads right-to-left even on a left-to-right page.
    return html`<div class="error" part="error" role="alert" dir=${dir} lang=${language}>
      <span>${message}</span>
      ${failure?.retryable
        ? html`<button class="button" part="retry" @click=${() => data.retry()}>${strings.retry}</button>`
        : nothing}
    </div>`;
  }
}
