// Before any timing: proof that the implementations compared build the same DOM. Each page is rendered
// once per implementation and its tree (shadow roots included) is compared, ignoring what does not
// change what a reader gets: comment nodes (Lit's markers), whitespace-only text, attribute order and
// generated ids. The report says "same DOM" only when the trees are equal.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './setup.mjs';

function describeTree() {
  const IGNORED = new Set(['id', 'for', 'aria-describedby']);
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.trim() ? JSON.stringify(node.data.trim()) : '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes]
      .filter((a) => !IGNORED.has(a.name))
      .map((a) => `${a.name}=${JSON.stringify(a.name === 'style' ? node.style.cssText : a.value)}`)
      .sort()
      .join(' ');
    const children = [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(walk).join('');
    return `<${node.localName}${attributes ? ` ${attributes}` : ''}>${children}</${node.localName}>`;
  };
  const hosts = [...document.querySelector('main').children];
  // The host element's own tag differs by design; everything inside must not.
  return hosts.map((host) => [...(host.shadowRoot?.childNodes ?? []), ...host.childNodes].map(walk).join('')).join('\n');
}

async function tree(browser, url) {
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return await page.evaluate(describeTree);
  } finally {
    await page.close();
  }
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return { baseline: a.slice(Math.max(0, i - 80), i + 120), other: b.slice(Math.max(0, i - 80), i + 120) };
}

/** Returns `[{ page, impl, same, nodes?, difference? }]`, each compared with the vanilla baseline. */
export async function parity({ origin }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    const checks = [
      { page: 'article cards', url: (impl) => `${origin}/bench/pages/render.html?impl=${impl}&n=12`, impls: ['lit', 'byline'] },
      { page: 'article cards, updated', url: (impl) => `${origin}/bench/pages/update.html?impl=${impl}&n=20`, impls: ['lit', 'byline'] },
      { page: 'comment box', url: (impl) => `${origin}/bench/pages/comment-box.html?impl=${impl}`, impls: ['byline'] },
    ];
    for (const check of checks) {
      let baseline;
      try {
        baseline = await tree(browser, check.url('vanilla'));
      } catch (error) {
        results.push({ page: check.page, impl: 'vanilla', same: false, error: error.message });
        continue;
      }
      for (const impl of check.impls) {
        try {
          const other = await tree(browser, check.url(impl));
          const same = other === baseline;
          results.push({ page: check.page, impl, same, difference: same ? undefined : firstDifference(baseline, other) });
        } catch (error) {
          results.push({ page: check.page, impl, same: false, error: error.message });
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
