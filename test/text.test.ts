import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { text } from '../src/core/text.js';

describe('text() directive', () => {
  const show = (host: HTMLElement, value: string | undefined) => render(html`<a ${text(value)}></a>`, host);

  it("is the element's only text, as text (markup shows as written), with no comment marker", () => {
    const host = document.createElement('div');
    show(host, '<b>TT&TT</b>');
    const a = host.querySelector('a')!;
    expect(a.textContent).to.equal('<b>TT&TT</b>');
    expect(a.childNodes).to.have.length(1);
    expect(a.firstChild).to.be.instanceOf(Text);
  });

  it('writes a new value into the same Text node, and undefined as empty', () => {
    const host = document.createElement('div');
    show(host, 'first');
    const node = host.querySelector('a')!.firstChild;
    show(host, 'second');
    expect(host.querySelector('a')!.firstChild).to.equal(node);
    expect(node!.textContent).to.equal('second');
    show(host, undefined);
    expect(host.querySelector('a')!.textContent).to.equal('');
  });
});
