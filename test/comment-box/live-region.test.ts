import { expect, fixture, html } from '@open-wc/testing';
import type { LiveHost } from './hosts.js';
import './hosts.js';

const region = (host: LiveHost, role: 'status' | 'alert') =>
  host.shadowRoot!.querySelector(`.visually-hidden[role="${role}"]`)!;

describe('comment box live regions', () => {
  it('shows a message and reads it out through the status region', async () => {
    const host = await fixture<LiveHost>(html`<test-live-host></test-live-host>`);
    host.live.say('Your comment was published.');
    expect(region(host, 'status').textContent).to.equal('Your comment was published.');
    expect(region(host, 'alert').textContent).to.equal('');
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.shown')!.textContent).to.equal('Your comment was published.');
    expect(host.live.message).to.deep.equal({ text: 'Your comment was published.', alert: false });
  });

  it('reads a failure through the alert region and empties the status region', async () => {
    const host = await fixture<LiveHost>(html`<test-live-host></test-live-host>`);
    host.live.say('first');
    host.live.say('Could not reach the comment server.', true);
    expect(region(host, 'alert').textContent).to.equal('Could not reach the comment server.');
    expect(region(host, 'status').textContent).to.equal('');
  });

  it('writes a new text node for the same words, so they are read out again', async () => {
    const host = await fixture<LiveHost>(html`<test-live-host></test-live-host>`);
    host.live.announce('3 characters left');
    const first = region(host, 'status').firstChild;
    host.live.announce('3 characters left');
    expect(region(host, 'status').textContent).to.equal('3 characters left');
    expect(region(host, 'status').firstChild).not.to.equal(first);
    expect(host.live.message).to.equal(undefined);
  });

  it('clears the shown message', async () => {
    const host = await fixture<LiveHost>(html`<test-live-host></test-live-host>`);
    host.live.say('Hello');
    host.live.clear();
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.shown')!.textContent).to.equal('');
  });
});
