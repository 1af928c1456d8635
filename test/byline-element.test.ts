/** What every element gets from BylineElement (src/core/byline-element.ts): digits, time zone, heading levels. */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { BylineArticleCard, BylineRelatedTopics } from '../src/index.js';
import { captureWarnings, seedArticle, seedRelated } from './fixtures.js';

const commentsText = (el: BylineArticleCard) => el.shadowRoot!.querySelector('.comments')!.textContent!;

describe('BylineElement', () => {
  it('digits="latin" shows 0-9 in Thai; digits="native" Thai digits', async () => {
    const article = seedArticle({ commentCount: 1234 });
    const latin = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" digits="latin" .article=${article}></byline-article-card>`);
    const native = await fixture<BylineArticleCard>(html`<byline-article-card lang="th" digits="native" .article=${article}></byline-article-card>`);
    expect(commentsText(latin)).to.match(/1,234/);
    expect(commentsText(native)).to.match(/๑,๒๓๔/);
    native.digits = 'latin';
    await native.updateComplete;
    expect(commentsText(native)).to.equal(commentsText(latin));
  });

  it('an unknown time-zone warns once and dates still render in the reader’s zone', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<BylineArticleCard>(
        html`<byline-article-card lang="en" date-style="absolute" time-zone="Mars/Olympus_Mons" .article=${seedArticle()}></byline-article-card>`,
      );
      const reader = await fixture<BylineArticleCard>(html`<byline-article-card lang="en" date-style="absolute" .article=${seedArticle()}></byline-article-card>`);
      expect(el.shadowRoot!.querySelector('time')!.textContent).to.equal(reader.shadowRoot!.querySelector('time')!.textContent);
      expect(warnings.messages).to.deep.equal(['[byline] unknown time-zone "Mars/Olympus_Mons"; using the reader\'s time zone.']);
    } finally {
      warnings.restore();
    }
  });

  it('a heading-level out of 1-6 falls back to the one default, 2; fractions round', async () => {
    const levels: [string, string][] = [['9', '2'], ['0', '2'], ['-2', '2'], ['x', '2'], ['3.6', '4'], ['6', '6']];
    for (const [attribute, expected] of levels) {
      const card = await fixture<BylineArticleCard>(html`<byline-article-card heading-level=${attribute} .article=${seedArticle()}></byline-article-card>`);
      expect(card.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level'), `card ${attribute}`).to.equal(expected);
    }
    const related = await fixture<BylineRelatedTopics>(html`<byline-related-topics heading-level="7" .sections=${seedRelated()}></byline-related-topics>`);
    expect(related.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level'), 'related default').to.equal('2');
  });
});
