import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ariaLevel, BylineElement } from '../core/byline-element.js';
import {
  checkRelatedFeed,
  type Article,
  type Check,
  type RelatedFeed,
  type RelatedKind,
  type RelatedSection,
} from '../core/contract.js';
import { DataController } from '../core/data.js';
import type { LoadingMode } from '../core/near-viewport.js';
import { baseStyles } from '../core/styles.js';
import { relatedTopicsStyles } from './related-topics.styles.js';

export type RelatedTopicsLayout = 'list' | 'tabs';

const DEFAULT_TITLES: Record<RelatedKind, 'relatedTopic' | 'relatedCategory' | 'relatedAuthor'> = {
  topic: 'relatedTopic',
  category: 'relatedCategory',
  author: 'relatedAuthor',
};

/** The `.sections` property takes the sections array or a whole feed; both are checked as a feed. */
const checkSectionsOrFeed: Check<RelatedFeed> = (value, path) =>
  checkRelatedFeed(Array.isArray(value) ? { sections: value } : value, path);

/**
 * @tagname byline-related-topics
 * @summary Related articles in sections "Same topic", "Same category" and "Same author", as a list of
 * headed sections or as tabs. Each section lists article links (with an optional thumbnail and date) or
 * a localized empty state. The widget is one region landmark labelled "Related articles" (localized):
 * these are content recommendations, not site navigation, so it is a `<section>` rather than a `<nav>`.
 *
 * @fires byline-load - The feed arrived and passed the contract checks.
 * @fires byline-error - Loading or validating the feed failed; the widget shows a localized error.
 *
 * @slot - A `<script type="application/json">` child with the related feed JSON (for CMS templates).
 *
 * @csspart root - The outer box (the labelled region).
 * @csspart section - One section in the `list` layout.
 * @csspart heading - A section heading in the `list` layout.
 * @csspart list - The list of articles of one section.
 * @csspart item - One article.
 * @csspart thumbnail - An article's thumbnail (with `show-images`).
 * @csspart link - An article's title link (plain text when the data's URL was dropped).
 * @csspart date - An article's publication date.
 * @csspart empty - A section's empty state.
 * @csspart tablist - The row of tabs in the `tabs` layout.
 * @csspart tab - One tab.
 * @csspart tabpanel - One tab's panel.
 * @csspart error - The error state box.
 * @csspart retry - The error state's retry button.
 *
 * @cssproperty --byline-related-topics-background - Background (defaults to the theme surface).
 * @cssproperty --byline-related-topics-padding - Space inside the widget (default 0).
 * @cssproperty --byline-related-topics-gap - Space between sections (default 1.5em).
 * @cssproperty --byline-related-topics-heading-size - Section heading and tab font size (default 1.125em).
 * @cssproperty --byline-related-topics-heading-color - Section heading color (defaults to the theme text).
 * @cssproperty --byline-related-topics-link-color - Article link color (defaults to the theme text).
 * @cssproperty --byline-related-topics-divider - Line between articles (default `1px solid` the theme border).
 * @cssproperty --byline-related-topics-thumbnail-size - Thumbnail width (default 5em, 3:2).
 * @cssproperty --byline-related-topics-tab-indicator - Underline color of the selected tab (defaults to the theme accent).
 */
export class BylineRelatedTopics extends BylineElement {
  static override styles = [baseStyles, relatedTopicsStyles];

  /** URL of the related feed JSON. */
  @property() src?: string;

  /** The sections (or a whole `{ sections }` feed), set from JavaScript. Wins over inline JSON and `src`. */
  @property({ attribute: false }) sections?: RelatedSection[] | RelatedFeed;

  /** `list` (headed sections, the default) or `tabs` (one tab per section). */
  @property({ reflect: true }) layout: RelatedTopicsLayout = 'list';

  /** Level (1-6) of the section headings in the `list` layout; 2 by default and when out of range. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** At most this many articles per section; unset shows all. */
  @property({ attribute: 'max-items', type: Number }) maxItems?: number;

  /** Shows each article's thumbnail (decorative: the title is the link text). */
  @property({ attribute: 'show-images', type: Boolean }) showImages = false;

  /** `lazy` (default): the `src` feed loads only when the widget nears the viewport. `eager`: at once. */
  @property() loading: LoadingMode = 'lazy';

  /** Accessible name of the region; defaults to the localized "Related articles". */
  @property() label?: string;

  /** The selected tab; unset selects the first section that has articles. */
  @state() private _selected?: number;

  private readonly _data = new DataController<RelatedFeed>(this, 'related', checkSectionsOrFeed);

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._data.sync(this.sections, this.src);
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    const { dir, language, strings } = this.i18n.locale;
    const feed = this._data.value;
    const busy = this._data.state === 'loading';
    let body: unknown;
    if (this._data.state === 'error') body = this.renderFailure(this._data);
    else if (busy || !feed) {
      body = html`<span class="visually-hidden">${strings.loading}</span>
        <div class="skeleton line short"></div>
        <div class="skeleton line"></div>
        <div class="skeleton line"></div>
        <div class="skeleton line"></div>`;
    } else if (!feed.sections.length) body = this._renderEmpty();
    else body = this.layout === 'tabs' ? this._renderTabs(feed.sections) : feed.sections.map((s) => this._renderSection(s));
    return html`<section class="root" part="root" data-layout=${this.layout} aria-label=${this.label || strings.related}
      aria-busy=${busy ? 'true' : nothing} dir=${dir} lang=${language}
      >${body}</section>`;
  }

  private _sectionTitle(section: RelatedSection): string {
    return section.title?.trim() || this.i18n.locale.strings[DEFAULT_TITLES[section.kind]];
  }

  private _renderSection(section: RelatedSection): TemplateResult {
    return html`<div class="section" part="section">
      <div class="heading" part="heading" role="heading" aria-level=${ariaLevel(this.headingLevel)}>
        ${this._sectionTitle(section)}
      </div>
      ${this._renderItems(section.items)}
    </div>`;
  }

  private _renderTabs(sections: RelatedSection[]): TemplateResult {
    const selected = this._selectedIndex(sections);
    return html`<div class="tablist" part="tablist" role="tablist" aria-label=${this.label || this.i18n.locale.strings.related}
        @keydown=${this._onTabKeydown}>
        ${sections.map(
          (section, i) => html`<button class="tab" part="tab" role="tab" id="tab-${i}" aria-controls="panel-${i}"
            aria-selected=${i === selected ? 'true' : 'false'} tabindex=${i === selected ? 0 : -1}
            @click=${() => (this._selected = i)}>${this._sectionTitle(section)}</button>`,
        )}
      </div>
      ${sections.map(
        (section, i) => html`<div class="tabpanel" part="tabpanel" role="tabpanel" id="panel-${i}" aria-labelledby="tab-${i}"
          ?hidden=${i !== selected} tabindex=${section.items.length ? nothing : 0}>
          ${this._renderItems(section.items)}
        </div>`,
      )}`;
  }

  private _selectedIndex(sections: RelatedSection[]): number {
    const chosen = this._selected ?? sections.findIndex((section) => section.items.length > 0);
    return Math.min(Math.max(chosen, 0), sections.length - 1);
  }

  /** Automatic activation: arrows move focus and selection together, mirrored in right-to-left. */
  private _onTabKeydown(event: KeyboardEvent): void {
    const count = this._data.value?.sections.length ?? 0;
    const current = this._selectedIndex(this._data.value?.sections ?? []);
    const forward = this.i18n.locale.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward ? (current + 1) % count
      : event.key === backward ? (current - 1 + count) % count
      : event.key === 'Home' ? 0
      : event.key === 'End' ? count - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this._selected = next;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  private _renderEmpty(): TemplateResult {
    return html`<p class="empty" part="empty">${this.i18n.locale.strings.relatedEmpty}</p>`;
  }

  private _renderItems(items: Article[]): TemplateResult {
    const max = this.maxItems;
    const shown = max !== undefined && max > 0 ? items.slice(0, Math.floor(max)) : items;
    if (!shown.length) return this._renderEmpty();
    return html`<ul class="list" part="list">${shown.map((item) => this._renderItem(item))}</ul>`;
  }

  private _renderItem(item: Article): TemplateResult {
    const locale = this.i18n.locale;
    const image = this.showImages ? item.image : undefined;
    return html`<li class="item" part="item">
      ${image?.src
        ? html`<img class="thumbnail" part="thumbnail" src=${image.src} srcset=${ifDefined(image.srcset)}
            sizes=${image.srcset ? '10em' : nothing} width=${ifDefined(image.width)}
            height=${ifDefined(image.height)} alt="" loading="lazy" decoding="async" />`
        : nothing}
      <div class="text">
        ${item.url
          ? html`<a class="link" part="link" href=${item.url} lang=${ifDefined(item.lang)} dir="auto">${item.title}</a>`
          : html`<span class="link" part="link" lang=${ifDefined(item.lang)} dir="auto">${item.title}</span>`}
        ${item.publishedAt
          ? html`<time part="date" datetime=${item.publishedAt}>${locale.date(item.publishedAt)}</time>`
          : nothing}
      </div>
    </li>`;
  }
}
