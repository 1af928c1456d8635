import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { referenceServerPlugin } from './test/reference-server-plugin.mjs';

export default {
  // test/node/ holds node:test files (run by `npm run test:node`), not browser tests.
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' }), referenceServerPlugin()],
  browsers: [
    chromeLauncher({
      // Each test page in its own browser context (its own window): a background tab gets no animation
      // frames, which stalls fixture() and container-query layout in parallel runs.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: CHROMIUM,
        args: [
          ...CHROMIUM_ARGS,
          // Test pages run as parallel tabs; background tabs must keep their timers, frames and observers.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
};
