import { expect } from '@open-wc/testing';
import { checkArticle, checkPhoto, checkRelatedFeed, ContractError } from '../src/core/contract.js';
import { seedArticle, seedPhoto, seedRelated } from './fixtures.js';

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error.field;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('contract checks', () => {
  it('accepts the seed article and drops unknown fields', () => {
    const article = checkArticle({ ...seedArticle(), unknown: '<b>x</b>' }, 'article');
    expect(article.title).to.equal(seedArticle().title);
    expect(article).to.not.have.property('unknown');
  });

  it('needs only id, url and title', () => {
    const article = checkArticle({ id: 'a', url: '/a', title: 'T' }, 'article');
    expect(article).to.deep.equal({ id: 'a', url: '/a', title: 'T' });
  });

  it('names the missing or wrong field, with its path', () => {
    expect(fieldOf(() => checkArticle({ id: 'a', url: '/a' }, 'article'))).to.equal('article.title');
    expect(fieldOf(() => checkArticle({ id: 'a', title: 'T' }, 'article'))).to.equal('article.url');
    expect(fieldOf(() => checkArticle({ ...seedArticle(), title: '   ' }, 'article'))).to.equal('article.title');
    expect(fieldOf(() => checkArticle({ ...seedArticle(), publishedAt: 'yesterday' }, 'article'))).to.equal(
      'article.publishedAt',
    );
    expect(fieldOf(() => checkArticle({ ...seedArticle(), commentCount: -1 }, 'article'))).to.equal('article.commentCount');
    expect(fieldOf(() => checkArticle({ ...seedArticle(), source: { url: '/x' } }, 'article'))).to.equal('article.source.name');
    expect(fieldOf(() => checkArticle([], 'article'))).to.equal('article');
    expect(fieldOf(() => checkArticle(null, 'article'))).to.equal('article');
  });

  it('treats null optional fields as absent', () => {
    const article = checkArticle({ ...seedArticle(), summary: null, image: null, author: null }, 'article');
    expect(article).to.not.have.property('summary');
    expect(article).to.not.have.property('image');
  });

  it('drops disallowed URLs but keeps the rest of the data', () => {
    const article = checkArticle(
      { ...seedArticle(), url: 'javascript:alert(1)', image: { src: 'data:image/png;base64,AA', alt: 'x' } },
      'article',
    );
    expect(article).to.not.have.property('url');
    expect(article.image).to.deep.equal({ alt: 'x' });
    expect(article.title).to.equal(seedArticle().title);
  });

  it('checks related feeds item by item', () => {
    expect(checkRelatedFeed(seedRelated(), 'related').sections).to.have.length(3);
    const broken = seedRelated() as unknown as { sections: { kind: string; items: unknown[] }[] };
    broken.sections[1]!.items[2] = { id: 'x', url: '/x' };
    expect(fieldOf(() => checkRelatedFeed(broken, 'related'))).to.equal('related.sections[1].items[2].title');
    expect(fieldOf(() => checkRelatedFeed({ sections: [{ kind: 'other', items: [] }] }, 'related'))).to.equal(
      'related.sections[0].kind',
    );
  });

  it('requires src and alt on a photo', () => {
    expect(checkPhoto(seedPhoto(), 'photo').number).to.equal(1);
    expect(fieldOf(() => checkPhoto({ src: '/a.jpg' }, 'photo'))).to.equal('photo.alt');
    expect(fieldOf(() => checkPhoto({ alt: '' }, 'photo'))).to.equal('photo.src');
  });
});
