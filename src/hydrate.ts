/**
 * The hydration entry, for pages whose Byline elements were rendered on the server (`byline-widgets/ssr`):
 * Lit's hydrate support first, then every element. An element with a server-rendered shadow root takes
 * over that DOM (its text nodes, its links) instead of rendering it again, so nothing moves or flashes;
 * one without renders as usual. Client-only pages keep using the plain entry, which does not carry the
 * hydrate support.
 *
 * The server-rendered elements already in the page are held before the elements are defined, and each
 * hydrates on its own when it nears the viewport or the reader reaches for it (src/core/hydration.ts), so
 * hydration never blocks the page in one long task.
 */
// Must run before Lit's LitElement module is evaluated: it patches LitElement as that module loads.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// Imports run in order: this holds the page's elements before index.js defines them.
import './core/hydration.js';
export * from './index.js';
