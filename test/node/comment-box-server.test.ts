// The comment box on a server (Node: no document, window or localStorage): what a server render runs —
// the constructor, willUpdate and render() — touches no browser global and starts no request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PropertyValues } from 'lit';
import { BylineCommentBox } from '../../src/comment-box/comment-box.js';

type Rendering = { willUpdate(changed: PropertyValues): void; render(): { strings: readonly string[]; values: unknown[] } };

test('the comment box constructs and renders its loading state without a document', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const requests: unknown[] = [];
  const fetch = globalThis.fetch;
  globalThis.fetch = (async (...args: unknown[]) => {
    requests.push(args);
    throw new Error('no requests during a server render');
  }) as typeof fetch;
  try {
    const el = new BylineCommentBox();
    el.api = '/api';
    el.thread = 'thread-1';
    const server = el as unknown as Rendering;
    server.willUpdate(new Map([['api', undefined], ['thread', undefined], ['sort', undefined], ['pageSize', undefined]]));
    const template = server.render();
    assert.match(template.strings.join(''), /role="heading"/);
    // A request would start after the (immediate) viewport wait: let queued work run first.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(requests, []);
  } finally {
    globalThis.fetch = fetch;
  }
});
