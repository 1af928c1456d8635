import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { referenceServerPlugin } from './test/reference-server-plugin.mjs';

// Debian's Chromium only: no test tool downloads a browser (see README "Browser tests").
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

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
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
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
