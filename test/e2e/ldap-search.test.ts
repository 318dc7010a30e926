// Search-then-bind with Debian's ldapsearch, ldapcompare and ldapwhoami: an
// application's service account searches the users who may use it and their
// groups, then the user binds through the DN the search returned.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { newUserRow } from '../../src/storage/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { BASE, type LdapDirectoryFixture, seedLdapDirectory } from '../helpers/ldap-directory.ts';
import { type LegacyMatrix, seedLegacyMatrix } from '../helpers/legacy-matrix.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasLdapUtils = spawnSync('which', ['ldapsearch']).status === 0;

/** Entries of ldapsearch -LLL output: DN → attribute lines. */
function entries(ldif: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Continuation lines (RFC 2849) start with one space.
  for (const block of ldif.replace(/\n /g, '').split(/\n\n+/)) {
    const lines = block.split('\n').filter(Boolean);
    const dn = lines.shift();
    if (!dn?.startsWith('dn: ')) continue;
    out.set(dn.slice(4), lines);
  }
  return out;
}

describe('LDAP search-then-bind with a service account (ldapsearch)', {
  skip: requireTool(hasLdapUtils, 'ldap-utils'),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url: string;
  let ctx: AppContext;
  let f: LdapDirectoryFixture;
  let matrix: LegacyMatrix;

  const run = (tool: string, args: string[]) =>
    spawnSync(tool, ['-x', '-H', url, ...args], { encoding: 'utf8', timeout: 20_000 });
  /** `args`: options (`-s base`, `-z 2`) before the filter, attribute names after it. */
  const search = (base: string, filter: string, args: string[] = [], who = f.mail) => {
    const options = args.filter((a, i) => a.startsWith('-') || args[i - 1]?.startsWith('-'));
    const attributes = args.filter((a) => !options.includes(a));
    return run('ldapsearch', [
      '-LLL',
      '-D',
      who.dn,
      '-w',
      who.secret,
      '-b',
      base,
      ...options,
      filter,
      ...attributes,
    ]);
  };
  const people = () => `ou=people,o=${f.mail.id},${BASE}`;

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
      PORTCULLIS_LDAP_BASE_DN: BASE,
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    f = await seedLdapDirectory(ctx);
    matrix = await seedLegacyMatrix(ctx, 'search', { ldapServiceAccounts: true });
    // Enough users in the open application to need several pages and the server's own cap.
    const now = Date.now();
    const many = Array.from({ length: 1100 }, (_, i) =>
      newUserRow(
        { id: crypto.randomUUID(), upn: `user${String(i).padStart(4, '0')}@fabrikam.com` },
        now,
      ),
    );
    for (let i = 0; i < many.length; i += 200)
      await ctx.db
        .insertInto('users')
        .values(many.slice(i, i + 200))
        .execute();
    server = await startServerProcess(db.env);
    url = `ldap://127.0.0.1:${await server.frontPort('ldap')}`;
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('finds a user by uid as an inetOrgPerson under the application, with memberOf', () => {
    const r = search(people(), '(&(objectClass=inetOrgPerson)(uid=alice@contoso.com))');
    assert.equal(r.status, 0, r.stderr);
    const found = entries(r.stdout);
    const dn = f.userDn('alice@contoso.com', f.mail.id);
    assert.deepEqual([...found.keys()], [dn]);
    const lines = found.get(dn)!;
    for (const line of [
      'objectClass: inetOrgPerson',
      'objectClass: organizationalPerson',
      'objectClass: person',
      'objectClass: top',
      'uid: alice@contoso.com',
      'mail: alice@contoso.com',
      'cn: Alice Archer',
      'displayName: Alice Archer',
      'givenName: Alice',
      'sn: Archer',
      `memberOf: cn=Finance,ou=groups,o=${f.mail.id},${BASE}`,
      `memberOf: cn=Staff,ou=groups,o=${f.mail.id},${BASE}`,
    ])
      assert.ok(lines.includes(line), `${line} in ${lines.join(' | ')}`);
  });

  it('reads ou=people and ou=groups without the application as the application’s own', () => {
    const r = search(`ou=people,${BASE}`, '(uid=alice@contoso.com)', ['dn']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([...entries(r.stdout).keys()], [f.userDn('alice@contoso.com', f.mail.id)]);
    const g = search(`ou=groups,${BASE}`, '(cn=staff)', ['cn']);
    assert.deepEqual([...entries(g.stdout).keys()], [`cn=Staff,ou=groups,o=${f.mail.id},${BASE}`]);
  });

  it('shows only users allowed to use the application, not blocked ones', () => {
    const r = search(people(), '(objectClass=*)', ['uid']);
    assert.equal(r.status, 0, r.stderr);
    // The subtree holds ou=people itself too (no uid).
    const uids = [...entries(r.stdout).values()]
      .map((l) => l[0])
      .filter(Boolean)
      .sort();
    assert.deepEqual(uids, [
      'uid: alice@contoso.com',
      'uid: dave@contoso.com',
      "uid: o'hara+mail=1@contoso.com",
    ]);
    // Carol is in no group of the application, Erin only in another's, Bob is blocked.
    for (const upn of ['carol', 'erin', 'bob'])
      assert.equal(entries(search(people(), `(uid=${upn}@contoso.com)`).stdout).size, 0, upn);
    // The other application's account sees its own users only.
    const other = search(
      `ou=people,o=${f.other.id},${BASE}`,
      '(objectClass=person)',
      ['uid'],
      f.other,
    );
    assert.deepEqual([...entries(other.stdout).values()].map((l) => l[0]).sort(), [
      'uid: alice@contoso.com',
      'uid: erin@contoso.com',
    ]);
  });

  it('evaluates filters on uid, mail, cn, memberOf and objectClass: equality, substring, presence, and/or/not', () => {
    const uids = (filter: string) =>
      [...entries(search(people(), filter, ['uid']).stdout).values()]
        .map((l) => l[0]!.slice(5))
        .sort();
    const staff = `cn=Staff,ou=groups,o=${f.mail.id},${BASE}`;
    const finance = `cn=Finance,ou=groups,o=${f.mail.id},${BASE}`;
    assert.deepEqual(uids('(mail=DAVE@contoso.com)'), ['dave@contoso.com']);
    assert.deepEqual(uids('(cn=*archer)'), ['alice@contoso.com']);
    assert.deepEqual(uids('(uid=o*)'), ["o'hara+mail=1@contoso.com"]);
    assert.deepEqual(uids('(givenName=*)'), ['alice@contoso.com']);
    assert.deepEqual(uids(`(memberOf=${finance})`), ['alice@contoso.com']);
    assert.deepEqual(uids(`(&(memberOf=${staff})(!(memberOf=${finance})))`), [
      'dave@contoso.com',
      "o'hara+mail=1@contoso.com",
    ]);
    assert.deepEqual(
      uids('(|(uid=dave@contoso.com)(mail=alice@contoso.com)(uid=carol@contoso.com))'),
      ['alice@contoso.com', 'dave@contoso.com'],
    );
    assert.deepEqual(uids('(objectClass=groupOfNames)'), []);
    assert.deepEqual(uids(`(uid=o'hara+mail=1@contoso.com)`), ["o'hara+mail=1@contoso.com"]);
  });

  it('lists groups with cn, description and the visible members', () => {
    const r = search(`ou=groups,o=${f.mail.id},${BASE}`, '(objectClass=groupOfNames)');
    assert.equal(r.status, 0, r.stderr);
    const found = entries(r.stdout);
    const staff = found.get(`cn=Staff,ou=groups,o=${f.mail.id},${BASE}`)!;
    assert.ok(staff.includes('cn: Staff'));
    assert.ok(staff.includes('description: Everyone on the payroll'));
    const members = staff.filter((l) => l.startsWith('member: ')).sort();
    assert.deepEqual(members, [
      `member: ${f.userDn('alice@contoso.com', f.mail.id)}`,
      `member: ${f.userDn('dave@contoso.com', f.mail.id)}`,
      `member: ${f.userDn("o'hara+mail=1@contoso.com", f.mail.id)}`,
    ]);
    assert.ok(found.has(`cn=Empty,ou=groups,o=${f.mail.id},${BASE}`));
    const byMember = search(
      `ou=groups,o=${f.mail.id},${BASE}`,
      `(&(objectClass=groupOfNames)(member=${f.userDn('alice@contoso.com', f.mail.id)}))`,
      ['cn'],
    );
    assert.deepEqual([...entries(byMember.stdout).values()].map((l) => l[0]).sort(), [
      'cn: Finance',
      'cn: Staff',
    ]);
  });

  it('answers a subtree search of the base with its own tree, and base-scope reads', () => {
    const r = search(BASE, '(objectClass=*)', ['dn']);
    assert.equal(r.status, 0, r.stderr);
    const dns = [...entries(r.stdout).keys()];
    for (const dn of [
      BASE,
      `o=${f.mail.id},${BASE}`,
      people(),
      `ou=groups,o=${f.mail.id},${BASE}`,
      f.userDn('dave@contoso.com', f.mail.id),
      `cn=Staff,ou=groups,o=${f.mail.id},${BASE}`,
    ])
      assert.ok(dns.includes(dn), dn);
    assert.ok(!dns.some((dn) => dn.includes(f.other.id)), 'nothing of another application');
    const one = search(f.userDn('dave@contoso.com', f.mail.id), '(objectClass=*)', [
      '-s',
      'base',
      'uid',
    ]);
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual([...entries(one.stdout).keys()], [f.userDn('dave@contoso.com', f.mail.id)]);
    const missing = search(f.userDn('carol@contoso.com', f.mail.id), '(objectClass=*)', [
      '-s',
      'base',
    ]);
    assert.equal(missing.status, 32, 'an unassigned user is not there');
  });

  it('refuses other applications’ trees', () => {
    assert.equal(search(`ou=people,o=${f.other.id},${BASE}`, '(objectClass=*)').status, 32);
    assert.equal(search(`o=${f.other.id},${BASE}`, '(objectClass=*)').status, 32);
    assert.equal(search('dc=elsewhere', '(objectClass=*)').status, 32);
  });

  it('honours the size limit with sizeLimitExceeded, and pages through many users', () => {
    const r = search(people(), '(objectClass=*)', ['-z', '2', 'uid']);
    assert.equal(r.status, 4, 'sizeLimitExceeded');
    assert.equal(entries(r.stdout).size, 2);
    const all = search(
      `ou=people,o=${f.open.id},${BASE}`,
      '(uid=user*)',
      ['-z', '1050', '1.1'],
      f.open,
    );
    assert.equal(all.status, 4, 'the server stops at its own cap of 1000');
    assert.equal(entries(all.stdout).size, 1000);
    const last = search(
      `ou=people,o=${f.open.id},${BASE}`,
      '(uid=user1099@fabrikam.com)',
      ['1.1'],
      f.open,
    );
    assert.equal(last.status, 0, last.stderr);
    assert.equal(entries(last.stdout).size, 1);
  });

  it('compares member values of a group (Apache’s Require ldap-group)', () => {
    const group = `cn=Staff,ou=groups,o=${f.mail.id},${BASE}`;
    const cmp = (value: string) =>
      run('ldapcompare', ['-D', f.mail.dn, '-w', f.mail.secret, group, `member:${value}`]);
    assert.equal(cmp(f.userDn('dave@contoso.com', f.mail.id)).status, 6, 'compareTrue');
    assert.equal(cmp(f.userDn('erin@contoso.com', f.mail.id)).status, 5, 'compareFalse');
  });

  it('then binds the user through the DN the search returned', async () => {
    const dn = (upn: string) => {
      const r = search(people(), `(uid=${upn})`, ['1.1']);
      return [...entries(r.stdout).keys()][0]!;
    };
    const whoami = (bindDn: string, password: string) =>
      run('ldapwhoami', ['-D', bindDn, '-w', password]);
    assert.equal(whoami(dn('alice@contoso.com'), 'alice password 1').status, 0);
    assert.equal(whoami(dn('dave@contoso.com'), f.davePassword).status, 0, 'scoped app password');
    assert.equal(whoami(dn('dave@contoso.com'), 'dave password 1').status, 49, 'Enforced');
    assert.equal(whoami(dn("o'hara+mail=1@contoso.com"), f.odd.password).status, 0);
    // Carol is not found, and binding through the application's DN anyway is refused.
    assert.equal(whoami(f.userDn('carol@contoso.com', f.mail.id), 'carol password 1').status, 49);
    const logged = await ctx.db
      .selectFrom('signin_log')
      .select(['result', 'reason', 'application'])
      .where('upn', '=', 'carol@contoso.com')
      .execute();
    assert.deepEqual(logged, [
      { result: 'failure', reason: 'not assigned to this application', application: f.mail.id },
    ]);
  });

  it('follows the MFA state × credential table by search-then-bind: the application’s service account finds the user by uid, who binds through the DN found', async () => {
    // The tree holds every user who may use the application: all but these.
    const notInTree = ['blocked, account password', 'blocked, app password', 'unknown user'];
    assert.deepEqual(
      notInTree.filter((t) => !matrix.cases.some((c) => c.title === t)),
      [],
      'rows of the table',
    );
    for (const c of matrix.cases) {
      const app = matrix.apps[c.app];
      const account = { ...matrix.serviceAccounts![c.app], id: app };
      const dn = f.userDn(c.upn, app);
      const r = search(
        `ou=people,o=${app},${BASE}`,
        `(&(objectClass=inetOrgPerson)(uid=${c.upn}))`,
        ['1.1'],
        account,
      );
      assert.equal(r.status, 0, `${c.title}: ${r.stderr}`);
      const found = [...entries(r.stdout).keys()];
      let bindDn: string;
      if (notInTree.includes(c.title)) {
        // Not in the application's tree: a blocked user may use no application, an unknown one is no one.
        assert.deepEqual(found, [], c.title);
        const read = search(dn, '(objectClass=*)', ['-s', 'base', '1.1'], account);
        assert.equal(read.status, 32, `${c.title}: noSuchObject`);
        // A client that binds through the application's DN anyway is refused, and logged.
        bindDn = dn;
      } else {
        assert.deepEqual(found, [dn], c.title);
        bindDn = found[0]!;
      }
      const who = run('ldapwhoami', ['-D', bindDn, '-w', c.secret]);
      assert.equal(who.status, c.accept ? 0 : 49, `${c.title}: ${who.stderr}`);
      if (c.accept) assert.equal(who.stdout.trim(), `dn:${dn}`, c.title);
    }
    await matrix.assertLogged(ctx, 'ldap');
  });

  it('the service account is no user: it cannot bind as one, and its binds are not sign-ins', async () => {
    assert.equal(
      run('ldapwhoami', ['-D', f.userDn('alice@contoso.com', f.mail.id), '-w', f.mail.secret])
        .status,
      49,
    );
    const who = run('ldapwhoami', ['-D', f.mail.dn, '-w', f.mail.secret]);
    assert.equal(who.status, 0, who.stderr);
    assert.equal(who.stdout.trim(), `dn:${f.mail.dn}`);
    const logged = await ctx.db
      .selectFrom('signin_log')
      .select('upn')
      .where('upn', 'like', '%service%')
      .execute();
    assert.deepEqual(logged, []);
  });

  it('refuses a wrong secret (49) and throttles guesses: then even the right one waits', async () => {
    const bind = (secret: string) => run('ldapwhoami', ['-D', f.open.dn, '-w', secret]).status;
    assert.equal(bind(f.open.secret), 0);
    for (let i = 0; i < 6; i++) assert.equal(bind('wrong secret'), 49);
    assert.equal(bind(f.open.secret), 49, 'held back after five free failures');
    // The log is written asynchronously.
    await server.waitFor(
      /"reason":"wrong service-account secret".*"msg":"LDAP service-account bind refused"/,
    );
    // Another application's account from the same address is not held back.
    assert.equal(run('ldapwhoami', ['-D', f.mail.dn, '-w', f.mail.secret]).status, 0);
  });
});
