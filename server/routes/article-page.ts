/**
 * `/demo/server-rendered/`: the demo article page (demo/index.html) with its Byline elements rendered on
 * the server. The page's own text, photos and layout come from demo/index.html itself, so both pages show
 * the same article; the elements are swapped for their server-rendered HTML, the render-blocking bundle
 * for the hydration entry, and the switches become a GET form (they work without JavaScript).
 */
import { readFileSync } from 'node:fs';
import type { Article, RelatedFeed, WireCommentPage } from '../../src/core/wire-types.js';
import type { SsrModule } from './render.js';

export interface PageSettings {
  lang: string;
  theme: 'auto' | 'light' | 'dark';
  digits?: 'native' | 'latin';
}

const DEMO_PAGE = new URL('../../demo/index.html', import.meta.url);

interface LightPhoto {
  id: string;
  number: number;
  src: string;
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
  caption?: string;
  sizes?: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** demo/index.html's relative image URLs, as seen from /demo/server-rendered/. */
const fromDemo = (url: string) => (/^(\/|https?:)/.test(url) ? url : `/demo/${url}`);

/** The photo captions of demo/index.html: `<byline-photo-caption id number><img …/><span>caption</span>`. */
function photosOf(page: string): { block: string; photo: LightPhoto }[] {
  const blocks = [...page.matchAll(/<byline-photo-caption\b[^>]*>[\s\S]*?<\/byline-photo-caption>/g)].map(([block]) => block);
  return blocks.map((block) => {
    const host = /<byline-photo-caption\b[^>]*>/.exec(block)![0];
    const img = /<img\b[^>]*>/.exec(block)?.[0];
    const caption = /<span>([\s\S]*?)<\/span>/.exec(block)?.[1];
    if (!img) throw new Error('demo/index.html: a photo caption without an <img>');
    const size = (name: string) => (attr(img, name) ? Number(attr(img, name)) : undefined);
    return {
      block,
      photo: {
        id: attr(host, 'id') ?? '',
        number: Number(attr(host, 'number')),
        src: fromDemo(decode(attr(img, 'src') ?? '')),
        srcset: attr(img, 'srcset') && decode(attr(img, 'srcset')!).split(',').map((entry) => fromDemo(entry.trim())).join(', '),
        width: size('width'),
        height: size('height'),
        alt: decode(attr(img, 'alt') ?? ''),
        sizes: attr(img, 'sizes'),
        caption: caption && decode(caption.trim()),
      },
    };
  });
}

/** Replaces exactly one match, so a change to demo/index.html that breaks this page fails loudly (and in tests). */
function replaceOnce(page: string, pattern: RegExp, replacement: string): string {
  const matches = page.match(new RegExp(pattern.source, 'g')) ?? [];
  if (matches.length !== 1) throw new Error(`demo/index.html: expected one match of ${pattern}, found ${matches.length}`);
  return page.replace(pattern, () => replacement);
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function articlePage(
  ssr: SsrModule,
  { article, related, comments, settings }: { article: Article; related: RelatedFeed; comments: WireCommentPage; settings: PageSettings },
): Promise<string> {
  const { lang, theme, digits } = settings;
  const common = { lang, theme, digits };
  let page = readFileSync(DEMO_PAGE, 'utf8');

  const card = await ssr.renderToString('byline-article-card', article, {
    ...common,
    timeZone: 'Asia/Bangkok',
    attributes: { id: 'card', layout: 'hero', 'heading-level': 1 },
  });
  page = replaceOnce(page, /<byline-article-card\b[\s\S]*?<\/byline-article-card>/, card);

  for (const { block, photo } of photosOf(page)) {
    const { id, sizes, ...data } = photo;
    const html = await ssr.renderToString('byline-photo-caption', data, { ...common, attributes: { id, sizes } });
    page = page.replace(block, () => html);
  }

  const relatedHtml = await ssr.renderToString('byline-related-topics', related, { ...common, attributes: { id: 'related' } });
  page = replaceOnce(page, /<byline-related-topics\b[\s\S]*?<\/byline-related-topics>/, relatedHtml);

  // The first page of comments, read-only until the browser hydrates the box and adds the post form.
  const box = /<byline-comment-box\b[^>]*>/.exec(page)?.[0] ?? '';
  const commentsHtml = await ssr.renderToString('byline-comment-box', comments, {
    ...common,
    timeZone: 'Asia/Bangkok',
    attributes: { id: attr(box, 'id'), api: attr(box, 'api'), thread: comments.thread },
  });
  page = replaceOnce(page, /<byline-comment-box\b[\s\S]*?<\/byline-comment-box>/, commentsHtml);

  page = replaceOnce(page, /<html lang="th">/, `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}" data-theme="${theme}">`);
  page = replaceOnce(page, /<title>[^<]*<\/title>/, `<title>Byline demo, server-rendered — ${escapeAttribute(article.title)}</title>`);
  page = replaceOnce(page, /href="demo\.css"/, 'href="/demo/demo.css"');
  // No render-blocking script: the content is in the HTML. The hydration entry makes it interactive.
  page = replaceOnce(
    page,
    /<!-- The partner embed:[\s\S]*?<script type="module" src="demo\.js"><\/script>/,
    `<!-- Rendered on the server (byline-widgets/ssr): readable before any script runs. The hydration entry
         takes over the server's DOM without rendering it again. -->
    <script type="module" src="/cdn/byline.hydrate.min.js"></script>
    <script type="module" src="/demo/server-rendered/switches.js"></script>`,
  );
  // The switches reload the page with new settings: a GET form, which works without JavaScript too.
  page = replaceOnce(page, /<form class="switches" aria-label="Demo settings">/, '<form class="switches" aria-label="Demo settings" method="get" action="/demo/server-rendered/">');
  page = replaceOnce(page, /<select id="lang">/, '<select id="lang" name="lang">');
  page = replaceOnce(page, /<select id="theme">/, '<select id="theme" name="theme">');
  page = page.replace(/<option value="([\w-]+)"([^>]*)>/g, (_whole, value: string, rest: string) => {
    const selected = value === lang || value === theme;
    return `<option value="${value}"${rest.replace(/\s+selected\b/, '')}${selected ? ' selected' : ''}>`;
  });
  page = replaceOnce(
    page,
    /<label><input type="checkbox" id="digits" \/> native digits<\/label>/,
    `<label><input type="checkbox" id="digits" name="digits" value="native"${digits === 'native' ? ' checked' : ''} /> native digits</label>
        <noscript><button type="submit">Apply</button></noscript>`,
  );
  page = replaceOnce(page, /<a class="brand" href="\/demo\/">/, '<a class="brand" href="/demo/server-rendered/">');
  page = page.replace(/href="(partner|cms|listing|signed-in)\.html"/g, 'href="/demo/$1.html"');
  page = replaceOnce(page, /Other pages:/, 'Other pages: <a href="/demo/">client-rendered</a> ·');
  return page;
}
