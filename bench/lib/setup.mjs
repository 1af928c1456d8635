// Everything the benchmarks need from the machine, checked (and installed when missing) before a run.
// Nothing here downloads a browser or a driver: Debian's Chromium and chromedriver only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { CHROMIUM } from '../../scripts/chromium.mjs';
export const CHROMEDRIVER = '/usr/bin/chromedriver';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function aptInstall(pkg) {
  console.log(`bench: installing ${pkg} from apt`);
  const [command, ...pre] = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(command, [...pre, 'update', '-qq'], { env });
  run(command, [...pre, 'install', '-y', '-qq', pkg], { env });
}

/**
 * Tachometer imports the `chromedriver` npm package (it only puts the driver on PATH). It is not a
 * dependency of this project: its install script would download a driver. We install it on demand,
 * without saving it and with scripts off (npm 11 refuses --allow-scripts in a project), then run its
 * own installer with CHROMEDRIVER_FILEPATH, which copies Debian's driver instead of downloading one.
 */
export function ensureChromedriver(root) {
  if (!existsSync(CHROMIUM)) aptInstall('chromium');
  if (!existsSync(CHROMEDRIVER)) aptInstall('chromium-driver');
  const pkg = join(root, 'node_modules', 'chromedriver');
  const binary = join(pkg, 'lib', 'chromedriver', 'chromedriver');
  const env = { ...process.env, CHROMEDRIVER_FILEPATH: CHROMEDRIVER };
  if (!existsSync(join(pkg, 'package.json'))) {
    console.log('bench: installing the chromedriver npm package (no save, no scripts) for tachometer');
    run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', 'chromedriver'], { cwd: root, env });
  }
  if (!existsSync(binary)) run(process.execPath, ['install.js'], { cwd: pkg, env });
  if (!existsSync(binary)) throw new Error(`no chromedriver at ${binary}`);
  const browser = version(CHROMIUM).match(/\d+/)?.[0];
  const driver = version(binary).match(/\d+/)?.[0];
  if (browser !== driver) throw new Error(`chromedriver ${driver} does not match Chromium ${browser}`);
}

function version(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function ensureBuilt(root) {
  for (const file of ['cdn/byline.min.js', 'cdn/loader.js', 'dist/index.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does).`);
  }
}

/** The machine, for the report. */
export function machine() {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? model;
  } catch {
    // not Linux
  }
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    browser: version(CHROMIUM),
    node: process.version,
    os: (() => {
      try {
        return readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.+)"/)?.[1] ?? process.platform;
      } catch {
        return process.platform;
      }
    })(),
  };
}

/** `uptime`'s load averages (1, 5, 15 minutes) and the number of cores, for the report. */
export function load() {
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(2));
  return `${one}, ${five}, ${fifteen}`;
}
