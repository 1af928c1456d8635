// The two comment boxes the comment-box benchmark compares, with the same DOM and styles:
// - byline:  <byline-comment-box> from the script-tag bundle (cdn/byline.min.js);
// - vanilla: one custom element with a shadow root (same adopted styles), list items cloned from
//            <template>s, the same light-DOM post form: the floor for this DOM. No data checks, no
//            drafts, no posting: it only renders what the benchmark measures.
const STYLES = '/dist/comment-box/comment-box.styles.js';

async function defineVanilla() {
  const [{ baseStyles }, { commentBoxStyles, commentFormStyles }] = await Promise.all([
    import('/dist/core/styles.js'),
    import(STYLES),
  ]);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${baseStyles.cssText}\n${commentBoxStyles.cssText}`);
  const formSheet = new CSSStyleSheet();
  formSheet.replaceSync(commentFormStyles.cssText);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, formSheet];

  const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const STEPS = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.345], ['month', 12], ['year', Infinity]];
  const relative = (value) => {
    let delta = (Date.parse(value) - Date.now()) / 1000;
    if (Math.abs(delta) < 60) return 'just now';
    for (const [unit, size] of STEPS) {
      if (Math.abs(delta) < size) return relativeFormat.format(Math.round(delta), unit);
      delta /= size;
    }
  };
  const template = (html) => Object.assign(document.createElement('template'), { innerHTML: html });
  const box = template(
    '<section class="box" part="box" aria-labelledby="heading" dir="ltr" lang="en"><div class="head">' +
      '<div id="heading" class="heading" part="heading" role="heading" aria-level="2">Comments</div>' +
      '<label class="sort" part="sort">Sort comments <select><option value="newest" selected>Newest first</option>' +
      '<option value="oldest">Oldest first</option></select></label></div><slot name="form"></slot> ' +
      '<ul part="list"></ul> <button class="button more" part="more">Load more comments</button>' +
      '<div class="visually-hidden" role="status"></div><div class="visually-hidden" role="alert"></div></section>',
  );
  const article =
    '<article class="comment" part="comment" tabindex="-1"><p class="meta"><span class="author" part="author" dir="auto"></span> ' +
    '<time part="time"></time></p><p class="text" part="text" dir="auto"></p></article>';
  const item = template(
    `<li>${article} <button class="reply" part="reply" aria-expanded="false">Reply</button> ` +
      '<ul class="replies" part="replies"></ul> </li>',
  );
  const reply = template(`<li>${article}</li>`);
  let forms = 0;
  const form = () => {
    const id = `vanilla-comment-${++forms}`;
    return template(
      `<form class="byline-comment-form" slot="form" novalidate lang="en" dir="ltr"><div><label for="${id}-name">Name</label> ` +
        `<input name="name" autocomplete="name" required id="${id}-name" aria-invalid="false"> </div><div>` +
        `<label for="${id}-body">Comment</label> <textarea name="body" rows="4" required id="${id}-body" ` +
        `aria-invalid="false" aria-describedby="${id}-count"></textarea> <p class="byline-comment-form__counter" ` +
        `id="${id}-count">2,000 characters left</p></div><div class="byline-comment-form__trap" aria-hidden="true" inert>` +
        `<label for="${id}-website">Leave this field empty</label> <input name="website" tabindex="-1" autocomplete="off" ` +
        `id="${id}-website"></div><div class="byline-comment-form__actions"><button type="submit" aria-disabled="false">` +
        'Post comment</button> </div></form>',
    ).content;
  };
  const fill = (root, comment) => {
    const node = root.querySelector('article');
    node.dataset.id = comment.id;
    node.querySelector('.author').textContent = comment.author.name;
    const time = node.querySelector('time');
    time.dateTime = comment.createdAt;
    time.title = dateTime.format(new Date(comment.createdAt));
    time.textContent = relative(comment.createdAt);
    node.querySelector('.text').textContent = comment.body;
  };

  class VanillaComments extends HTMLElement {
    #cursor;
    #parts;
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
    }
    connectedCallback() {
      const root = box.content.cloneNode(true);
      const [list] = root.querySelectorAll('ul');
      this.#parts = { heading: root.querySelector('.heading'), list, more: root.querySelector('.more') };
      this.#parts.more.hidden = true;
      this.#parts.more.addEventListener('click', () => this.#load(true));
      this.shadowRoot.append(root);
      this.append(form());
      this.#load(false);
    }
    async #load(more) {
      const api = this.getAttribute('api');
      const thread = this.getAttribute('thread');
      const query = `limit=100&sort=newest${more ? `&cursor=${this.#cursor}` : ''}`;
      const page = await (await fetch(`${api}/threads/${thread}/comments?${query}`)).json();
      const replies = new Map();
      for (const c of page.items) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
      const fragment = document.createDocumentFragment();
      for (const c of page.items) {
        if (c.parentId) continue;
        const li = item.content.cloneNode(true);
        fill(li, c);
        const button = li.querySelector('.reply');
        button.dataset.reply = c.id;
        button.setAttribute('aria-label', `Reply to ${c.author.name}`);
        const sub = li.querySelector('.replies');
        sub.setAttribute('aria-label', `Replies to ${c.author.name}`);
        for (const r of replies.get(c.id) ?? []) {
          const node = reply.content.cloneNode(true);
          fill(node, r);
          sub.append(node);
        }
        fragment.append(li);
      }
      const first = fragment.firstElementChild?.querySelector('article');
      this.#parts.list.append(fragment);
      this.#parts.heading.textContent = `Comments (${page.total})`;
      this.#cursor = page.nextCursor;
      if (page.nextCursor) this.#parts.more.hidden = false;
      else this.#parts.more.remove();
      if (more) first?.focus();
      this.dispatchEvent(new CustomEvent('byline-load', { detail: { value: page } }));
    }
  }
  customElements.define('vanilla-comment-box', VanillaComments);
  return 'vanilla-comment-box';
}

async function defineByline() {
  await import('/cdn/byline.min.js');
  if (!customElements.get('byline-comment-box')) throw new Error('cdn/byline.min.js has no <byline-comment-box> yet');
  return 'byline-comment-box';
}

const IMPLS = { vanilla: defineVanilla, byline: defineByline };

export async function commentBox(impl) {
  const define = IMPLS[impl];
  if (!define) throw new Error(`unknown impl "${impl}"; use ${Object.keys(IMPLS).join(', ')}`);
  const tag = await define();
  const rendered = (el) => (impl === 'vanilla' ? undefined : el.updateComplete);
  return {
    tag,
    create() {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries({ api: '/fake-api', thread: 'bench', loading: 'eager', 'page-size': '100' })) {
        el.setAttribute(name, value);
      }
      return el;
    },
    /** Resolves once `el` has rendered the page that `byline-load` announced. */
    loaded: (el) => new Promise((resolve) => el.addEventListener('byline-load', resolve, { once: true })).then(() => rendered(el)),
    rendered,
    more: (el) => el.shadowRoot.querySelector('[part~="more"]').click(),
  };
}
