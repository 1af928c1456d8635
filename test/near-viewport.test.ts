import { expect, fixture, html } from '@open-wc/testing';
import { whenNearViewport } from '../src/core/near-viewport.js';

/** Two frames: the observer has delivered its first entries by then. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('whenNearViewport', () => {
  it('waits for an element far below the fold until it comes within 600 px, then resolves', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="height: 6000px; position: relative">
      <div class="far" style="position: absolute; top: 5000px; height: 10px"></div>
    </div>`);
    const far = page.querySelector('.far')!;
    let near = false;
    const waiting = whenNearViewport(far).then(() => (near = true));
    await frames();
    expect(near, 'far below the fold').to.equal(false);
    window.scrollTo(0, 5000 - window.innerHeight - 590); // 590 px below the viewport's bottom edge
    await waiting;
    expect(near).to.equal(true);
    window.scrollTo(0, 0);
  });

  it('resolves at once for an element on screen', async () => {
    const el = await fixture<HTMLDivElement>(html`<div style="height: 10px"></div>`);
    await whenNearViewport(el);
  });

  it('rejects with an AbortError when cancelled', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="height: 6000px"><div class="far" style="margin-top: 5000px"></div></div>`);
    const controller = new AbortController();
    const waiting = whenNearViewport(page.querySelector('.far')!, controller.signal).catch((error: DOMException) => error.name);
    controller.abort();
    expect(await waiting).to.equal('AbortError');
  });
});
