/**
 * A throwaway PostgreSQL cluster for tests and the load test: initdb into a temp folder, postgres on a
 * free 127.0.0.1 port with its socket in that folder, removed again by stop(). As root it runs as the
 * `postgres` user (PostgreSQL refuses to run as root). Binaries: $BYLINE_PG_BINDIR, `pg_config
 * --bindir`, or Debian's /usr/lib/postgresql/<version>/bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** Superuser URL of the `postgres` database (trust auth, loopback only). */
  url: string;
  /** A URL for `database` on this cluster. */
  urlFor(database: string): string;
  stop(): void;
}

export function postgresBinDir(): string {
  if (process.env.BYLINE_PG_BINDIR) return process.env.BYLINE_PG_BINDIR;
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('PostgreSQL binaries not found: apt-get install -y postgresql, or set BYLINE_PG_BINDIR.');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `durable: false` turns fsync off (tests only care that the server, not the machine, may crash);
 * the load test keeps it on so its figures mean something.
 */
export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'byline-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const res = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (res.status !== 0) throw new Error(`${tool} failed (${res.status}): ${res.stderr || res.stdout}`);
  };
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone; the folder is removed below either way.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
    if (!options.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
    const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return { url: urlFor('postgres'), urlFor, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
