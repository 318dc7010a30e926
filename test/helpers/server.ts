import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from './ports.ts';

const bin = new URL('../../bin/portcullis.js', import.meta.url).pathname;

export interface ServerProcess {
  url: string;
  port: number;
  output: () => string;
  /** Waits (5 s at most) until the output matches `re`: logs reach the pipe asynchronously. */
  waitFor(re: RegExp): Promise<RegExpExecArray>;
  /** The port the `radius` or `ldap` front announced. */
  frontPort(front: 'radius' | 'ldap'): Promise<number>;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a real `portcullis serve` on a free loopback port and waits until it listens.
 * Browsers' forms must come from PORTCULLIS_PUBLIC_URL's origin: unless the test names
 * its own port, public URL or configuration file, the public URL is the address the
 * server is reached at (`url`).
 */
export async function startServerProcess(
  env: Record<string, string>,
  /**
   * `bin`: another release's command (test/helpers/old-release.ts); `command`: the
   * whole command line before `serve` (e.g. `npx portcullis` in an installation).
   */
  opts: ServeOptions = {},
): Promise<ServerProcess> {
  if (env.PORT || env.PORTCULLIS_PUBLIC_URL || env.PORTCULLIS_CONFIG) return spawnServer(env, opts);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const own = { ...env, PORT: String(port), PORTCULLIS_PUBLIC_URL: `http://127.0.0.1:${port}` };
    try {
      return await spawnServer(own, opts);
    } catch (e) {
      // Another process took the port between freePort() and the server's listen.
      if (attempt < 3 && /EADDRINUSE/.test(String(e))) continue;
      throw e;
    }
  }
}

interface ServeOptions {
  cwd?: string;
  bin?: string;
  command?: string[];
}

function spawnServer(env: Record<string, string>, opts: ServeOptions): Promise<ServerProcess> {
  const [file, ...args] = opts.command ?? [process.execPath, opts.bin ?? bin];
  const child = spawn(file!, [...args, 'serve'], {
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    env: {
      ...process.env,
      PORT: '0',
      PORTCULLIS_HOST: '127.0.0.1',
      // One process per server unless a test is about workers (test/e2e/workers.test.ts):
      // tests start processes only where the process is what is tested.
      PORTCULLIS_WORKERS: '1',
      ...env,
      PORTCULLIS_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A wrapper (npx) does not pass signals on: its group gets them, as a terminal's Ctrl-C does.
    detached: !!opts.command,
  });
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (opts.command) process.kill(-child.pid!, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  let out = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      signal('SIGTERM');
      setTimeout(() => signal('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, 20_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /"port":(\d+).*"msg":"listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        const waitFor = async (re: RegExp) => {
          for (let i = 0; i < 50 && !re.test(out); i++)
            await new Promise((r) => setTimeout(r, 100));
          const found = re.exec(out);
          if (!found) throw new Error(`no ${re} in the output:\n${out}`);
          return found;
        };
        const frontPort = async (front: 'radius' | 'ldap') =>
          Number((await waitFor(new RegExp(`"port":(\\d+),"msg":"${front} listening"`)))[1]);
        resolve({
          url: `http://127.0.0.1:${port}`,
          port,
          output: () => out,
          waitFor,
          frontPort,
          child,
          stop,
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/**
 * Starts `count` server processes on the same environment, side by side. If any fails to
 * start, the others are stopped and the first failure is thrown.
 */
export async function startServers(
  env: Record<string, string>,
  count: number,
): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startServerProcess(env)),
  );
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  return servers;
}

/** Whether an external tool is present; in CI a missing tool is a failure, not a skip. */
export function requireTool(present: boolean, name: string): string | false {
  if (present) return false;
  if (process.env.CI === 'true') throw new Error(`${name} is required in CI but is not installed`);
  console.log(`# skipping: ${name} is not installed (install it or run .ci/run)`);
  return `${name} not installed`;
}

/** The worker processes of a `serve` primary (its children), by process id. */
export function workersOf(primary: number): number[] {
  const r = spawnSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Resident memory of a process, in bytes (Linux). */
export const rss = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
