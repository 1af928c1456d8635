/**
 * The hydration entry, for pages whose Byline elements were rendered on the server (`byline-widgets/ssr`).
 * It is small and has no Lit in it: it holds the server-rendered elements in the page, which are complete
 * and readable as they are, and loads the elements' code (hydrate-elements.ts: Lit, its hydrate support,
 * the five elements) only when one needs it: the reader reaches for it, it nears the viewport while the
 * server could not finish it, or the page changes it (src/core/hydration.ts). So nothing long runs at load.
 *
 * A page that scripts the elements calls `defineElements()`, which loads and defines them now and resolves
 * to the module (every class, as `byline-widgets` exports them). Client-only pages keep using the plain
 * entry, which does not carry the hydrate support.
 */
import { defineElements, holdPage } from './core/hydration.js';

export { defineElements };
export type * from './index.js';

holdPage();
