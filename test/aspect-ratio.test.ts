import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { aspectRatio } from '../src/core/aspect-ratio.js';

describe('aspectRatio() directive', () => {
  it('gives the box the data’s shape, and none without both sizes', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 300px"></div>`);
    const show = (width?: number, height?: number) => render(html`<div class="box" ${aspectRatio(width, height)}></div>`, host);
    const box = () => host.querySelector<HTMLElement>('.box')!;
    show(1200, 800);
    expect(getComputedStyle(box()).aspectRatio).to.equal('1200 / 800');
    expect(box().getBoundingClientRect().height).to.equal(200);
    show(1200, undefined);
    expect(getComputedStyle(box()).aspectRatio).to.equal('auto');
    show(4, 3);
    expect(box().getBoundingClientRect().height).to.equal(225);
  });
});
