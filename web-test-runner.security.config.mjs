// `npm run test:security`: the security suites (test/security/), plus the hostile-host-page specs that
// need real HTTP headers. Pages under /test/security/pages/ are served with the Content-Security-Policy
// header named by their `?policy=` query (a fixed table, so a test cannot invent a policy by URL).
import base from './web-test-runner.config.mjs';

const STRICT = "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
export const POLICIES = {
  strict: STRICT,
  tt: `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html`,
  'tt-duplicates': `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'`,
};

export default {
  ...base,
  files: ['test/security/**/*.test.ts', 'test/security/**/*.spec.ts', 'test/bundle.test.ts'],
  // The corpus and malformed-data suites take about two minutes on a busy machine: more than the default 120 s.
  testsFinishTimeout: 300_000,
  middleware: [
    async (context, next) => {
      await next();
      if (!context.path.startsWith('/test/security/pages/') || !context.path.endsWith('.html')) return;
      const policy = POLICIES[context.query.policy];
      if (policy) context.set('Content-Security-Policy', policy);
    },
  ],
};
