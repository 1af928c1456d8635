import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { readDraft } from '../../src/comment-box/drafts.js';
import en from '../../src/locales/en.js';
import { API, clearDrafts, comment, THREAD } from '../comment-box-helpers.js';
import { FormHost, type } from './hosts.js';

const field = (host: HTMLElement, name: string) => host.querySelector<HTMLInputElement>(`form [name="${name}"]`)!;
const mount = () => fixture<FormHost>(html`<test-form-host api=${API} thread=${THREAD}></test-form-host>`);

describe('comment box form', () => {
  beforeEach(() => clearDrafts());
  afterEach(() => clearDrafts());

  it('touches no document in its constructor and puts its form in the light DOM on connect', async () => {
    const createElement = document.createElement;
    const made: string[] = [];
    document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
      made.push(tag);
      return createElement.call(this, tag, options);
    } as typeof document.createElement;
    let host: FormHost;
    try {
      host = new FormHost();
    } finally {
      document.createElement = createElement;
    }
    expect(made).to.deep.equal([]);
    expect(host.querySelector('form')).to.equal(null);
    document.body.append(host);
    await host.updateComplete;
    const form = host.querySelector(':scope > form.byline-comment-form')!;
    expect(form.slot).to.equal('form');
    expect(form.querySelector('[name="name"]')!.getAttribute('autocomplete')).to.equal('name');
    host.remove();
    document.body.append(host);
    expect(host.querySelectorAll('form')).to.have.length(1);
    host.remove();
  });

  it('adopts the form stylesheet once per document', async () => {
    const before = document.adoptedStyleSheets.length;
    await mount();
    const once = document.adoptedStyleSheets.length;
    await mount();
    expect(document.adoptedStyleSheets.length).to.equal(once);
    expect(once - before).to.be.at.most(1);
    expect(getComputedStyle(document.querySelector('test-form-host form textarea')!).boxSizing).to.equal('border-box');
  });

  it('saves what the reader types as the draft of the thread or the reply target', async () => {
    const host = await mount();
    type(host, 'name', 'Ann');
    type(host, 'body', 'top-level text');
    await host.updateComplete;
    expect(readDraft(host.form.draftId())).to.include({ name: 'Ann', body: 'top-level text' });
    const parent = comment();
    host.form.openReply(parent);
    await host.updateComplete;
    expect(field(host, 'name').value).to.equal('Ann');
    expect(field(host, 'body').value).to.equal('');
    type(host, 'body', 'a reply');
    expect(readDraft(host.form.draftId(parent))?.body).to.equal('a reply');
    host.form.retarget();
    await host.updateComplete;
    expect(field(host, 'body').value).to.equal('top-level text');
  });

  it('marks empty and too long fields, focusing the first', async () => {
    const host = await mount();
    expect(host.form.validate()).to.equal(false);
    await host.updateComplete;
    expect(host.form.errors).to.deep.equal({ name: en.nameRequired, body: en.bodyRequired });
    expect(field(host, 'name').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => document.activeElement === field(host, 'name'), 'the name field is focused');
    type(host, 'name', 'Ann');
    type(host, 'body', 'x'.repeat(21));
    expect(host.form.validate()).to.equal(false);
    expect(host.form.errors).to.deep.equal({ body: '1 character too many' });
    type(host, 'body', '😀'.repeat(20));
    expect(host.form.validate(), 'counts code points, not UTF-16 units').to.equal(true);
  });

  it('announces the characters left once the reader pauses near the limit, not on every keystroke', async () => {
    const host = await mount();
    const timers: { run: () => void; delay?: number }[] = [];
    const setTimeoutOriginal = window.setTimeout;
    const typeWithClock = (value: string) => {
      window.setTimeout = ((run: () => void, delay?: number) => timers.push({ run, delay })) as typeof setTimeout;
      try {
        type(host, 'body', value);
      } finally {
        window.setTimeout = setTimeoutOriginal;
      }
    };
    typeWithClock('x');
    expect(timers, 'far from the limit').to.have.length(0);
    typeWithClock('x'.repeat(19));
    await host.updateComplete;
    const status = host.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    expect(timers.map((timer) => timer.delay)).to.deep.equal([1000]);
    timers[0]!.run();
    expect(status.textContent).to.equal('1 character left');
    expect(host.querySelector('.byline-comment-form__counter')!.textContent).to.equal('1 character left');
  });
});
