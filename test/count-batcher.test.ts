import { expect } from '@open-wc/testing';
import { countsEndpoint, lookupCount, MAX_THREADS_PER_REQUEST } from '../src/comment-count/count-batcher.js';
import { captureWarnings, json, stubFetch } from './fixtures.js';

let serial = 0;
/** An endpoint of its own per test: answers are cached per endpoint and thread for the page's life. */
const freshEndpoint = () => countsEndpoint(`https://counts${++serial}.example.test/api`);

describe('count batcher', () => {
  it('builds {api}/counts from any spelling of the API, keeping its query', () => {
    expect(countsEndpoint('https://x.test/api')).to.equal('https://x.test/api/counts');
    expect(countsEndpoint('https://x.test/api//?key=k#top')).to.equal('https://x.test/api/counts?key=k');
    expect(countsEndpoint('/api/')).to.equal(`${location.origin}/api/counts`);
    expect(() => countsEndpoint('http://[')).to.throw(TypeError);
  });

  it('sends one request per 100 threads for lookups made in one task, asking for each thread once', async () => {
    const endpoint = freshEndpoint();
    const asked: string[][] = [];
    const restore = stubFetch((url) => {
      const threads = new URL(url).searchParams.getAll('thread');
      asked.push(threads);
      return json({ counts: Object.fromEntries(threads.map((t) => [t, Number(t.slice(1))])) });
    });
    try {
      const threads = Array.from({ length: 150 }, (_, i) => `t${i}`);
      const counts = await Promise.all([...threads, 't0'].map((t) => lookupCount(endpoint, t)));
      expect(counts.slice(0, 3)).to.deep.equal([0, 1, 2]);
      expect(asked.map((chunk) => chunk.length)).to.deep.equal([MAX_THREADS_PER_REQUEST, 50]);
      expect(await lookupCount(endpoint, 't7'), 'cached').to.equal(7);
      expect(asked).to.have.length(2);
    } finally {
      restore();
    }
  });

  it('rejects the threads of a failed request with one warning, and tries again on the next lookup', async () => {
    const endpoint = freshEndpoint();
    let fail = true;
    const restore = stubFetch(() => (fail ? json({ counts: [] }) : json({ counts: { a: 2, b: 3 } })));
    const warnings = captureWarnings();
    try {
      const results = await Promise.allSettled(['a', 'b'].map((t) => lookupCount(endpoint, t)));
      expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
      expect(warnings.messages).to.deep.equal(['[byline] <byline-comment-count>: invalid data: "counts" must be an object']);
      fail = false;
      expect(await lookupCount(endpoint, 'b')).to.equal(3);
    } finally {
      warnings.restore();
      restore();
    }
  });
});
