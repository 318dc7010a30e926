// What both benchmarks share: a data directory with its environment, and a
// real `portcullis serve` on a free loopback port.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function benchEnvironment(): { env: Record<string, string>; cleanup: () => void } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-bench-'));
  const env: Record<string, string> = {
    PORTCULLIS_DATA_DIR: dataDir,
    PORTCULLIS_SECRET_KEY: 'b'.repeat(64),
    PORTCULLIS_ADMIN_PASSWORD: 'bench admin password',
    PORTCULLIS_HOST: '127.0.0.1',
    PORT: '0',
    PORTCULLIS_LOG_LEVEL: 'info',
    ...(process.env.PORTCULLIS_DATABASE_URL
      ? { PORTCULLIS_DATABASE_URL: process.env.PORTCULLIS_DATABASE_URL }
      : {}),
  };
  return { env, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Starts the server (BENCH_NODE_ARGS, e.g. --cpu-prof, go to its node) and waits for its port. */
export async function startBenchServer(env: Record<string, string>): Promise<{
  server: ChildProcess;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}> {
  const bin = new URL('../bin/portcullis.js', import.meta.url).pathname;
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), bin, 'serve'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /"port":(\d+).*"msg":"listening"/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (c) => reject(new Error(`server exited (${c})`)));
  });
  return {
    server,
    port,
    output: () => out,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}
