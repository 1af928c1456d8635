import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { DataController } from './data.js';
import { LocaleController, type DigitsOption } from './i18n.js';

export type Theme = 'light' | 'dark' | 'auto';

/** A `heading-level` attribute as an `aria-level`: rounded, and `fallback` unless it is 1-6. */
export function ariaLevel(level: number, fallback: number): number {
  const rounded = Math.round(level);
  return rounded >= 1 && rounded <= 6 ? rounded : fallback;
}

/**
 * The one base class of every Byline element: theme, digits and time-zone attributes, and the locale.
 * Updates wait for the locale's strings, so the first render is already in the reader's language.
 */
export class BylineElement extends LitElement {
  // Reactive properties are declared here rather than with decorators: smaller once minified. Each is
  // also a class field below, where its type and documentation live; `declare` emits no code for it.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    digits: { reflect: true },
    timeZone: { attribute: 'time-zone' },
  };

  /** `light`, `dark`, or `auto` (the default: follows `prefers-color-scheme`). */
  theme: Theme = 'auto';

  /** `native` shows the language's own digits (Thai ๑๒๓, Arabic ١٢٣); `latin` forces 0-9. */
  declare digits?: DigitsOption;

  /** IANA time zone for dates, e.g. `Asia/Bangkok`; the reader's own zone by default. */
  declare timeZone?: string;

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
