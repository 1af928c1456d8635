// Eleventy with Byline rendered on the server: one shortcode, `{% byline tag, data, lang %}`, that calls
// renderToString from byline-widgets/ssr. The page then loads the hydration entry instead of the plain
// bundle. Build (after npm run build): npx @11ty/eleventy --config=demo/eleventy/eleventy.config.mjs
// --input=demo/eleventy --output=/tmp/byline-eleventy (test/node/eleventy.test.ts builds it).
import { renderToString } from 'byline-widgets/ssr';

export default function (eleventyConfig) {
  eleventyConfig.addShortcode('byline', (tag, data, lang, attributes) =>
    renderToString(tag, data, { lang, timeZone: 'Asia/Bangkok', attributes }),
  );
}
