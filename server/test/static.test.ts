import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { makeApp } from './helpers.js';

function file(root: string, path: string, content: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe('static files', () => {
  test('/ redirects to /demo/, which serves demo/index.html with nosniff', async () => {
    const { app, dir } = await makeApp();
    file(dir, 'demo/index.html', '<!doctype html><title>Byline demo</title>');
    const root = await app.inject({ url: '/' });
    assert.equal(root.statusCode, 302);
    assert.equal(root.headers.location, '/demo/');
    const page = await app.inject({ url: '/demo/' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.ok(page.body.includes('Byline demo'));
  });

  test('folders created after start are served; cdn, dist and the Lit packages are shareable cross-origin', async () => {
    const { app, dir } = await makeApp(); // nothing exists yet in this root
    assert.equal((await app.inject({ url: '/cdn/byline.min.js' })).statusCode, 404);
    file(dir, 'cdn/byline.min.js', 'export {};');
    file(dir, 'dist/index.js', 'export {};');
    file(dir, 'node_modules/lit/index.js', 'export {};');
    file(dir, 'node_modules/lit-html/lit-html.js', 'export {};');
    file(dir, 'node_modules/lit-element/lit-element.js', 'export {};');
    file(dir, 'node_modules/@lit/reactive-element/reactive-element.js', 'export {};');
    for (const url of ['/cdn/byline.min.js', '/dist/index.js', '/node_modules/lit/index.js', '/node_modules/lit-html/lit-html.js', '/node_modules/lit-element/lit-element.js', '/node_modules/@lit/reactive-element/reactive-element.js']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /javascript/, url);
      assert.equal(res.headers['access-control-allow-origin'], '*', url);
    }
  });

  test('scripts are served compressed to clients that accept it, as a CDN would', async () => {
    const { app, dir } = await makeApp();
    const script = `export const strings = ${JSON.stringify('กระทรวงสารสนเทศและการสื่อสาร '.repeat(200))};\n`;
    file(dir, 'cdn/byline.min.js', script);
    const gzipped = await app.inject({ url: '/cdn/byline.min.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.statusCode, 200);
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.match(String(gzipped.headers.vary), /accept-encoding/i);
    assert.ok(gzipped.rawPayload.length < Buffer.byteLength(script) / 10, `${gzipped.rawPayload.length} bytes`);
    assert.equal(gunzipSync(gzipped.rawPayload).toString(), script);
    const plain = await app.inject({ url: '/cdn/byline.min.js' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  test('nothing outside the mounted folders is served', async () => {
    const { app, dir } = await makeApp();
    file(dir, 'package.json', '{"secret":true}');
    file(dir, 'node_modules/other/index.js', 'secret');
    file(dir, 'demo/.env', 'SECRET=1');
    file(dir, 'demo/index.html', 'ok');
    for (const url of ['/package.json', '/demo/../package.json', '/demo/%2e%2e/package.json', '/node_modules/other/index.js', '/demo/.env', '/byline.sqlite']) {
      const res = await app.inject({ url });
      assert.ok(res.statusCode === 404 || res.statusCode === 403 || res.statusCode === 400, `${url}: ${res.statusCode}`);
      assert.ok(!res.body.includes('secret') && !res.body.includes('SECRET'), url);
    }
  });
});
