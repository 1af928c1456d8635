import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BylineElement } from '../core/byline-element.js';
import { aspectRatio } from '../core/aspect-ratio.js';
import { checkArticle, type Article, type LinkData } from '../core/contract.js';
import { DataController } from '../core/data.js';
import { baseStyles } from '../core/styles.js';
import { articleCardStyles } from './article-card.styles.js';

export type ArticleCardLayout = 'vertical' | 'horizontal' | 'compact' | 'hero';
export type DateStyle = 'auto' | 'absolute' | 'relative';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @tagname byline-article-card
 * @summary A news teaser: image, kicker, headline, standfirst, byline, source, timestamp and comment
 * count. The headline is the card's one main link; the whole card is clickable through it.
 *
 * @fires byline-load - The article data arrived and passed the contract checks.
 * @fires byline-error - Loading or validating the data failed; the card shows a localized error.
 *
 * @slot - A `<script type="application/json">` child with the Article JSON (for CMS templates).
 *
 * @csspart card - The card's outer box.
 * @csspart media - The image frame.
 * @csspart image - The `<img>`.
 * @csspart kicker - The category link above the headline.
 * @csspart headline - The headline (a heading wrapping the link).
 * @csspart summary - The standfirst, clamped to a number of lines.
 * @csspart meta - The line with author, source, date and comment count.
 * @csspart translated - The "translated from" note.
 * @csspart error - The error state box.
 * @csspart retry - The error state's retry button.
 *
 * @cssproperty --byline-article-card-background - Card background (defaults to the theme surface).
 * @cssproperty --byline-article-card-border - Card border, e.g. `1px solid #ddd` (default none).
 * @cssproperty --byline-article-card-padding - Space inside the card (default 0).
 * @cssproperty --byline-article-card-gap - Space between the card's parts (default 0.5em).
 * @cssproperty --byline-article-card-headline-size - Headline font size (default 1.25em; hero 1.75em).
 * @cssproperty --byline-article-card-headline-color - Headline color (defaults to the theme text).
 * @cssproperty --byline-article-card-kicker-color - Kicker color (defaults to the theme accent).
 * @cssproperty --byline-article-card-summary-lines - Lines of summary before it is clamped (default 3).
 * @cssproperty --byline-article-card-image-ratio - Image aspect ratio when the data has no size (default 3 / 2).
 */
export class BylineArticleCard extends BylineElement {
  static override styles = [baseStyles, articleCardStyles];

  /** URL of the Article JSON. */
  @property() src?: string;

  /** The article, set from JavaScript. Wins over inline JSON and `src`. */
  @property({ attribute: false }) article?: Article;

  /** `vertical`, `horizontal`, `compact` or `hero`. Unset: chosen from the space the card gets. */
  @property({ reflect: true }) layout?: ArticleCardLayout;

  /** Dates as `absolute`, `relative` ("3 hours ago") or `auto` (relative under a day old). */
  @property({ attribute: 'date-style' }) dateStyle: DateStyle = 'auto';

  /** Heading level of the headline (1-6), to fit the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The image's `sizes`, for pages that know the card's width better than the default guess. */
  @property() sizes?: string;

  private readonly data = new DataController<Article>(this, 'article', checkArticle);

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.data.sync(this.article, this.src);
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    if (this.data.state === 'error') return this.renderFailure(this.data);
    const article = this.data.value;
    const { dir, language } = this.i18n.locale;
    const layout = this.layout ?? 'auto';
    if (this.data.state === 'loading' || !article) {
      return html`<div class="card" part="card" data-layout=${layout} dir=${dir} lang=${language} aria-busy="true">
        <div class="media skeleton" part="media"></div>
        <div class="body">
          <span class="visually-hidden">${this.i18n.locale.strings.loading}</span>
          <div class="skeleton line short"></div>
          <div class="skeleton line"></div>
          <div class="skeleton line"></div>
          <div class="skeleton line short"></div>
        </div>
      </div>`;
    }
    return html`<article class="card" part="card" data-layout=${layout} dir=${dir} lang=${language}>
      ${this.renderImage(article)}
      <div class="body">
        ${article.category ? this.renderKicker(article.category) : nothing}
        <div class="headline" part="headline" role="heading" aria-level=${this.level} dir="auto">
          ${article.url
            ? html`<a href=${article.url} lang=${ifDefined(article.lang)}>${article.title}</a>`
            : html`<span lang=${ifDefined(article.lang)}>${article.title}</span>`}
        </div>
        ${article.summary
          ? html`<p class="summary" part="summary" lang=${ifDefined(article.lang)} dir="auto">${article.summary}</p>`
          : nothing}
        ${this.renderMeta(article)}
        ${this.renderTranslated(article)}
      </div>
    </article>`;
  }

  private get level(): number {
    const level = Math.round(this.headingLevel);
    return level >= 1 && level <= 6 ? level : 3;
  }

  private renderImage(article: Article): TemplateResult | typeof nothing {
    const image = article.image;
    if (!image?.src) return nothing;
    return html`<div class="media" part="media" ${aspectRatio(image.width, image.height)}>
      <img part="image" src=${image.src} srcset=${ifDefined(image.srcset)}
        sizes=${ifDefined(image.srcset ? (this.sizes ?? this.defaultSizes) : undefined)}
        width=${ifDefined(image.width)} height=${ifDefined(image.height)}
        alt=${image.alt ?? ''} loading=${this.layout === 'hero' ? 'eager' : 'lazy'} decoding="async" />
    </div>`;
  }

  private get defaultSizes(): string {
    if (this.layout === 'hero') return '100vw';
    if (this.layout === 'horizontal') return '(min-width: 600px) 40vw, 100vw';
    return '(min-width: 600px) 33vw, 100vw';
  }

  private renderKicker(category: LinkData): TemplateResult {
    return category.url
      ? html`<a class="kicker" part="kicker" href=${category.url}>${category.name}</a>`
      : html`<span class="kicker" part="kicker">${category.name}</span>`;
  }

  private renderMeta(article: Article): TemplateResult | typeof nothing {
    const locale = this.i18n.locale;
    const { strings } = locale;
    const items: TemplateResult[] = [];
    if (article.author) items.push(html`<span class="author">${this.linkOrText(article.author, strings.byAuthor)}</span>`);
    if (article.source) items.push(html`<span class="source">${this.linkOrText(article.source, strings.source)}</span>`);
    if (article.publishedAt) {
      items.push(html`<time datetime=${article.publishedAt} title=${locale.date(article.publishedAt, 'datetime')}
        >${this.formatDate(article.publishedAt)}</time>`);
    }
    if (article.commentCount !== undefined) {
      items.push(html`<span class="comments">${locale.plural(strings.commentCount, article.commentCount)}</span>`);
    }
    return items.length ? html`<p class="meta" part="meta">${items}</p>` : nothing;
  }

  /** "Source: {name}" with only the name as the link, so the link text stays meaningful. */
  private linkOrText(link: LinkData, template: string): TemplateResult {
    const [before = '', after = ''] = template.split('{name}');
    const name = link.url ? html`<a href=${link.url}>${link.name}</a>` : link.name;
    return html`${before}${name}${after}`;
  }

  private formatDate(value: string): string {
    const locale = this.i18n.locale;
    const age = Date.now() - Date.parse(value);
    const relative = this.dateStyle === 'relative' || (this.dateStyle === 'auto' && age >= 0 && age < DAY_MS);
    return relative ? locale.relative(value) : locale.date(value);
  }

  private renderTranslated(article: Article): TemplateResult | typeof nothing {
    const from = article.translatedFrom;
    const into = article.lang ?? this.i18n.locale.language;
    if (!from || from.split('-')[0] === into.split('-')[0]) return nothing;
    const locale = this.i18n.locale;
    return html`<p class="translated" part="translated">
      ${locale.text('translatedFrom', { language: locale.languageName(from) })}
    </p>`;
  }
}
