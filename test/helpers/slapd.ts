// A private OpenLDAP slapd (Debian's package) for directory tests: its own
// configuration and data in a temp directory, a free loopback port for ldap://
// (StartTLS too) and one for ldaps://, with a certificate from a test CA. Searching
// needs a bind (anonymous gets nothing); the service account
// `cn=portcullis,ou=services,<suffix>` may read. It can be stopped and started
// again on the same ports (an outage), and is changed through `modify`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { makeCertificates } from './certificates.ts';
import { freePort } from './ports.ts';

const SLAPD = '/usr/sbin/slapd';
export const slapdAvailable = () =>
  existsSync(SLAPD) && existsSync('/usr/lib/ldap/back_mdb.so') && existsSync('/usr/bin/openssl');

/** RFC 2307 {SSHA}: base64(SHA-1(password ‖ salt) ‖ salt). */
export const ssha = (password: string) => {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
};

export const SERVICE_PASSWORD = 'service account password';

export interface SlapdOptions {
  suffix?: string;
  /** LDIF of the entries under the suffix (the suffix, ou=services and the service account are added). */
  ldif: string;
  /** Also load Debian's msuser.schema (Active Directory's attributes and classes). */
  adSchema?: boolean;
}

export interface Slapd {
  suffix: string;
  port: number;
  /** The running slapd's process id (for its CPU time). */
  pid(): number | undefined;
  url: string;
  ldapsUrl: string;
  /** The test CA's certificate file (PEM). */
  caFile: string;
  serviceDn: string;
  rootDn: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Runs `work` with a client bound as the root DN (to change entries). */
  modify<T>(work: (c: Client) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const ROOT_PASSWORD = 'root password of the test directory';

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port}`);
}

export async function startSlapd(opts: SlapdOptions): Promise<Slapd> {
  const suffix = opts.suffix ?? 'dc=contoso,dc=com';
  const dc = /^dc=([^,]+)/.exec(suffix)?.[1] ?? 'test';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const tls = makeCertificates(dir);
  const conf = path.join(dir, 'slapd.conf');
  const serviceDn = `cn=portcullis,ou=services,${suffix}`;
  const rootDn = `cn=admin,${suffix}`;
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'include /etc/ldap/schema/nis.schema',
      ...(opts.adSchema ? ['include /etc/ldap/schema/msuser.schema'] : []),
      `pidfile ${dir}/slapd.pid`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'loglevel 0',
      `TLSCACertificateFile ${tls.ca}`,
      `TLSCertificateFile ${tls.cert}`,
      `TLSCertificateKeyFile ${tls.key}`,
      // Like Active Directory: at most 1000 entries a search, unless paged.
      'sizelimit size.soft=1000 size.hard=1000 size.prtotal=unlimited',
      'database mdb',
      `suffix "${suffix}"`,
      `rootdn "${rootDn}"`,
      `rootpw ${ssha(ROOT_PASSWORD)}`,
      `directory ${dir}/db`,
      'maxsize 268435456',
      'index objectClass,uid,mail,cn eq',
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  const base = [
    `dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\ndc: ${dc}\no: ${dc}\n`,
    `dn: ou=services,${suffix}\nobjectClass: organizationalUnit\nou: services\n`,
    `dn: ${serviceDn}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: portcullis\nuserPassword: ${ssha(SERVICE_PASSWORD)}\n`,
  ].join('\n');
  writeFileSync(path.join(dir, 'data.ldif'), `${base}\n${opts.ldif}`);
  const added = spawnSync('/usr/sbin/slapadd', ['-f', conf, '-l', path.join(dir, 'data.ldif')], {
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);
  const port = await freePort();
  const ldapsPort = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      SLAPD,
      ['-f', conf, '-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${ldapsPort}/`, '-d', '0'],
      { stdio: 'ignore' },
    );
    await waitForPort(port);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    c.kill('SIGTERM');
    await new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
  };
  await start();
  const url = `ldap://127.0.0.1:${port}`;
  return {
    suffix,
    port,
    pid: () => child?.pid,
    url,
    ldapsUrl: `ldaps://127.0.0.1:${ldapsPort}`,
    caFile: tls.ca,
    serviceDn,
    rootDn,
    stop,
    start,
    async modify(work) {
      const c = new Client({ url });
      try {
        await c.bind(rootDn, ROOT_PASSWORD);
        return await work(c);
      } finally {
        await c.unbind().catch(() => {});
      }
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An inetOrgPerson entry's LDIF. */
export function person(
  suffix: string,
  p: {
    uid: string;
    password: string;
    mail?: string;
    cn?: string;
    displayName?: string;
    mobile?: string;
    preferredLanguage?: string;
    ou?: string;
  },
): string {
  const lines = [
    `dn: uid=${p.uid},ou=${p.ou ?? 'people'},${suffix}`,
    'objectClass: inetOrgPerson',
    `uid: ${p.uid}`,
    `cn: ${p.cn ?? p.uid}`,
    `sn: ${p.uid}`,
    `userPassword: ${ssha(p.password)}`,
  ];
  if (p.mail) lines.push(`mail: ${p.mail}`);
  if (p.displayName) lines.push(`displayName: ${p.displayName}`);
  if (p.mobile) lines.push(`mobile: ${p.mobile}`);
  if (p.preferredLanguage) lines.push(`preferredLanguage: ${p.preferredLanguage}`);
  return `${lines.join('\n')}\n`;
}
