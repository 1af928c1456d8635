// The JSON Schemas in schema/ (shipped as byline-widgets/schema/…) describe the data the widgets and the
// reference server really exchange: every fixture, demo page's inline JSON and server answer validates,
// the widgets' own checks agree with the schemas on what is broken, and the limits are the contract's.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { BODY_MAX, NAME_MAX, trimmedLengthPattern } from '../../server/domain/limits.js';
import { checkArticle, checkPhoto, checkRelatedFeed, type Check } from '../../src/core/contract.js';
import { seedArticle, seedPhoto, seedRelated } from '../fixtures.js';

const BASE = 'https://cdn.jsdelivr.net/npm/byline-widgets/schema/';
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const schemaFiles = readdirSync('schema').filter((f) => f.endsWith('.schema.json'));
for (const file of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(join('schema', file), 'utf8')));

function validator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE}${name}.schema.json`);
  assert.ok(validate, `schema/${name}.schema.json is missing`);
  return validate;
}

function assertValid(name: string, value: unknown, what: string): void {
  const validate = validator(name);
  assert.ok(validate(value), `${what} does not match schema/${name}.schema.json: ${ajv.errorsText(validate.errors)}`);
}

test('every schema file declares draft 2020-12 and its package address as $id, and compiles', () => {
  assert.ok(schemaFiles.length >= 8, `only ${schemaFiles.length} schema files`);
  for (const file of schemaFiles) {
    const schema = JSON.parse(readFileSync(join('schema', file), 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', file);
    assert.equal(schema.$id, BASE + file, file);
    assert.ok(ajv.getSchema(schema.$id), file);
  }
});

test('the test fixtures match the schemas', () => {
  assertValid('article', seedArticle(), 'seedArticle()');
  assertValid('photo', seedPhoto(), 'seedPhoto()');
  assertValid('related-feed', seedRelated(), 'seedRelated()');
});

/** Each `<byline-…><script type="application/json">…</script>` in the demo pages, by element. */
function demoInlineJson(): { page: string; tag: string; data: unknown }[] {
  const found = [];
  for (const page of readdirSync('demo').filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join('demo', page), 'utf8');
    const inline = /<(byline-[a-z-]+)\b[^>]*>\s*(?:<!--[\s\S]*?-->\s*)?<script type="application\/json">([\s\S]*?)<\/script>/g;
    for (const [, tag, json] of html.matchAll(inline)) found.push({ page, tag: tag!, data: JSON.parse(json!) });
  }
  return found;
}

test('the demo pages\' inline JSON matches the schemas', () => {
  const schemaOf: Record<string, string> = {
    'byline-article-card': 'article',
    'byline-photo-caption': 'photo',
    'byline-related-topics': 'related-feed',
  };
  const inline = demoInlineJson();
  // index.html (hero card), cms.html (card, photo, related): losing one means the regex stopped finding them.
  assert.ok(inline.length >= 4, `found ${inline.length} inline JSON blocks in demo/`);
  for (const { page, tag, data } of inline) {
    const name = schemaOf[tag];
    assert.ok(name, `demo/${page}: no schema for <${tag}>`);
    // The related widget also takes a bare array of sections.
    const value = name === 'related-feed' && Array.isArray(data) ? { sections: data } : data;
    assertValid(name, value, `demo/${page} <${tag}>`);
  }
});

describe('the reference server answers what the schemas say', () => {
  let app: FastifyInstance;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'byline-schemas-'));
    app = await buildApp({ dbPath: join(dir, 'byline.sqlite'), rateLimits: { post: { max: 1000, timeWindow: 60_000 } } });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every seed article and related feed, in every language', async () => {
    const ids = new Set(['mic-197241227152010792']);
    let checked = 0;
    for (const lang of ['th', 'vi', 'en']) {
      const related = await app.inject(`/api/related/mic-197241227152010792?lang=${lang}`);
      assert.equal(related.statusCode, 200);
      assertValid('related-feed', related.json(), `/api/related (${lang})`);
      for (const section of related.json().sections) for (const item of section.items) ids.add(item.id);
      for (const id of ids) {
        const article = await app.inject(`/api/articles/${encodeURIComponent(id)}?lang=${lang}`);
        assert.equal(article.statusCode, 200, id);
        assertValid('article', article.json(), `/api/articles/${id} (${lang})`);
        checked++;
      }
    }
    assert.ok(ids.size > 1 && checked === ids.size * 3, `checked ${checked} articles`);
  });

  test('posting, a reply, a page of comments and counts', async () => {
    const post = (body: object, key: string) =>
      app.inject({
        method: 'POST',
        url: '/api/threads/schema-test/comments',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        payload: body,
      });
    const first = await post({ author: { name: 'Somchai' }, body: 'ขอบคุณครับ TT&TT' }, 'schema-key-1');
    assert.equal(first.statusCode, 201);
    assertValid('comment-post', { author: { name: 'Somchai' }, body: 'ขอบคุณครับ TT&TT' }, 'the posted body');
    assertValid('comment', first.json().comment, 'POST 201 comment');
    const reply = await post({ author: { name: 'Lan' }, body: 'Đồng ý', parentId: first.json().comment.id }, 'schema-key-2');
    assert.equal(reply.statusCode, 201);
    assertValid('comment', reply.json().comment, 'POST 201 reply');

    const page = await app.inject('/api/threads/schema-test/comments?limit=1');
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().items.length, 2);
    assertValid('comment-page', page.json(), 'GET comments');
    const counts = await app.inject('/api/counts?thread=schema-test&thread=nothing-here');
    assertValid('counts', counts.json(), 'GET counts');
    assert.deepEqual(counts.json(), { counts: { 'schema-test': 2, 'nothing-here': 0 } });
  });

  test('error answers (400, 404, 409, 415, 422) have the error body', async () => {
    const answers = [
      await app.inject({ method: 'POST', url: '/api/threads/t/comments', headers: { 'content-type': 'application/json', 'idempotency-key': 'schema-key-3' }, payload: { body: 'x' } }),
      await app.inject('/api/articles/no-such-article'),
      await app.inject({ method: 'POST', url: '/api/threads/schema-test/comments', headers: { 'content-type': 'application/json', 'idempotency-key': 'schema-key-1' }, payload: { author: { name: 'Somchai' }, body: 'changed' } }),
      await app.inject({ method: 'POST', url: '/api/threads/t/comments', headers: { 'content-type': 'text/plain', 'idempotency-key': 'schema-key-4' }, payload: 'hi' }),
      await app.inject({ method: 'POST', url: '/api/threads/t/comments', headers: { 'content-type': 'application/json', 'idempotency-key': 'schema-key-5' }, payload: { author: { name: 'A' }, body: 'x', parentId: 'nope' } }),
    ];
    assert.deepEqual(answers.map((a) => a.statusCode), [400, 404, 409, 415, 422]);
    for (const answer of answers) assertValid('error', answer.json(), `${answer.statusCode} answer`);
  });
});

describe('the server validates request bodies with the shipped schemas', () => {
  const ADMIN = 'schemas-test-admin-token';
  let app: FastifyInstance;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'byline-bodies-'));
    app = await buildApp({ dbPath: join(dir, 'byline.sqlite'), adminToken: ADMIN, demoSignIn: true, rateLimits: { post: { max: 1000, timeWindow: 60_000 } } });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let keys = 0;
  const send = (method: 'POST' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { 'content-type': 'application/json', 'idempotency-key': `bodies-key-${++keys}`, ...headers }, payload: JSON.stringify(payload) });
  const ROUTES: Record<string, (payload: unknown) => ReturnType<typeof send>> = {
    'comment-post': (payload) => send('POST', '/api/threads/bodies/comments', payload),
    'comment-edit': (payload) => send('PATCH', '/api/threads/bodies/comments/c1', payload),
    'ban-request': (payload) => send('POST', '/api/admin/comments/c1/ban', payload, { authorization: `Bearer ${ADMIN}` }),
    'render-request': (payload) => send('POST', '/api/render', payload),
    'demo-sign-in': (payload) => send('POST', '/demo/sign-in', payload),
  };
  const A = { name: 'Lan' };
  // [schema, what, body, the server's code, its field]: what the server answered before it read the schemas.
  const refused: [string, string, unknown, string, string][] = [
    ['comment-post', 'no body', { author: A }, 'missing_field', 'body'],
    ['comment-post', 'a number for the body', { author: A, body: 123 }, 'invalid_field', 'body'],
    ['comment-post', 'a blank body', { author: A, body: ' \n\t ' }, 'invalid_length', 'body'],
    ['comment-post', '2001 code points', { author: A, body: '😀'.repeat(2001) }, 'invalid_length', 'body'],
    ['comment-post', 'a control character in the body', { author: A, body: 'bell \u0007' }, 'invalid_field', 'body'],
    ['comment-post', 'a lone surrogate in the body', { author: A, body: 'lone \ud800 surrogate' }, 'invalid_field', 'body'],
    ['comment-post', 'an author without a name', { author: {}, body: 'x' }, 'missing_field', 'author.name'],
    ['comment-post', 'a blank name', { author: { name: '   ' }, body: 'x' }, 'invalid_length', 'author.name'],
    ['comment-post', '81 code points of name', { author: { name: 'ก่'.repeat(40) + 'ก' }, body: 'x' }, 'invalid_length', 'author.name'],
    ['comment-post', 'a text-direction override in the name', { author: { name: 'Lan\u202Egnp.exe' }, body: 'x' }, 'invalid_field', 'author.name'],
    ['comment-post', 'a parentId of 65 characters', { author: A, body: 'x', parentId: 'p'.repeat(65) }, 'invalid_length', 'parentId'],
    ['comment-edit', 'a blank body', { body: '   ' }, 'invalid_length', 'body'],
    ['comment-edit', 'no body', {}, 'missing_field', 'body'],
    ['ban-request', 'a date that is not a date', { until: 'tomorrow' }, 'invalid_field', 'until'],
    ['ban-request', 'a reason of 501 characters', { reason: 'r'.repeat(501) }, 'invalid_length', 'reason'],
    ['render-request', 'no element', { lang: 'th' }, 'missing_field', 'element'],
    ['render-request', 'an element it does not render', { element: 'byline-comment-list' }, 'invalid_field', 'element'],
    ['render-request', 'a malformed language tag', { element: 'byline-comment-count', data: 1, lang: 'th"><script>' }, 'invalid_field', 'lang'],
    ['render-request', 'an attribute name that is not a name', { element: 'byline-comment-count', data: 1, attributes: { 'a b': 'x' } }, 'invalid_field', 'attributes'],
    ['demo-sign-in', 'no name', { moderator: true }, 'missing_field', 'name'],
    ['demo-sign-in', 'an empty name', { name: '' }, 'invalid_length', 'name'],
  ];
  for (const [schema, what, body, code, field] of refused) {
    test(`${schema}: ${what} is refused by the schema and answered 400 ${code} (${field})`, async () => {
      assert.equal(validator(schema)(body), false, `schema/${schema}.schema.json accepts ${what}`);
      const res = await ROUTES[schema]!(body);
      assert.equal(res.statusCode, 400, res.body);
      assertValid('error', res.json(), 'the answer');
      assert.deepEqual([res.json().error.code, res.json().error.field], [code, field]);
    });
  }

  test('what the server accepts, the schema accepts: text counted after trimming, an anonymous post needs its author', async () => {
    const padded = { author: { name: `  ${'ก่'.repeat(40)}  ` }, body: `${'😀'.repeat(2000)}\n` };
    assertValid('comment-post', padded, '80 + 2000 code points with white space around them');
    assert.equal((await ROUTES['comment-post']!(padded)).statusCode, 201);
    // A signed-in reader's name comes from the token, so the schema cannot require `author`; the server
    // asks an anonymous poster for it.
    assertValid('comment-post', { body: 'x' }, 'a post without author');
    const anonymous = await ROUTES['comment-post']!({ body: 'x' });
    assert.deepEqual([anonymous.statusCode, anonymous.json().error.code, anonymous.json().error.field], [400, 'missing_field', 'author']);
    const extra = { element: 'byline-comment-count', data: 3, lang: 'th', future: 'ignored' };
    assertValid('render-request', extra, 'a render request with a property the server ignores');
    assert.equal((await ROUTES['render-request']!(extra)).statusCode, 200);
  });

  test('the render schema names exactly the elements the server renders', async () => {
    const { RENDERABLE } = await import('../../src/ssr.js');
    const schema = JSON.parse(readFileSync('schema/render-request.schema.json', 'utf8'));
    assert.deepEqual([...schema.properties.element.enum].sort(), [...RENDERABLE].sort());
  });
});

describe('the widgets\' checks and the schemas agree', () => {
  const cases: [name: string, check: Check<unknown>, schema: string, value: unknown][] = [
    ['article without id', checkArticle, 'article', { ...seedArticle(), id: undefined }],
    ['article without url', checkArticle, 'article', { ...seedArticle(), url: undefined }],
    ['article with a blank title', checkArticle, 'article', seedArticle({ title: '   ' })],
    ['negative image width', checkArticle, 'article', seedArticle({ image: { src: '/a.jpg', width: -1 } })],
    ['a date that does not parse', checkArticle, 'article', seedArticle({ publishedAt: 'yesterday' })],
    ['a category without a name', checkArticle, 'article', { ...seedArticle(), category: { url: '/news' } }],
    ['commentCount as a string', checkArticle, 'article', { ...seedArticle(), commentCount: '3' }],
    ['summary as a number', checkArticle, 'article', { ...seedArticle(), summary: 42 }],
    ['an unknown section kind', checkRelatedFeed, 'related-feed', { sections: [{ kind: 'tag', items: [] }] }],
    ['a section without items', checkRelatedFeed, 'related-feed', { sections: [{ kind: 'topic' }] }],
    ['photo without alt', checkPhoto, 'photo', { ...seedPhoto(), alt: undefined }],
    ['photo without src', checkPhoto, 'photo', { ...seedPhoto(), src: undefined }],
  ];
  for (const [name, check, schema, value] of cases) {
    test(`both refuse ${name}`, () => {
      assert.throws(() => check(value, 'data'), { name: 'ContractError' });
      assert.equal(validator(schema)(value), false, `schema/${schema}.schema.json accepts ${name}`);
    });
  }

  test('both accept the fixtures, and the checks keep every field (nothing dropped)', () => {
    for (const [check, value] of [[checkArticle, seedArticle()], [checkPhoto, seedPhoto()], [checkRelatedFeed, seedRelated()]] as const) {
      assert.deepEqual((check as Check<unknown>)(value, 'data'), value);
    }
  });

  test('null in an optional field is absent for both', () => {
    const value = { ...seedArticle(), summary: null, image: null, author: null };
    assert.doesNotThrow(() => checkArticle(value, 'article'));
    assertValid('article', value, 'an article with null optional fields');
  });

  test('a URL the widgets drop is one the schema refuses', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'JaVaScRiPt:x', 'vbscript:x']) {
      assert.equal(checkArticle(seedArticle({ url }), 'article').url, undefined, url);
      assert.equal(validator('article')(seedArticle({ url })), false, url);
    }
    for (const url of ['https://example.org/a', 'http://example.org/a', '/a/42', '?id=1', 'photos/1.jpg']) {
      assert.equal(checkArticle(seedArticle({ url }), 'article').url, url);
      assertValid('article', seedArticle({ url }), url);
    }
  });
});

test('the schemas carry the contract\'s limits', () => {
  const at = (name: string, path: string) =>
    path.split('.').reduce((node, key) => node[key], JSON.parse(readFileSync(`schema/${name}.schema.json`, 'utf8')));
  const limits: [schema: string, path: string, keyword: 'maxLength' | 'maxItems', limit: number][] = [
    ['article', 'properties.title', 'maxLength', 500],
    ['article', 'properties.summary', 'maxLength', 2000],
    ['article', 'properties.image.properties.alt', 'maxLength', 1000],
    ['article', 'properties.image.properties.caption', 'maxLength', 2000],
    ['article', 'properties.image.properties.credit', 'maxLength', 300],
    ['article', 'properties.category.properties.name', 'maxLength', 200],
    ['article', 'properties.author.properties.name', 'maxLength', 200],
    ['article', 'properties.source.properties.name', 'maxLength', 200],
    ['article', 'properties.id', 'maxLength', 256],
    ['article', 'properties.thread', 'maxLength', 256],
    ['article', 'properties.url', 'maxLength', 2048],
    ['article', 'properties.image.properties.src', 'maxLength', 2048],
    ['article', 'properties.image.properties.srcset', 'maxLength', 8192],
    ['related-feed', 'properties.sections', 'maxItems', 10],
    ['related-feed', '$defs.section.properties.items', 'maxItems', 100],
    ['related-feed', '$defs.section.properties.title', 'maxLength', 200],
    ['photo', 'properties.alt', 'maxLength', 1000],
    ['photo', 'properties.caption', 'maxLength', 2000],
    ['photo', 'properties.credit', 'maxLength', 300],
    ['photo', 'properties.src', 'maxLength', 2048],
    ['photo', 'properties.srcset', 'maxLength', 8192],
  ];
  for (const [schema, path, keyword, limit] of limits) assert.equal(at(schema, path)[keyword], limit, `${schema} ${path}`);
  // Names and bodies count after trimming, as the server does: the pattern states it, the server reads it.
  assert.equal(at('comment-post', 'properties.author.properties.name').pattern, trimmedLengthPattern(NAME_MAX));
  assert.equal(at('comment-post', 'properties.body').pattern, trimmedLengthPattern(BODY_MAX));
  assert.equal(at('comment-edit', 'properties.body').pattern, trimmedLengthPattern(BODY_MAX));
  assert.equal(NAME_MAX, 80);
  assert.equal(BODY_MAX, 2000);
  // maxLength counts code points, as the contract does: a 500-character Thai title with an emoji fits.
  assertValid('article', seedArticle({ title: '🙂'.repeat(500) }), '500 emoji');
  assert.equal(validator('article')(seedArticle({ title: 'ก'.repeat(501) })), false);
});

test('the package ships every schema file as byline-widgets/schema/…', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(pkg.files.includes('schema'), 'package.json "files" leaves schema/ out');
  for (const file of [...schemaFiles, 'openapi.json']) {
    assert.equal(import.meta.resolve(`byline-widgets/schema/${file}`), new URL(`../../schema/${file}`, import.meta.url).href, file);
  }
});
