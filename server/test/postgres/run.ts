/**
 * `npm run test:server:postgres`: the whole server suite against PostgreSQL. Starts one throwaway
 * cluster, runs every server test file with BYLINE_TEST_STORE=postgres (each app gets its own schema),
 * and removes the cluster afterwards, also when a test fails or the run is interrupted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from './cluster.js';

const testDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(testDir).filter((f) => f.endsWith('.test.ts')).map((f) => join(testDir, f));

const cluster = await startCluster();
let code = 1;
const stop = () => cluster.stop();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { stop(); process.exit(130); });
try {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, BYLINE_TEST_STORE: 'postgres', BYLINE_TEST_DATABASE_URL: cluster.url },
  });
  [code] = (await once(child, 'exit')) as [number];
} finally {
  stop();
}
process.exit(code);
