// A real nginx for tests: a config written to a temporary prefix, started in
// the foreground, stopped (and its files removed) with `stop`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';
export const hasNginx = spawnSync(NGINX, ['-v']).status === 0;

export interface Nginx {
  prefix: string;
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx with `http` as the body of its http block (temp paths and
 * logging are set here), `files` written under its prefix, and waits until
 * `probe` answers.
 */
export async function startNginx(
  http: (prefix: string) => string,
  probe: string,
  files: Record<string, string> = {},
): Promise<Nginx> {
  // nginx's workers drop root: their files live in a world-readable directory.
  const prefix = mkdtempSync(path.join(tmpdir(), 'portcullis-nginx-'));
  chmodSync(prefix, 0o755);
  mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(prefix, name)), { recursive: true });
    writeFileSync(path.join(prefix, name), body);
  }
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp; proxy_temp_path ${prefix}/tmp; fastcgi_temp_path ${prefix}/tmp; uwsgi_temp_path ${prefix}/tmp; scgi_temp_path ${prefix}/tmp;
${http(prefix)}
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], {
    stdio: 'ignore',
  });
  const errors = () => {
    try {
      return readFileSync(path.join(prefix, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const up = await fetch(probe).then(
      () => true,
      () => false,
    );
    if (up) return { prefix, errors, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nginx did not start: ${errors()}`);
}
