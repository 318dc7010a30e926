// A real Apache httpd for tests: a config written to a temporary ServerRoot,
// started in the foreground (-DFOREGROUND), stopped (and its files removed)
// with `stop`. Modules are loaded by full path from Debian's apache2 package.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const APACHE = '/usr/sbin/apache2';
export const MODULES = '/usr/lib/apache2/modules';
export const hasApache = existsSync(APACHE);
export const hasModAuthOpenidc = existsSync(path.join(MODULES, 'mod_auth_openidc.so'));

export interface Apache {
  root: string;
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts apache2 listening on 127.0.0.1:`port` with `modules` (names, e.g.
 * `auth_openidc`) loaded besides the event MPM, `config` appended, `files`
 * written under its ServerRoot (its DocumentRoot is `html/`), and waits until
 * `probe` answers.
 */
export async function startApache(opts: {
  port: number;
  modules: string[];
  config: (root: string) => string;
  probe: string;
  files?: Record<string, string>;
}): Promise<Apache> {
  // Apache's children drop root (User below): their files live in a world-readable directory.
  const root = mkdtempSync(path.join(tmpdir(), 'portcullis-apache-'));
  chmodSync(root, 0o755);
  mkdirSync(path.join(root, 'run'), { recursive: true });
  mkdirSync(path.join(root, 'html'), { recursive: true });
  for (const [name, body] of Object.entries(opts.files ?? {})) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), body);
  }
  const load = (name: string) =>
    `LoadModule ${name}_module ${path.join(MODULES, `mod_${name}.so`)}`;
  writeFileSync(
    path.join(root, 'httpd.conf'),
    `ServerRoot ${root}
ServerName 127.0.0.1:${opts.port}
Listen 127.0.0.1:${opts.port}
PidFile ${root}/apache.pid
DefaultRuntimeDir ${root}/run
ErrorLog ${root}/error.log
LogLevel warn
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : ''}${['mpm_event', ...opts.modules].map(load).join('\n')}
TypesConfig /etc/mime.types
DocumentRoot ${root}/html
<Directory ${root}/html>
  Require all granted
</Directory>
${opts.config(root)}
`,
  );
  const child: ChildProcess = spawn(
    APACHE,
    ['-d', root, '-f', path.join(root, 'httpd.conf'), '-DFOREGROUND'],
    { stdio: 'ignore' },
  );
  const errors = () => {
    try {
      return readFileSync(path.join(root, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      // SIGTERM: the parent stops its children, then itself.
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const up = await fetch(opts.probe, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (up) return { root, errors, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = errors();
  await stop();
  throw new Error(`apache2 did not start: ${log}`);
}
