import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataController } from './data.js';
import { LocaleController, type DigitsOption } from './i18n.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The one base class of every Byline element: theme, digits and time-zone attributes, and the locale.
 * Updates wait for the locale's strings, so the first render is already in the reader's language.
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

  /** The localized error state shared by content widgets; retry only when loading again can help. */
  protected renderFailure(data: DataController<unknown>): TemplateResult {
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
