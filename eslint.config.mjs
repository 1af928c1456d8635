import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['dist/', 'cdn/', 'node_modules/', 'coverage/', '.bench-results/', 'server/desk/build/', 'server/desk/dist/'] },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Data is text, never markup.' },
            // Lit's css also handles interpolations, which the bundle would then carry (0.14 KB gzip).
            { name: 'lit', importNames: ['css'], message: 'Tag style sheets with css from src/core/css.ts.' },
          ],
        },
      ],
    },
  },
);
