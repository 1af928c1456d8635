// Browser fault tests (`npm run test:faults`): the widgets against a real fault-injecting server on
// 127.0.0.1. Their own config, so the normal browser suite stays fast; same browser setup otherwise.
import base from '../../web-test-runner.config.mjs';
import { faultServerPlugin } from './fault-server-plugin.mjs';

export default {
  ...base,
  files: ['test/faults/**/*.faults.ts'],
  plugins: [...base.plugins, faultServerPlugin()],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
};
