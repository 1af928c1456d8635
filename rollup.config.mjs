// Script-tag build: one minified ES module with Lit inside that registers every element
// (cdn/byline.min.js, named by package.json's unpkg/jsdelivr fields). Locale strings other than the
// inline English stay separate chunks beside it and load only when a page uses that language.
// Input is tsc's output in dist/, so TypeScript is compiled exactly once, by tsc.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const minify = terser({
  ecma: 2021,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
});

export default [
  {
    input: { 'byline.min': 'dist/index.js' },
    output: {
      dir: 'cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [nodeResolve(), minify],
  },
];
