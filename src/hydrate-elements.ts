/**
 * The elements' code on a server-rendered page: what the hydration entry (hydrate.ts) loads when the first
 * element needs it. Lit's hydrate support comes first: it patches LitElement as that module is evaluated,
 * and an element with a server-rendered shadow root then takes over that DOM (its text nodes, its links)
 * instead of rendering it again.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
export * from './index.js';
// For src/core/hydration.ts, which loads a held element's strings before it hydrates.
export { loadStrings, resolveLanguage, supportedLanguage } from './core/i18n.js';
