/**
 * Guarded custom-element registration.
 *
 * A partner page may load the script-tag bundle twice, or the npm build next to the bundle. Defining a
 * tag twice throws in every browser, which would break the host page, so the second definition is a
 * no-op with one console warning per tag.
 */
// Kept on globalThis so that every copy of Byline on the page shares it: one warning per tag in total.
const WARNED = Symbol.for('byline.define.warned');
const warned: Set<string> = ((globalThis as { [WARNED]?: Set<string> })[WARNED] ??= new Set());

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  if (registry.get(tag)) {
    if (registry.get(tag) !== ctor && !warned.has(tag)) {
      warned.add(tag);
      console.warn(`[byline] <${tag}> is already defined (Byline loaded twice?); keeping the first definition.`);
    }
    return;
  }
  registry.define(tag, ctor);
}
