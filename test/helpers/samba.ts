// Samba's Active Directory domain controller (Debian's samba-ad-dc), the
// stand-in for Active Directory: a domain provisioned in a temp directory and
// run with its LDAP service only, on 127.0.0.1 (ports 389 and 636: a domain
// controller's LDAP ports are not configurable, so one runs at a time), with
// the self-signed certificate Samba makes at first start. Entries are added
// through Samba's own Python bindings (Debian's python3), as samba-tool does.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';
export const REALM = 'contoso.test';
export const BASE = 'DC=contoso,DC=test';
export const ADMIN_PASSWORD = 'Adm1n-Passw0rd!';

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** Whether a Samba domain controller can run here (installed, and LDAP's ports free). */
export async function sambaAvailable(): Promise<boolean> {
  if (!existsSync('/usr/sbin/samba') || !existsSync('/usr/bin/samba-tool')) return false;
  if (spawnSync(PYTHON, ['-c', 'import samba.samdb']).status !== 0) return false;
  return (await portFree(389)) && (await portFree(636));
}

export interface Samba {
  url: string;
  ldapsUrl: string;
  /** Samba's CA certificate (PEM file). */
  caFile: string;
  /** The name in the domain controller's certificate. */
  serverName: string;
  /** Adds entries (LDIF) as the system; unicodePwd values are set as passwords. */
  add(ldif: string): void;
  /** Runs samba-tool with this domain's configuration. */
  tool(args: string[]): string;
  close(): Promise<void>;
}

/** A quoted password in UTF-16LE, base64: how LDIF sets an AD password (unicodePwd::). */
export const unicodePwd = (password: string) =>
  Buffer.from(`"${password}"`, 'utf16le').toString('base64');

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`samba exited:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`samba did not listen on ${port}:\n${log()}`);
}

export async function startSamba(): Promise<Samba> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-samba-'));
  const conf = path.join(dir, 'etc', 'smb.conf');
  const provision = spawnSync(
    '/usr/bin/samba-tool',
    [
      'domain',
      'provision',
      `--realm=${REALM.toUpperCase()}`,
      '--domain=CONTOSO',
      '--server-role=dc',
      '--dns-backend=NONE',
      `--adminpass=${ADMIN_PASSWORD}`,
      `--targetdir=${dir}`,
      '--option=interfaces=127.0.0.1',
      '--option=bind interfaces only=yes',
    ],
    { encoding: 'utf8' },
  );
  if (provision.status !== 0)
    throw new Error(`samba-tool domain provision failed:\n${provision.stderr}`);
  mkdirSync(path.join(dir, 'run'));
  // The LDAP service alone; simple binds over plain LDAP allowed (the tests use LDAPS too).
  const text = readFileSync(conf, 'utf8')
    .replace(/^\tserver services = .*$/m, '\tserver services = ldap')
    .replace(
      /^\[global\]$/m,
      `[global]\n\tpid directory = ${dir}/run\n\tldap server require strong auth = no\n\tlog file = ${dir}/log.%m`,
    );
  writeFileSync(conf, text);
  let output = '';
  const child = spawn('/usr/sbin/samba', ['-i', '-s', conf], { detached: true });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  };
  try {
    await waitForPort(389, child, () => output);
    await waitForPort(636, child, () => output);
  } catch (e) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const caFile = path.join(dir, 'private', 'tls', 'ca.pem');
  const cert = new X509Certificate(readFileSync(path.join(dir, 'private', 'tls', 'cert.pem')));
  const serverName = /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? 'localhost';
  const script = path.join(dir, 'add.py');
  writeFileSync(
    script,
    [
      'import sys',
      'from samba.samdb import SamDB',
      'from samba.param import LoadParm',
      'from samba.auth import system_session',
      'lp = LoadParm(); lp.load(sys.argv[1])',
      'db = SamDB(url=sys.argv[2], session_info=system_session(), lp=lp)',
      'db.add_ldif(sys.stdin.read())',
      '',
    ].join('\n'),
  );
  return {
    url: 'ldap://127.0.0.1',
    ldapsUrl: 'ldaps://127.0.0.1',
    caFile,
    serverName,
    add(ldif) {
      const r = spawnSync(PYTHON, [script, conf, path.join(dir, 'private', 'sam.ldb')], {
        input: ldif,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`adding entries failed:\n${r.stderr}`);
    },
    tool(args) {
      const r = spawnSync('/usr/bin/samba-tool', [...args, '-s', conf], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`samba-tool ${args[0]} failed:\n${r.stderr}`);
      return r.stdout;
    },
    async close() {
      await stop();
      // Samba's task processes may write a last file as they go: retry
      // ENOTEMPTY a few times rather than fail the suite's teardown.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
