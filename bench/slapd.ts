// OpenLDAP's slapd (Debian's package) as the benchmark's yardstick: a private
// instance on a free loopback port, with users whose passwords are {SSHA}.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SLAPD = '/usr/sbin/slapd';
export const slapdAvailable = () => existsSync(SLAPD) && existsSync('/usr/lib/ldap/back_mdb.so');

/** RFC 2307 {SSHA}: base64(SHA-1(password ‖ salt) ‖ salt). */
export const ssha = (password: string) => {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface Slapd {
  port: number;
  /** The slapd process (for its CPU time). */
  pid: number | undefined;
  dnOf(uid: string): string;
  stop(): Promise<void>;
}

/** Starts slapd with `users` (uid → password) under ou=people,dc=bench. */
export async function startSlapd(users: [string, string][]): Promise<Slapd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const conf = path.join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${dir}/slapd.pid`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'loglevel 0',
      'database mdb',
      'suffix "dc=bench"',
      'rootdn "cn=admin,dc=bench"',
      `directory ${dir}/db`,
      'maxsize 268435456',
      'index uid eq',
      '',
    ].join('\n'),
  );
  const ldif = [
    'dn: dc=bench\nobjectClass: dcObject\nobjectClass: organization\ndc: bench\no: bench\n',
    'dn: ou=people,dc=bench\nobjectClass: organizationalUnit\nou: people\n',
    ...users.map(
      ([uid, password]) =>
        `dn: uid=${uid},ou=people,dc=bench\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid}\nsn: ${uid}\nmail: ${uid}\nuserPassword: ${ssha(password)}\n`,
    ),
  ].join('\n');
  writeFileSync(path.join(dir, 'users.ldif'), ldif);
  const added = spawnSync('/usr/sbin/slapadd', ['-f', conf, '-l', path.join(dir, 'users.ldif')], {
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    SLAPD,
    ['-f', conf, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    pid: child.pid,
    dnOf: (uid) => `uid=${uid},ou=people,dc=bench`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
