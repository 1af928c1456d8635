// The partner page's own script (a file, so `script-src 'self'` allows it). Query parameters:
//   lit=1      load and use the page's own copy of Lit first (it creates the 'lit-html' Trusted Types policy)
//   builds=a,b Byline builds to load in order (URLs on this origin), default /cdn/byline.min.js; the
//              widgets are mounted right after the first, so later copies arrive while they are live
// It records CSP violations, errors and warnings from the very start, then mounts all five widgets.
const report = { violations: [], errors: [], warnings: [], loadErrors: [] };
window.__hostReport = report;
document.addEventListener('securitypolicyviolation', (event) =>
  report.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample ?? ''}`.trim()),
);
window.addEventListener('error', (event) => report.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => report.errors.push(String(event.reason)));
const warn = console.warn;
console.warn = (...args) => {
  report.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};

const params = new URLSearchParams(location.search);

async function main() {
  const { api } = await import('/__byline-e2e.js');
  if (params.get('lit') === '1') {
    const { html, render } = await import('lit');
    render(html`<p id="own-lit">${'Rendered by the page’s own Lit'}</p>`, document.body);
  }
  const [first, ...later] = (params.get('builds') ?? '/cdn/byline.min.js').split(',');
  await load(first);
  // The widgets are on the page (and upgraded) before any second copy of Byline arrives.
  mount(api);
  for (const url of later) await load(url);
}

async function load(url) {
  try {
    await import(url);
  } catch (error) {
    report.loadErrors.push(`${url}: ${error}`);
  }
}

function mount(api) {
  const main = document.getElementById('widgets');
  const card = document.createElement('byline-article-card');
  card.article = {
    id: 'csp-card',
    url: '/csp-card',
    title: 'Bộ TT&TT nâng cao chất lượng',
    image: { src: '/test/assets/photo.png', width: 4, height: 3, alt: 'A photo' },
    category: { name: 'News', url: '/news' },
    publishedAt: '2024-12-27T15:20:10+07:00',
    commentCount: 2,
  };
  const photo = document.createElement('byline-photo-caption');
  photo.photo = { src: '/test/assets/photo.png', width: 4, height: 3, alt: 'A photo', caption: 'Caption', credit: 'Byline' };
  const related = document.createElement('byline-related-topics');
  related.sections = [
    { kind: 'topic', title: 'Topic', items: [{ id: 'r1', url: '/r1', title: 'First related' }] },
    { kind: 'author', items: [{ id: 'r2', url: '/r2', title: 'Second related' }] },
  ];
  related.setAttribute('layout', 'tabs');
  const thread = `csp-${params.get('policy')}-${Date.now().toString(36)}`;
  const count = document.createElement('byline-comment-count');
  count.setAttribute('api', api);
  count.setAttribute('thread', thread);
  count.setAttribute('loading', 'eager');
  const box = document.createElement('byline-comment-box');
  box.setAttribute('api', api);
  box.setAttribute('thread', thread);
  box.setAttribute('loading', 'eager');
  main.append(card, photo, related, count, box);
}

window.__hostReady = main();
