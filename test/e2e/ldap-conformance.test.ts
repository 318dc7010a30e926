// The LDAP front's protocol layer against real clients: Debian's ldapsearch,
// ldapwhoami (with StartTLS, -ZZ) and ldapcompare, the ldapts library, and
// hand-written BER for what clients never send (pipelining in one packet,
// abandon, critical controls, limits). A server process configured with an
// ldap:// and an ldaps:// listener; a front started in this process for the
// options a test needs (StartTLS required, short limits).
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, EqualityFilter } from 'ldapts';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { type LdapFront, startLdapFront } from '../../src/fronts/ldap.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { makeCertificates } from '../helpers/certificates.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import * as wire from '../helpers/ldap-wire.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
const hasOpenssl = spawnSync('which', ['openssl']).status === 0;
const BASE = 'dc=contoso,dc=com';
const LENA = `uid=lena@contoso.com,ou=people,${BASE}`;
const DAN = `uid=dan@contoso.com,ou=people,${BASE}`;
const DAN_PASSWORD = 'dan password 1';

describe('LDAP conformance with real clients', {
  skip: requireTool(hasLdapUtils && hasOpenssl, 'ldap-utils and openssl'),
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let dir: string;
  let certs: { ca: string; cert: string; key: string };
  let plain: number;
  let ldaps: number;
  let lenaPassword: string;
  let mail: string;
  /** Runs an ldap-utils command trusting (or not) the test CA. */
  const tool = (cmd: string, args: string[], trust = true) =>
    spawnSync(cmd, args, {
      encoding: 'utf8',
      timeout: 10_000,
      env: {
        ...process.env,
        LDAPTLS_REQCERT: 'demand',
        LDAPTLS_CACERT: trust ? certs.ca : '/nonexistent',
      },
    });
  const url = (scheme = 'ldap') => `${scheme}://127.0.0.1:${scheme === 'ldap' ? plain : ldaps}`;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pcl-ldap-conf-'));
    certs = makeCertificates(dir);
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_LDAP_LISTEN: 'ldap://127.0.0.1:0, ldaps://127.0.0.1:0',
      PORTCULLIS_LDAP_BASE_DN: BASE,
      PORTCULLIS_LDAP_TLS_CERT: certs.cert,
      PORTCULLIS_LDAP_TLS_KEY: certs.key,
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    const lena = await createUser(ctx, {
      upn: 'lena@contoso.com',
      displayName: 'Lena Ldap',
      password: 'lena password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, lena.id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    lenaPassword = (await createAppPassword(ctx, lena.id, { name: 'Anything' })).password;
    mail = (await createLegacyApp(ctx, { name: 'Mail' })).id;
    await createUser(ctx, { upn: 'dan@contoso.com', password: DAN_PASSWORD });
    server = await startServerProcess(db.env);
    const listening = () => [
      ...server
        .output()
        .matchAll(
          /"startTls":(true|false),"tls":(true|false),"port":(\d+),"msg":"ldap listening"/g,
        ),
    ];
    for (let i = 0; i < 50 && listening().length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    const [first, second] = listening();
    assert.deepEqual(
      [first![1], first![2], second![1], second![2]],
      ['true', 'false', 'false', 'true'],
    );
    plain = Number(first![3]);
    ldaps = Number(second![3]);
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('ldapwhoami', () => {
    it('binds over StartTLS (-ZZ) on the plain port, over LDAPS, and in the clear', () => {
      for (const args of [
        ['-ZZ', '-H', url()],
        ['-H', url('ldaps')],
        ['-H', url()],
      ]) {
        const r = tool('ldapwhoami', ['-x', ...args, '-D', LENA, '-w', lenaPassword]);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stdout.trim(), `dn:${LENA}`);
      }
    });

    it('-ZZ fails when the client does not trust the certificate', () => {
      const r = tool(
        'ldapwhoami',
        ['-x', '-ZZ', '-H', url(), '-D', LENA, '-w', lenaPassword],
        false,
      );
      assert.notEqual(r.status, 0);
    });

    it('wrong credentials get the one generic answer, invalidCredentials (49)', () => {
      for (const [dn, pw] of [
        [LENA, 'wrong'],
        [LENA, 'lena password 1'], // Enforced: the account password is refused
        [`uid=nobody@contoso.com,ou=people,${BASE}`, 'x'],
      ]) {
        const r = tool('ldapwhoami', ['-x', '-ZZ', '-H', url(), '-D', dn!, '-w', pw!]);
        assert.equal(r.status, 49, dn);
        assert.match(r.stderr, /Invalid credentials \(49\)/);
      }
    });
  });

  describe('ldapsearch', () => {
    const search = (...args: string[]) =>
      tool('ldapsearch', [
        '-x',
        '-LLL',
        '-ZZ',
        '-H',
        url(),
        '-D',
        LENA,
        '-w',
        lenaPassword,
        ...args,
      ]);

    it('reads the own entry with a filter and an attribute list', () => {
      const r = search(
        '-b',
        LENA,
        '-s',
        'base',
        '(&(objectClass=inetOrgPerson)(mail=lena@*))',
        'cn',
        'MAIL',
      );
      assert.equal(r.status, 0, r.stderr);
      const [dn, ...attributes] = r.stdout.trim().split('\n');
      assert.equal(dn, `dn: ${LENA}`);
      assert.deepEqual(attributes.sort(), ['cn: Lena Ldap', 'mail: lena@contoso.com']);
    });

    it('finds the own entry in a subtree search by uid, and nothing for a filter that does not match', () => {
      const hit = search('-b', BASE, '(uid=LENA@contoso.com)', '1.1');
      assert.equal(hit.status, 0, hit.stderr);
      assert.equal(hit.stdout.trim(), `dn: ${LENA}`);
      const miss = search('-b', BASE, '(|(uid=dan@contoso.com)(!(objectClass=*)))');
      assert.equal(miss.status, 0, miss.stderr);
      assert.equal(miss.stdout.trim(), '');
    });

    it('shows nothing of other users, noSuchObject outside the base', () => {
      const other = search('-b', DAN, '-s', 'base');
      assert.equal(other.status, 0);
      assert.doesNotMatch(other.stdout, /dan@contoso\.com/);
      assert.equal(search('-b', 'dc=elsewhere', '-s', 'base').status, 32);
    });

    it('refuses a critical control it does not know: unavailableCriticalExtension (12)', () => {
      const r = search('-b', LENA, '-s', 'base', '-E', '!pr=10/noprompt');
      assert.equal(r.status, 12, r.stderr);
    });
  });

  describe('ldapcompare', () => {
    const compare = (dn: string, assertion: string) =>
      tool('ldapcompare', [
        '-x',
        '-ZZ',
        '-H',
        url(),
        '-D',
        LENA,
        '-w',
        lenaPassword,
        dn,
        assertion,
      ]);

    it('compareTrue (6) and compareFalse (5) on the own entry, case-insensitively', () => {
      const yes = compare(LENA, 'cn:lena ldap');
      assert.equal(yes.status, 6, yes.stderr);
      assert.match(yes.stdout, /TRUE/);
      const no = compare(LENA, 'mail:dan@contoso.com');
      assert.equal(no.status, 5, no.stderr);
      assert.match(no.stdout, /FALSE/);
    });

    it('noSuchAttribute, insufficientAccessRights for others, noSuchObject outside the base', () => {
      assert.equal(compare(LENA, 'telephoneNumber:1').status, 16);
      assert.equal(compare(DAN, 'cn:dan').status, 50);
      assert.equal(compare('uid=x,dc=elsewhere', 'cn:x').status, 32);
    });
  });

  describe('ldapts', () => {
    // ldapts speaks TLS from the first byte whenever it is given TLS options.
    const client = (scheme = 'ldap') =>
      new Client({
        url: url(scheme),
        timeout: 10_000,
        ...(scheme === 'ldaps' ? { tlsOptions: { ca: [readFileSync(certs.ca)] } } : {}),
      });

    it('binds, searches with filters, compares and asks who it is (WhoAmI exop)', async () => {
      const c = client();
      try {
        await c.bind(`uid=lena@contoso.com,ou=people,o=${mail},${BASE}`, lenaPassword);
        const who = await c.exop('1.3.6.1.4.1.4203.1.11.3');
        assert.equal(who.value, `dn:uid=lena@contoso.com,ou=people,o=${mail},${BASE}`);
        const found = await c.search(BASE, {
          scope: 'sub',
          filter: '(&(|(mail=*@contoso.com)(cn=nobody))(!(uid=dan*))(displayName~=lenaldap))',
          attributes: ['uid', 'displayName'],
        });
        assert.deepEqual(found.searchEntries, [
          {
            dn: `uid=lena@contoso.com,ou=people,o=${mail},${BASE}`,
            uid: 'lena@contoso.com',
            displayName: 'Lena Ldap',
          },
        ]);
        const none = await c.search(BASE, {
          scope: 'sub',
          filter: new EqualityFilter({ attribute: 'cn', value: 'Dan' }),
        });
        assert.deepEqual(none.searchEntries, []);
        assert.equal(await c.compare(LENA, 'uid', 'Lena@Contoso.com'), true);
        assert.equal(await c.compare(LENA, 'uid', 'dan@contoso.com'), false);
      } finally {
        await c.unbind();
      }
    });

    it('StartTLS, then bind; a SASL bind gets authMethodNotSupported (7)', async () => {
      const c = client();
      try {
        await c.startTLS({ ca: [readFileSync(certs.ca)] });
        await assert.rejects(c.bind('EXTERNAL'), (e: { code?: number }) => e.code === 7);
        await c.bind(DAN, DAN_PASSWORD);
        assert.equal((await c.exop('1.3.6.1.4.1.4203.1.11.3')).value, `dn:${DAN}`);
      } finally {
        await c.unbind();
      }
    });

    it('answers requests pipelined on one connection, each to its own', async () => {
      const c = client('ldaps');
      try {
        await c.bind(DAN, DAN_PASSWORD);
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            i % 3 === 0
              ? c.exop('1.3.6.1.4.1.4203.1.11.3').then((r) => r.value)
              : i % 3 === 1
                ? c.compare(DAN, 'uid', i % 2 ? 'dan@contoso.com' : 'x').then(String)
                : c
                    .search(DAN, { scope: 'base', attributes: ['uid'] })
                    .then((r) => r.searchEntries[0]?.uid),
          ),
        );
        answers.forEach((a, i) => {
          const want =
            i % 3 === 0 ? `dn:${DAN}` : i % 3 === 1 ? String(i % 2 === 1) : 'dan@contoso.com';
          assert.equal(a, want, `request ${i}`);
        });
      } finally {
        await c.unbind();
      }
    });
  });

  describe('on the wire', () => {
    it('answers several requests sent in one packet, in order; an abandoned search is not answered', async () => {
      const c = await wire.rawConnection(plain);
      c.write(
        Buffer.concat([
          wire.bind(1, DAN, DAN_PASSWORD),
          wire.whoami(2),
          wire.search(3, DAN),
          wire.search(4, DAN),
          wire.abandon(5, 4),
          wire.whoami(6),
        ]),
      );
      const got = await c.collect(4);
      c.close();
      assert.deepEqual(
        got.map((r) => [r.messageId, r.op, r.resultCode]),
        [
          [1, 0x61, 0],
          [2, 0x78, 0],
          [3, 0x64, -1],
          [3, 0x65, 0],
          [6, 0x78, 0],
        ],
      );
    });

    it('reads no further than a StartTLS request, refuses what clients must not do', async () => {
      const c = await wire.rawConnection(plain);
      c.write(Buffer.concat([wire.extended(1, '1.3.6.1.4.1.1466.20037'), wire.whoami(2)]));
      const [tls, who] = await c.collect(2);
      c.close();
      assert.deepEqual(
        [tls!.resultCode, tls!.name],
        [1, '1.3.6.1.4.1.1466.20037'],
        'operationsError: requests after StartTLS',
      );
      assert.equal(who!.resultCode, 48, 'then plain LDAP goes on: who am I? before a bind');
    });

    it('refuses LDAPv2, writes and unknown extended operations without closing; unbind closes', async () => {
      const c = await wire.rawConnection(plain);
      c.write(wire.bind(1, DAN, DAN_PASSWORD, 2));
      assert.equal(((await c.next()) as wire.Response).resultCode, 2);
      c.write(wire.bind(2, DAN, DAN_PASSWORD));
      assert.equal(((await c.next()) as wire.Response).resultCode, 0);
      c.write(wire.message(3, wire.tlv(0x4a, Buffer.from(DAN)))); // DelRequest
      assert.deepEqual(await c.next(), { messageId: 3, op: 0x6b, resultCode: 53 });
      c.write(wire.extended(4, '1.2.3.4'));
      assert.deepEqual(await c.next(), { messageId: 4, op: 0x78, resultCode: 2 });
      c.write(wire.unbind(5));
      assert.equal(await c.next(), 'closed');
    });

    it('a message over the size limit or an unknown operation gets a Notice of Disconnection, then the connection closes', async () => {
      for (const bytes of [
        Buffer.from([0x30, 0x83, 0x05, 0x00, 0x00, 0x02, 0x01, 0x01]), // claims 320 KiB
        wire.message(1, wire.tlv(0x7e, Buffer.from('x'))), // [APPLICATION 30]: no such operation
        Buffer.from([0x30, 0x80, 0x02, 0x01, 0x01, 0x42, 0x00, 0x00, 0x00]), // indefinite length
      ]) {
        const c = await wire.rawConnection(plain);
        c.write(bytes);
        const notice = await c.next();
        assert.deepEqual(
          notice,
          {
            messageId: 0,
            op: 0x78,
            resultCode: 2,
            name: '1.3.6.1.4.1.1466.20036',
          },
          bytes.toString('hex'),
        );
        assert.equal(await c.next(), 'closed');
      }
    });
  });
});

describe('LDAP front options: StartTLS required, limits', {
  skip: requireTool(hasLdapUtils && hasOpenssl, 'ldap-utils and openssl'),
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let front: LdapFront;
  let dir: string;
  let ca: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pcl-ldap-req-'));
    const certs = makeCertificates(dir);
    ca = certs.ca;
    db = await freshDatabase();
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'dan@contoso.com', password: DAN_PASSWORD });
    front = await startLdapFront(ctx, {
      listen: 'ldap://127.0.0.1:0',
      baseDn: BASE,
      tls: { certFile: certs.cert, keyFile: certs.key },
      requireTls: true,
      limits: { idleMs: 500, maxOutstanding: 4 },
    });
  });
  after(async () => {
    await front?.close();
    await ctx?.db.destroy();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Not spawnSync: the front runs on this process's event loop.
  const whoami = (...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'ldapwhoami',
        ['-x', '-H', `ldap://127.0.0.1:${front.port}`, '-D', DAN, '-w', DAN_PASSWORD, ...args],
        { timeout: 10_000, env: { ...process.env, LDAPTLS_REQCERT: 'demand', LDAPTLS_CACERT: ca } },
        (e, stdout, stderr) =>
          resolve({ status: e ? Number((e as { code?: number }).code) : 0, stdout, stderr }),
      );
    });

  it('refuses a bind before StartTLS with confidentialityRequired (13), binds after it', async () => {
    const clear = await whoami();
    assert.equal(clear.status, 13, clear.stderr);
    assert.match(clear.stderr, /Confidentiality required \(13\)/);
    const r = await whoami('-ZZ');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `dn:${DAN}`);
    const c = new Client({ url: `ldap://127.0.0.1:${front.port}` });
    await assert.rejects(c.bind(DAN, DAN_PASSWORD), (e: { code?: number }) => e.code === 13);
    await c.startTLS({ ca: [readFileSync(ca)] });
    await c.bind(DAN, DAN_PASSWORD);
    await c.unbind();
  });

  it('answers 100 requests pipelined past the cap on outstanding ones, in order', async () => {
    const c = await wire.rawConnection(front.port);
    c.write(Buffer.concat(Array.from({ length: 100 }, (_, i) => wire.whoami(i + 1))));
    const got = await c.collect(100);
    c.close();
    assert.deepEqual(
      got.map((r) => r.messageId),
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    assert.ok(got.every((r) => r.resultCode === 48));
  });

  it('closes a connection idle past the timeout', async () => {
    const c = await wire.rawConnection(front.port);
    assert.equal(await c.next(3000), 'closed');
  });
});
