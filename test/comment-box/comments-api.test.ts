import { expect } from '@open-wc/testing';
import { commentsUrl, fetchCommentPage, pageLimit, postComment } from '../../src/comment-box/comments-api.js';
import { ContractError } from '../../src/core/contract.js';
import { API, comment, fakeApiPerTest, page, THREAD } from '../comment-box-helpers.js';
import { json } from '../fixtures.js';

describe('comments API client', () => {
  const serveApi = fakeApiPerTest();

  it('builds the thread URL from any api spelling, encoding the thread id', () => {
    expect(commentsUrl('https://x.test/api/', 'a/b c')).to.equal('https://x.test/api/threads/a%2Fb%20c/comments');
    expect(commentsUrl('/api//', 't', '?limit=1')).to.equal('/api/threads/t/comments?limit=1');
  });

  it('clamps page-size to a limit of 1-100, using 20 for anything that is not a number', () => {
    expect([pageLimit(20), pageLimit(7.6), pageLimit(-5), pageLimit(500), pageLimit(Number.NaN), pageLimit(0)])
      .to.deep.equal([20, 8, 1, 100, 20, 20]);
  });

  it('asks for a page with limit, sort and cursor, and answers the checked page', async () => {
    const items = [comment(), comment({ parentId: 'c0' })];
    const api = serveApi({ list: page(items, { total: 9, nextCursor: 'next' }) });
    const answer = await fetchCommentPage(API, THREAD, { sort: 'oldest', pageSize: 500, cursor: 'abc' });
    const url = api.gets()[0]!.url;
    expect(url.pathname).to.equal(`/api/threads/${THREAD}/comments`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ limit: '100', sort: 'oldest', cursor: 'abc' });
    expect(answer.total).to.equal(9);
    expect(answer.nextCursor).to.equal('next');
    expect(answer.items.map((item) => item.id)).to.deep.equal(items.map((item) => item.id));
  });

  it('sorts newest first for any sort it does not know, and sends no empty cursor', async () => {
    const api = serveApi();
    await fetchCommentPage(API, THREAD, { sort: 'sideways' as 'newest', pageSize: 20 });
    expect(Object.fromEntries(api.gets()[0]!.url.searchParams)).to.deep.equal({ limit: '20', sort: 'newest' });
  });

  it('refuses a page that breaks the contract, naming the field', async () => {
    serveApi({ list: () => json({ thread: THREAD, total: 1, items: [{ ...comment(), author: {} }] }) });
    const error = await fetchCommentPage(API, THREAD, { sort: 'newest', pageSize: 20 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).field).to.equal('comments.items[0].author.name');
  });

  it('posts JSON once with the Idempotency-Key and answers the stored comment', async () => {
    const api = serveApi();
    const posted = await postComment(API, THREAD, { author: { name: 'Ann' }, body: 'Hello', parentId: 'c1' }, 'key-1');
    const [request] = api.posts();
    expect(api.requests).to.have.length(1);
    expect(request!.key).to.equal('key-1');
    expect(request!.contentType).to.equal('application/json');
    expect(request!.body).to.deep.equal({ author: { name: 'Ann' }, body: 'Hello', parentId: 'c1' });
    expect(posted.body).to.equal('Hello');
    expect(posted.status).to.equal('published');
  });

  it('refuses a post answer without a comment, naming response.comment', async () => {
    serveApi({ post: () => json({ ok: true }, { status: 201 }) });
    const error = await postComment(API, THREAD, { author: { name: 'Ann' }, body: 'Hello' }, 'k').catch((e: unknown) => e);
    expect((error as ContractError).field).to.match(/^response\.comment/);
  });
});
