import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderComments, renderSkeleton, type ListView } from '../../src/comment-box/comment-list.js';
import type { CommentPagesController } from '../../src/comment-box/comment-pages.js';
import type { Comment } from '../../src/comment-box/comments-api.js';
import { comment } from '../comment-box-helpers.js';
import en from '../../src/locales/en.js';
import { ENGLISH } from './hosts.js';

function show(comments: Comment[], extra: Partial<CommentPagesController> = {}, view: Partial<ListView> = {}): HTMLElement {
  const pages = { comments, moreFailed: false, loadingMore: false, loadMore: () => undefined, ...extra } as CommentPagesController;
  const container = document.createElement('div');
  render(renderComments({ locale: ENGLISH, pages, onReply: () => undefined, ...view }), container);
  return container;
}
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((node) => node.textContent!.trim());

describe('comment box list', () => {
  it('puts each reply under its top-level comment, in the order given', () => {
    const [first, second] = [comment({ body: 'first' }), comment({ body: 'second' })];
    const list = show([first!, second!, comment({ parentId: second!.id, body: 'reply to second' }), comment({ parentId: first!.id, body: 'reply to first' })]);
    const threads = [...list.querySelectorAll('[part="list"] > li')];
    expect(threads.map((li) => li.querySelector(':scope > article [part="text"]')!.textContent)).to.deep.equal(['first', 'second']);
    expect(texts(threads[0]!, '[part="replies"] [part="text"]')).to.deep.equal(['reply to first']);
    expect(texts(threads[1]!, '[part="replies"] [part="text"]')).to.deep.equal(['reply to second']);
    expect(threads[0]!.querySelector('[part="replies"]')!.getAttribute('aria-label')).to.equal(`Replies to ${first!.author.name}`);
  });

  it('offers Reply on published comments only, named by the author', () => {
    const published = comment({ author: { name: 'Ann' } });
    const replies: Comment[] = [];
    const list = show([published, comment({ status: 'pending' })], {}, { onReply: (item) => replies.push(item) });
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('[part="reply"]')];
    expect(buttons).to.have.length(1);
    expect(buttons[0]!.getAttribute('aria-label')).to.equal('Reply to Ann');
    expect(texts(list, '[part="badge"]')).to.deep.equal(['Awaiting moderation']);
    buttons[0]!.click();
    expect(replies).to.deep.equal([published]);
  });

  it('moves the form slot under the comment being answered', () => {
    const target = comment();
    const list = show([comment(), target], {}, { replyTo: target });
    expect(list.querySelector(`[data-reply="${target.id}"]`)!.getAttribute('aria-expanded')).to.equal('true');
    expect(list.querySelector('slot[name="form"]')!.closest('li')!.querySelector('article')!.dataset['id']).to.equal(target.id);
  });

  it('shows "Load more" only while there is a next page, disabled while it loads', () => {
    expect(show([comment()]).querySelector('[part="more"]')).to.equal(null);
    let asked = 0;
    const list = show([comment()], { nextCursor: 'p2', loadMore: () => asked++ });
    list.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    expect(asked).to.equal(1);
    expect(show([comment()], { nextCursor: 'p2', loadingMore: true }).querySelector<HTMLButtonElement>('[part="more"]')!.disabled).to.equal(true);
    expect(texts(show([comment()], { moreFailed: true }), '[role="alert"]')).to.deep.equal([en.loadFailed]);
  });

  it('shows the empty state for a thread without top-level comments', () => {
    expect(texts(show([]), '[part="empty"]')).to.deep.equal(['No comments yet. Be the first to comment.']);
  });

  it('shows an accessible, busy skeleton while loading', () => {
    const container = document.createElement('div');
    render(renderSkeleton(ENGLISH), container);
    expect(container.querySelector('[part="skeleton"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(texts(container, '.visually-hidden')).to.deep.equal(['Loading…']);
  });
});
