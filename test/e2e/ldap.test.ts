import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { parseBindDn } from '../../src/fronts/ldap.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type LegacyMatrix, seedLegacyMatrix } from '../helpers/legacy-matrix.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
const BASE = 'dc=portcullis';

describe('parseBindDn', () => {
  it('reads the user and the application from the bind DN forms', () => {
    assert.deepEqual(parseBindDn(`uid=a@b.com,ou=people,o=app-1,${BASE}`, BASE), {
      upn: 'a@b.com',
      appId: 'app-1',
    });
    assert.deepEqual(parseBindDn(`UID=a@b.com, OU=People, DC=Portcullis`, BASE), {
      upn: 'a@b.com',
      appId: null,
    });
    for (const bad of [
      '',
      'a@b.com',
      `cn=a,${BASE}`,
      `uid=a@b.com,ou=people,dc=other`,
      `uid=a,ou=groups,${BASE}`,
      `uid=a,ou=people,o=x,o=y,${BASE}`,
    ]) {
      assert.equal(parseBindDn(bad, BASE), null, bad);
    }
  });
});

describe('LDAP simple-bind front with ldapwhoami and ldapsearch', {
  skip: requireTool(hasLdapUtils, 'ldap-utils'),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url: string;
  let mail: string;
  let matrix: LegacyMatrix;
  let ctx: AppContext;
  const pw: Record<string, string> = {};
  const dnOf = (upn: string, app: string | null) =>
    `uid=${upn},ou=people,${app ? `o=${app},` : ''}${BASE}`;
  const whoami = (dn: string, password: string) =>
    spawnSync('ldapwhoami', ['-x', '-H', url, '-D', dn, '-w', password], { encoding: 'utf8' });

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    matrix = await seedLegacyMatrix(ctx, 'ldap');
    mail = (await createLegacyApp(ctx, { name: 'Mail' })).id;
    const wiki = (await createLegacyApp(ctx, { name: 'Wiki' })).id;
    const enf = await createUser(ctx, {
      upn: 'lena@contoso.com',
      displayName: 'Lena Ldap',
      password: 'lena password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, enf.id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    pw.mail = (await createAppPassword(ctx, enf.id, { name: 'Mail', scopes: [mail] })).password;
    pw.wiki = (await createAppPassword(ctx, enf.id, { name: 'Wiki', scopes: [wiki] })).password;
    pw.any = (await createAppPassword(ctx, enf.id, { name: 'Anything' })).password;
    await createUser(ctx, { upn: 'dan@contoso.com', password: 'dan password 1' });
    server = await startServerProcess(db.env);
    url = `ldap://127.0.0.1:${await server.frontPort('ldap')}`;
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('follows the MFA state × credential table through the application DN', async () => {
    for (const c of matrix.cases) {
      const r = whoami(dnOf(c.upn, matrix.apps[c.app]), c.secret);
      assert.equal(r.status, c.accept ? 0 : 49, `${c.title}: ${r.stderr}`);
    }
    await matrix.assertLogged(ctx, 'ldap');
  });

  it('takes the bare UPN as bind name: no application named, so unscoped app passwords only', () => {
    const r = whoami('lena@contoso.com', pw.any!);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `dn:${dnOf('lena@contoso.com', null)}`);
    assert.equal(whoami('lena@contoso.com', pw.mail!).status, 49, 'scoped');
    assert.equal(whoami('lena@contoso.com', 'lena password 1').status, 49, 'Enforced');
    assert.equal(whoami('dan@contoso.com', 'dan password 1').status, 0, 'Disabled');
    assert.equal(whoami('dan@contoso.com', 'wrong').status, 49);
    assert.equal(whoami('not a dn', 'dan password 1').status, 34, 'neither a DN nor a UPN');
  });

  it('survives garbage, truncated messages, operations it does not offer, and SASL binds', async () => {
    const { port } = new URL(url);
    // Resolves 'closed' when the server hangs up, 'open' if it still holds the connection.
    const send = (bytes: Buffer, end = true) =>
      new Promise<'closed' | 'open'>((resolve) => {
        const sock = net.connect(Number(port), '127.0.0.1', () =>
          end ? sock.end(bytes) : sock.write(bytes),
        );
        sock.on('error', () => resolve('closed'));
        sock.on('close', () => resolve('closed'));
        sock.resume();
        sock.setTimeout(2000, () => {
          resolve('open');
          sock.destroy();
        });
      });
    await send(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await send(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02]));
    await send(Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x60, 0x00]));
    const huge = Buffer.concat([
      Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]),
      Buffer.alloc(100_000),
    ]);
    assert.equal(await send(huge, false), 'closed', 'a claimed 2 GiB message is cut off');
    const add = spawnSync(
      'ldapadd',
      ['-x', '-H', url, '-D', dnOf('dan@contoso.com', null), '-w', 'dan password 1'],
      {
        input: `dn: uid=x,ou=people,${BASE}\nobjectClass: top\nuid: x\n`,
        encoding: 'utf8',
      },
    );
    assert.notEqual(add.status, 0, 'no writes through the LDAP front');
    const sasl = spawnSync(
      'ldapwhoami',
      ['-H', url, '-Y', 'PLAIN', '-U', 'dan@contoso.com', '-w', 'dan password 1'],
      {
        encoding: 'utf8',
      },
    );
    assert.notEqual(sasl.status, 0, 'SASL is not offered');
    assert.equal(
      whoami(dnOf('dan@contoso.com', null), 'dan password 1').status,
      0,
      'still serving',
    );
  });

  it('binds with an app password through its application DN; ldapwhoami shows who', () => {
    const r = whoami(dnOf('lena@contoso.com', mail), pw.mail!);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `dn:${dnOf('lena@contoso.com', mail)}`);
  });

  it('refuses a scoped app password through another application or no application; unscoped ones work without', () => {
    assert.equal(whoami(dnOf('lena@contoso.com', mail), pw.wiki!).status, 49);
    assert.equal(whoami(dnOf('lena@contoso.com', null), pw.mail!).status, 49);
    assert.equal(whoami(dnOf('lena@contoso.com', null), pw.any!).status, 0);
  });

  it('follows the MFA state: Enforced refuses the account password, Disabled accepts it', () => {
    assert.equal(whoami(dnOf('lena@contoso.com', mail), 'lena password 1').status, 49);
    assert.equal(whoami(dnOf('dan@contoso.com', null), 'dan password 1').status, 0);
  });

  it('refuses anonymous and empty-password binds and DNs outside the base', () => {
    // More in ldap-anonymous.test.ts (raw BER, operations without a bind).
    const anonymous = spawnSync('ldapwhoami', ['-x', '-H', url], { encoding: 'utf8' });
    assert.equal(anonymous.status, 48, `no anonymous identity: ${anonymous.stdout}`);
    assert.notEqual(whoami(dnOf('dan@contoso.com', null), '').status, 0);
    assert.equal(whoami('uid=dan@contoso.com,ou=people,dc=elsewhere', 'dan password 1').status, 49);
  });

  it('a base-scope search returns the bound user its own entry, and nothing of others', () => {
    const dn = dnOf('lena@contoso.com', mail);
    const own = spawnSync(
      'ldapsearch',
      ['-x', '-LLL', '-H', url, '-D', dn, '-w', pw.mail!, '-b', dn, '-s', 'base'],
      { encoding: 'utf8' },
    );
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stdout, /^uid: lena@contoso\.com$/m);
    assert.match(own.stdout, /^mail: lena@contoso\.com$/m);
    assert.match(own.stdout, /^cn: Lena Ldap$/m);
    assert.match(own.stdout, /^displayName: Lena Ldap$/m);
    const other = spawnSync(
      'ldapsearch',
      [
        '-x',
        '-LLL',
        '-H',
        url,
        '-D',
        dn,
        '-w',
        pw.mail!,
        '-b',
        dnOf('dan@contoso.com', null),
        '-s',
        'base',
      ],
      { encoding: 'utf8' },
    );
    assert.doesNotMatch(other.stdout, /dan@contoso\.com/);
  });
});

const hasOpenssl = spawnSync('which', ['openssl']).status === 0;

describe('LDAPS and StartTLS when a certificate is configured (through the configuration file)', {
  skip: requireTool(hasLdapUtils && hasOpenssl, 'ldap-utils and openssl'),
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let matrix: LegacyMatrix;
  /** The bare `host:port` listener (LDAPS, as it always was with a certificate). */
  let port: number;
  /** The `ldap://` listener: plain, StartTLS offered — and required. */
  let startTlsPort: number;
  let dir: string;
  const TLS_BASE = 'dc=contoso,dc=com';
  const whoami = (scheme: string, dn: string, password: string, ca?: string) =>
    spawnSync(
      'ldapwhoami',
      ['-x', '-H', `${scheme}://127.0.0.1:${port}`, '-D', dn, '-w', password],
      {
        encoding: 'utf8',
        timeout: 10_000,
        env: { ...process.env, LDAPTLS_REQCERT: 'demand', LDAPTLS_CACERT: ca ?? '/nonexistent' },
      },
    );
  /** ldapwhoami on the plain port, with StartTLS (-ZZ: fail unless it succeeds) or without. */
  const onPlainPort = (dn: string, password: string, startTls: boolean) =>
    spawnSync(
      'ldapwhoami',
      [
        '-x',
        ...(startTls ? ['-ZZ'] : []),
        '-H',
        `ldap://127.0.0.1:${startTlsPort}`,
        '-D',
        dn,
        '-w',
        password,
      ],
      {
        encoding: 'utf8',
        timeout: 10_000,
        env: {
          ...process.env,
          LDAPTLS_REQCERT: 'demand',
          LDAPTLS_CACERT: path.join(dir, 'cert.pem'),
        },
      },
    );
  const matrixDn = (upn: string, app: string) => `uid=${upn},ou=people,o=${app},${TLS_BASE}`;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pcl-ldaps-'));
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(made.status, 0, made.stderr);
    writeFileSync(
      path.join(dir, 'portcullis.conf'),
      [
        '# LDAPS, and plain LDAP where StartTLS must come before a bind, for the test',
        'PORTCULLIS_LDAP_LISTEN="127.0.0.1:0, ldap://127.0.0.1:0"',
        `PORTCULLIS_LDAP_TLS_CERT=${path.join(dir, 'cert.pem')}`,
        `PORTCULLIS_LDAP_TLS_KEY=${path.join(dir, 'key.pem')}`,
        'PORTCULLIS_LDAP_REQUIRE_TLS=true',
        `PORTCULLIS_LDAP_BASE_DN="${TLS_BASE}"`,
        '',
      ].join('\n'),
    );
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'tls@contoso.com', password: 'tls password 1' });
    matrix = await seedLegacyMatrix(ctx, 'starttls');
    server = await startServerProcess({
      ...db.env,
      PORTCULLIS_CONFIG: path.join(dir, 'portcullis.conf'),
    });
    const listening =
      /"startTls":(true|false),"tls":(true|false),"port":(\d+),"msg":"ldap listening"/g;
    await server.waitFor(new RegExp(`(${listening.source}[\\s\\S]*){2}`));
    const [ldaps, plain] = [...server.output().matchAll(listening)];
    assert.deepEqual(
      [ldaps![1], ldaps![2], plain![1], plain![2]],
      ['false', 'true', 'true', 'false'],
      'the bare address is LDAPS; ldap:// offers StartTLS',
    );
    port = Number(ldaps![3]);
    startTlsPort = Number(plain![3]);
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('binds over TLS with the base DN from the configuration file', () => {
    const ca = path.join(dir, 'cert.pem');
    const r = whoami(
      'ldaps',
      'uid=tls@contoso.com,ou=people,dc=contoso,dc=com',
      'tls password 1',
      ca,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'dn:uid=tls@contoso.com,ou=people,dc=contoso,dc=com');
    assert.equal(whoami('ldaps', 'tls@contoso.com', 'tls password 1', ca).status, 0, 'bare UPN');
  });

  it('the LDAPS port speaks only TLS: a plain-text client and a client that does not trust the certificate fail', () => {
    assert.notEqual(whoami('ldap', 'tls@contoso.com', 'tls password 1').status, 0);
    const untrusted = whoami('ldaps', 'tls@contoso.com', 'tls password 1');
    assert.notEqual(untrusted.status, 0);
  });

  it('follows the MFA state × credential table over StartTLS on the plain port (ldapwhoami -ZZ)', async () => {
    for (const c of matrix.cases) {
      const dn = matrixDn(c.upn, matrix.apps[c.app]);
      const r = onPlainPort(dn, c.secret, true);
      assert.equal(r.status, c.accept ? 0 : 49, `${c.title}: ${r.stderr}`);
      if (c.accept) assert.equal(r.stdout.trim(), `dn:${dn}`, c.title);
    }
    await matrix.assertLogged(ctx, 'ldap');
  });

  it('with PORTCULLIS_LDAP_REQUIRE_TLS refuses every bind in the clear with confidentialityRequired (13), unjudged; the same good credentials bind after StartTLS', async () => {
    const logged = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('signin_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await logged();
    for (const c of matrix.cases) {
      const r = onPlainPort(matrixDn(c.upn, matrix.apps[c.app]), c.secret, false);
      assert.equal(r.status, 13, `${c.title}: ${r.stderr}`);
      assert.match(r.stderr, /Confidentiality required \(13\)/, c.title);
    }
    const bare = onPlainPort('tls@contoso.com', 'tls password 1', false);
    assert.equal(bare.status, 13, 'a bare UPN too');
    // Refused before the password is looked at: nothing judged, nothing in the sign-in log.
    assert.equal(await logged(), before);
    const good = matrix.cases.filter((c) => c.accept);
    assert.ok(good.length >= 5);
    for (const c of good) {
      const dn = matrixDn(c.upn, matrix.apps[c.app]);
      const r = onPlainPort(dn, c.secret, true);
      assert.equal(r.status, 0, `${c.title}: ${r.stderr}`);
      assert.equal(r.stdout.trim(), `dn:${dn}`);
    }
    assert.equal(onPlainPort('tls@contoso.com', 'tls password 1', true).status, 0, 'bare UPN');
  });
});
