import { expect } from '@open-wc/testing';
import { safeSrcset, safeUrl } from '../src/core/url.js';

describe('URL policy', () => {
  it('keeps http, https and relative URLs exactly', () => {
    for (const url of [
      'https://mic.gov.vn/bo-tttt-nang-cao-chat-luong-hieu-qua-cong-tac-cai-cach-hanh-chinh-197241227152010792.htm',
      'http://example.org/a?b=c&d=e#f',
      '/demo/images/photo-1.jpg',
      'photo.jpg',
      '../up/one.html',
      '//cdn.example.org/x.jpg',
      '?page=2',
      '#comments',
      'HTTPS://EXAMPLE.ORG/',
    ]) {
      expect(safeUrl(url), url).to.equal(url);
    }
  });

  it('drops script-capable and other non-web schemes, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'vbscript:msgbox(1)',
      'blob:https://example.org/uuid',
      'file:///etc/passwd',
      'mailto:a@b.c',
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
    }
  });

  it('treats non-strings and blanks as absent', () => {
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl('   ')).to.equal(undefined);
  });

  it('produces URLs the browser resolves to http(s) only', () => {
    // The browser is the final judge: whatever we keep must parse to an http(s) URL on this page.
    for (const url of ['&#106;avascript:alert(1)', 'javascript&colon;alert(1)', '\\\\evil.example/x', '/\\evil.example']) {
      const kept = safeUrl(url);
      if (kept !== undefined) expect(new URL(kept, location.href).protocol).to.match(/^https?:$/);
    }
  });

  it('keeps a srcset only when every candidate is allowed', () => {
    expect(safeSrcset('/a-600.jpg 600w, https://x.org/a-1200.jpg 1200w')).to.equal(
      '/a-600.jpg 600w, https://x.org/a-1200.jpg 1200w',
    );
    expect(safeSrcset('/a.jpg 1x, javascript:alert(1) 2x')).to.equal(undefined);
    expect(safeSrcset('data:image/png;base64,AAAA, /b.jpg 2x')).to.equal(undefined);
    expect(safeSrcset('')).to.equal(undefined);
  });
});
