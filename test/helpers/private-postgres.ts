// A PostgreSQL cluster of a test's own (its data directory, loopback port and
// socket directory under a temporary directory), for tests that stop and start
// the database: the suite's shared server is never touched.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports.ts';

const run = promisify(execFile);
const ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin directory (/usr/lib/postgresql/<version>/bin), if any. */
function findBin(): string | undefined {
  const versions = existsSync(ROOT)
    ? readdirSync(ROOT)
        .filter((v) => existsSync(path.join(ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] && path.join(ROOT, versions[0], 'bin');
}

const BIN = findBin();
/** Whether initdb, pg_ctl and postgres are installed here. */
export const hasPostgresServer = BIN !== undefined;

/** PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;
const OS_USER = asRoot ? 'postgres' : userInfo().username;
const tool = (name: string, args: string[]) =>
  asRoot
    ? run('runuser', ['-u', OS_USER, '--', path.join(BIN!, name), ...args])
    : run(path.join(BIN!, name), args);

export interface PrivatePostgres {
  port: number;
  /** A database and role of its own for Portcullis (trust authentication on 127.0.0.1). */
  url: string;
  /** Stops the server (`pg_ctl stop -m fast`: sessions are ended, data is kept). */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** The server's own log, for failure messages. */
  log(): string;
  /** Stops the server and removes every file of the cluster. */
  destroy(): Promise<void>;
}

/** initdb into a fresh temporary directory, start it, and create a role and database. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!BIN) throw new Error(`no PostgreSQL server under ${ROOT}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-pg-'));
  if (asRoot) {
    const ids = await run('id', ['-u', OS_USER]).then(async (u) => ({
      uid: Number(u.stdout),
      gid: Number((await run('id', ['-g', OS_USER])).stdout),
    }));
    chownSync(dir, ids.uid, ids.gid);
  }
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const pgCtl = async (args: string[]) => {
    try {
      await tool('pg_ctl', ['-D', data, ...args]);
    } catch (e) {
      throw new Error(`pg_ctl ${args.join(' ')} failed: ${(e as Error).message}\n${log()}`);
    }
  };
  // Small and quiet: a test cluster beside the suite's own PostgreSQL.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c max_connections=30`;
  const start = () => pgCtl(['-l', logFile, '-o', options, '-w', '-t', '30', 'start']);
  let running = false;
  const destroy = async () => {
    if (running) await pgCtl(['-m', 'immediate', '-w', 'stop']).catch(() => {});
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await tool('initdb', [
      '-D',
      data,
      '--auth=trust',
      '--username=postgres',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    await start();
    running = true;
    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE portcullis LOGIN PASSWORD 'portcullis'`);
      await admin.query('CREATE DATABASE portcullis OWNER portcullis');
    } finally {
      await admin.end();
    }
  } catch (e) {
    await destroy();
    throw e;
  }
  return {
    port,
    url: `postgres://portcullis:portcullis@127.0.0.1:${port}/portcullis`,
    async stop() {
      await pgCtl(['-m', 'fast', '-w', 'stop']);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    log,
    destroy,
  };
}
