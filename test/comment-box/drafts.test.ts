import { expect } from '@open-wc/testing';
import { clearDraft, draftId, newKey, readDraft, saveDraft } from '../../src/comment-box/drafts.js';
import { clearDrafts } from '../comment-box-helpers.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ID = draftId('/api', 'thread-1');

describe('comment box drafts', () => {
  beforeEach(() => clearDrafts());
  afterEach(() => clearDrafts());

  it('keeps one draft per api, thread and reply target', () => {
    const ids = [draftId('/api', 't'), draftId('/api', 't', 'c1'), draftId('/api', 'u'), draftId('/other', 't')];
    expect(new Set(ids).size).to.equal(4);
    saveDraft(ids[0]!, { name: 'Ann', body: 'top-level' });
    saveDraft(ids[1]!, { name: 'Ann', body: 'a reply' });
    expect(readDraft(ids[0]!)?.body).to.equal('top-level');
    expect(readDraft(ids[1]!)?.body).to.equal('a reply');
    expect(readDraft(ids[2]!)).to.equal(undefined);
  });

  it('survives a reload: the draft and its key are in localStorage', () => {
    saveDraft(ID, { name: 'Ann', body: 'ขอบคุณ', key: 'k-1' });
    const stored = JSON.parse(localStorage.getItem(`byline-comment-draft:${ID}`)!);
    expect(stored).to.deep.equal({ name: 'Ann', body: 'ขอบคุณ', key: 'k-1' });
    expect(readDraft(ID)).to.deep.equal({ name: 'Ann', body: 'ขอบคุณ', key: 'k-1' });
  });

  it('forgets a draft when it is emptied or cleared', () => {
    saveDraft(ID, { name: 'Ann', body: 'text' });
    saveDraft(ID, { name: '', body: '' });
    expect(readDraft(ID)).to.equal(undefined);
    saveDraft(ID, { name: 'Ann', body: 'text' });
    clearDraft(ID);
    expect(readDraft(ID)).to.equal(undefined);
    expect(localStorage.getItem(`byline-comment-draft:${ID}`)).to.equal(null);
  });

  it('keeps an empty draft that already has a key, so a retry sends the same key', () => {
    saveDraft(ID, { name: '', body: '', key: 'k-2' });
    expect(readDraft(ID)?.key).to.equal('k-2');
  });

  it('ignores what other scripts stored under its keys', () => {
    for (const value of ['not json', '{"name":1,"body":"x"}', 'null', '["a"]']) {
      localStorage.setItem(`byline-comment-draft:${ID}`, value);
      expect(readDraft(ID), value).to.equal(undefined);
    }
    localStorage.setItem(`byline-comment-draft:${ID}`, '{"name":"Ann","body":"x","key":7}');
    expect(readDraft(ID)).to.deep.equal({ name: 'Ann', body: 'x', key: undefined });
  });

  it('keeps drafts in memory when storage refuses them', () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      saveDraft(ID, { name: 'Ann', body: 'kept in memory' });
      expect(localStorage.getItem(`byline-comment-draft:${ID}`)).to.equal(null);
      expect(readDraft(ID)?.body).to.equal('kept in memory');
      clearDraft(ID);
      expect(readDraft(ID)).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('makes v4 UUID keys, also where crypto.randomUUID is missing (http pages)', () => {
    const keys = new Set([newKey(), newKey(), newKey()]);
    expect(keys.size).to.equal(3);
    for (const key of keys) expect(key).to.match(UUID_V4);
    const randomUUID = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      const fallback = [newKey(), newKey()];
      expect(fallback[0]).to.match(UUID_V4);
      expect(fallback[0]).not.to.equal(fallback[1]);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', randomUUID);
    }
  });
});
