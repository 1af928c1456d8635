import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ariaLevel, BylineElement } from '../core/byline-element.js';
import { aspectRatio } from '../core/aspect-ratio.js';
import { checkArticle, type Article } from '../core/contract.js';
import { DataController } from '../core/data.js';
import type { LoadingMode } from '../core/near-viewport.js';
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

  /** Level (1-6) of the headline, to fit the host page's outline; 2 by default and when out of range. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The image's `sizes`, for pages that know the card's width better than the default guess. */
  @property() sizes?: string;

  /**
   * `lazy` (default): the `src` JSON loads only when the card nears the viewport. `eager`: at once (a
   * card above the fold). The image is lazy-loaded by the browser either way, except in `hero`.
   */
  @property() loading: LoadingMode = 'lazy';

  private readonly _data = new DataController<Article>(this, 'article', checkArticle);

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._data.sync(this.article, this.src);
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    if (this._data.state === 'error') return this.renderFailure(this._data);
    const article = this._data.value;
    const { dir, language } = this.i18n.locale;
    const layout = this.layout ?? 'auto';
    if (this._data.state === 'loading' || !article) {
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
    // One flat template, so a card is one template instance (each nested template costs an instance,
    // its parts and comment markers per card). Pieces the data may lack stay in place with `hidden`;
    // a name without a URL is an <a> without href, which is not a link.
    const { image, category, author, source, publishedAt, commentCount } = article;
    const imageSrc = image?.src;
    const { strings } = this.i18n.locale;
    // "Source: {name}" with only the name as the link, so the link text stays meaningful. The meta
    // items touch (no whitespace text nodes between them): the line is a flex row with its own gaps.
    const [byBefore, byAfter] = strings.byAuthor.split('{name}');
    const [sourceBefore, sourceAfter] = strings.source.split('{name}');
    const published = publishedAt ? new Date(publishedAt) : undefined;
    const hasMeta = author || source || published || commentCount !== undefined;
    return html`<article class="card" part="card" data-layout=${layout} dir=${dir} lang=${language}>
      <div class="media" part="media" ?hidden=${!imageSrc} ${aspectRatio(image?.width, image?.height)}>
        <img part="image" src=${ifDefined(imageSrc)} srcset=${ifDefined(image?.srcset)}
          sizes=${image?.srcset ? (this.sizes ?? this._defaultSizes) : nothing}
          width=${ifDefined(image?.width)} height=${ifDefined(image?.height)}
          alt=${image?.alt ?? ''} loading=${this.layout === 'hero' ? 'eager' : 'lazy'} decoding="async" />
      </div>
      <div class="body">
        <a class="kicker" part="kicker" href=${ifDefined(category?.url)} ?hidden=${!category}>${category?.name}</a>
        <div class="headline" part="headline" role="heading" aria-level=${ariaLevel(this.headingLevel)} dir="auto">
          <a href=${ifDefined(article.url)} lang=${ifDefined(article.lang)}>${article.title}</a>
        </div>
        <p class="summary" part="summary" lang=${ifDefined(article.lang)} dir="auto" ?hidden=${!article.summary}
          >${article.summary}</p>
        <p class="meta" part="meta" ?hidden=${!hasMeta}
          ><span class="author" ?hidden=${!author}>${byBefore}<a href=${ifDefined(author?.url)}>${author?.name}</a
            >${byAfter}</span
          ><span class="source" ?hidden=${!source}>${sourceBefore}<a href=${ifDefined(source?.url)}>${source?.name}</a
            >${sourceAfter}</span
          ><time datetime=${ifDefined(publishedAt)} title=${ifDefined(published && this.i18n.locale.date(published, 'datetime'))}
            ?hidden=${!published}>${published && this._formatDate(published)}</time
          ><span class="comments" ?hidden=${commentCount === undefined}
            >${commentCount === undefined ? '' : this.i18n.locale.plural(strings.commentCount, commentCount)}</span
        ></p>
        ${this._renderTranslated(article)}
      </div>
    </article>`;
  }

  private get _defaultSizes(): string {
    if (this.layout === 'hero') return '100vw';
    if (this.layout === 'horizontal') return '(min-width: 600px) 40vw, 100vw';
    return '(min-width: 600px) 33vw, 100vw';
  }

  private _formatDate(value: Date): string {
    const locale = this.i18n.locale;
    const age = Date.now() - value.getTime();
    const relative = this.dateStyle === 'relative' || (this.dateStyle === 'auto' && age >= 0 && age < DAY_MS);
    return relative ? locale.relative(value) : locale.date(value);
  }

  private _renderTranslated(article: Article): TemplateResult | typeof nothing {
    const from = article.translatedFrom;
    const into = article.lang ?? this.i18n.locale.language;
    if (!from || from.split('-')[0] === into.split('-')[0]) return nothing;
    const locale = this.i18n.locale;
    return html`<p class="translated" part="translated">
      ${locale.text('translatedFrom', { language: locale.languageName(from) })}
    </p>`;
  }
}
