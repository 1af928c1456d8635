/**
 * Detectors shared by the security suites: a global canary that payloads call, listeners for errors,
 * rejections and CSP violations, a MutationObserver on every shadow root for active content, and a
 * scan of every URL-bearing attribute the widgets create.
 */

declare global {
  interface Window {
    bylineCanary?: (id?: string) => void;
  }
}

export interface Findings {
  /** Vector ids whose payload called the canary. */
  executions: string[];
  errors: string[];
  rejections: string[];
  violations: string[];
  /** <script>/<iframe>/<object>/<embed>/on* attributes that appeared inside a widget. */
  activeContent: string[];
}

export function watch(): { findings: Findings; stop: () => void; observe: (root: Node) => void } {
  const findings: Findings = { executions: [], errors: [], rejections: [], violations: [], activeContent: [] };
  window.bylineCanary = (id = '?') => void findings.executions.push(id);
  const onError = (event: ErrorEvent) => findings.errors.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => findings.rejections.push(String(event.reason));
  const onViolation = (event: SecurityPolicyViolationEvent) =>
    findings.violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName && /^on/i.test(record.attributeName))
        findings.activeContent.push(`${(record.target as Element).localName}[${record.attributeName}]`);
      record.addedNodes.forEach((node) => {
        if (node instanceof Element) findings.activeContent.push(...activeIn(node));
      });
    }
  });
  const observe = (root: Node) =>
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  return {
    findings,
    observe,
    stop: () => {
      observer.disconnect();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}

const ACTIVE = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link']);

/** Active elements and event-handler attributes in `root` and below (not crossing shadow roots). */
export function activeIn(root: Element | ShadowRoot): string[] {
  const found: string[] = [];
  const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  for (const el of elements) {
    if (ACTIVE.has(el.localName)) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
  }
  return found;
}

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping'];

/** Every element the widget made: its shadow tree (and nested shadow trees) plus its light DOM. */
export function allElements(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: Element | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  walk(host);
  return out;
}

/** URL attributes whose resolved scheme is not http(s), as the browser itself resolves them. */
export function disallowedUrls(host: Element): string[] {
  const bad: string[] = [];
  for (const el of allElements(host)) {
    for (const name of URL_ATTRIBUTES) {
      const value = name === 'xlink:href' ? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') : el.getAttribute(name);
      if (value === null) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        let protocol: string;
        try {
          protocol = new URL(url, document.baseURI).protocol;
        } catch {
          continue; // not a URL at all: the browser cannot fetch or run it either
        }
        if (protocol !== 'http:' && protocol !== 'https:') bad.push(`${el.localName}[${name}]=${url.slice(0, 80)}`);
      }
    }
  }
  return bad;
}

/** Lets the browser run anything a payload could have scheduled (image errors, autofocus, timers). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Prints a figures table to the test runner's output. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    [`\n${title}`, line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join('\n'),
  );
}
