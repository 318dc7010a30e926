// Search-then-bind with the clients people run: Apache httpd's mod_authnz_ldap
// protecting a page with Basic auth (Require valid-user, Require ldap-group),
// and Dovecot's LDAP passdb with auth_bind (search with the service account,
// then bind as the DN found; and auth_bind_userdn, a DN template), checked
// with `doveadm auth test` against a test-local Dovecot.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { type Apache, hasApache, MODULES, startApache } from '../helpers/apache.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { BASE, type LdapDirectoryFixture, seedLdapDirectory } from '../helpers/ldap-directory.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasModAuthnzLdap = existsSync(path.join(MODULES, 'mod_authnz_ldap.so'));
const hasDovecotLdap =
  spawnSync('which', ['dovecot']).status === 0 &&
  existsSync('/usr/lib/dovecot/modules/auth/libauthdb_ldap.so');

/** Portcullis with the LDAP front, on a database seeded with the directory fixture. */
async function portcullis() {
  const db = await freshDatabase({
    PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
    PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
    PORTCULLIS_LDAP_BASE_DN: BASE,
  });
  const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
  await migrate(ctx.db, ctx.dialect);
  const f = await seedLdapDirectory(ctx);
  const server = await startServerProcess(db.env);
  const port = await server.frontPort('ldap');
  return { db, ctx, f, server, port };
}

describe('Apache mod_authnz_ldap protects a page through the service account', {
  skip: requireTool(hasApache && hasModAuthnzLdap, 'apache2 with mod_authnz_ldap'),
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let apache: Apache;
  let f: LdapDirectoryFixture;
  let site: string;

  const get = (page: string, upn: string, password: string) =>
    fetch(`${site}${page}`, {
      headers: { authorization: `Basic ${Buffer.from(`${upn}:${password}`).toString('base64')}` },
    }).then((r) => r.status);

  before(async () => {
    let port: number;
    ({ db, ctx, f, server, port } = await portcullis());
    const apachePort = await freePort();
    site = `http://127.0.0.1:${apachePort}`;
    const location = (where: string, require: string) => `<Location ${where}>
  AuthType Basic
  AuthName "Mail"
  AuthBasicProvider ldap
  AuthLDAPURL "ldap://127.0.0.1:${port}/ou=people,o=${f.mail.id},${BASE}?uid?sub?(objectClass=inetOrgPerson)"
  AuthLDAPBindDN "${f.mail.dn}"
  AuthLDAPBindPassword "${f.mail.secret}"
  AuthLDAPGroupAttribute member
  AuthLDAPGroupAttributeIsDN on
  ${require}
</Location>`;
    apache = await startApache({
      port: apachePort,
      modules: [
        'authn_core',
        'authz_core',
        'authz_user',
        'auth_basic',
        'mime',
        'ldap',
        'authnz_ldap',
      ],
      files: {
        'html/index.html': 'open\n',
        'html/protected/index.html': 'the protected page\n',
        'html/finance/index.html': 'the finance page\n',
      },
      // Every request asks Portcullis: no cached searches, binds or compares.
      config: () => `LDAPCacheEntries 0
LDAPOpCacheEntries 0
${location('/protected', 'Require valid-user')}
${location('/finance', `Require ldap-group cn=Finance,ou=groups,o=${f.mail.id},${BASE}`)}
`,
      probe: `${site}/index.html`,
    });
  });
  after(async () => {
    await apache?.stop();
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('lets a user in with their password or an app password scoped to the application', async () => {
    assert.equal(
      await get('/protected/index.html', 'alice@contoso.com', 'alice password 1'),
      200,
      apache.errors(),
    );
    assert.equal(
      await get('/protected/index.html', 'dave@contoso.com', f.davePassword),
      200,
      'scoped app password',
    );
    assert.equal(
      await get('/protected/index.html', f.odd.upn, f.odd.password),
      200,
      'a UPN that needs escaping',
    );
  });

  it('refuses a wrong password, an Enforced user’s account password, an unassigned and a blocked user (401)', async () => {
    assert.equal(await get('/protected/index.html', 'alice@contoso.com', 'wrong password'), 401);
    assert.equal(await get('/protected/index.html', 'dave@contoso.com', 'dave password 1'), 401);
    assert.equal(await get('/protected/index.html', 'carol@contoso.com', 'carol password 1'), 401);
    assert.equal(await get('/protected/index.html', 'bob@contoso.com', 'bob password 1'), 401);
    assert.equal(await get('/protected/index.html', 'erin@contoso.com', 'erin password 1'), 401);
  });

  it('Require ldap-group lets in members of the group only', async () => {
    assert.equal(
      await get('/finance/index.html', 'alice@contoso.com', 'alice password 1'),
      200,
      apache.errors(),
    );
    assert.equal(await get('/finance/index.html', 'dave@contoso.com', f.davePassword), 401);
  });
});

/** A Dovecot of its own in a temporary directory: `doveadm auth test` against its auth socket. */
function startDovecot(ldapConf: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-dovecot-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state']) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, 'dovecot-ldap.conf.ext'), ldapConf, { mode: 0o644 });
  const root = process.getuid?.() === 0;
  const me = root ? null : spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `# A test-local Dovecot: its own base and state directories, no listener but the auth socket.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols =
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain
auth_cache_size = 0
auth_failure_delay = 0
# The default leaves out characters a UPN may hold (RFC 5322 atext): ' + = and more.
auth_username_chars = abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@'+=!#$%&*/?^\`{|}~
auth_verbose = yes
${root ? '' : `default_internal_user = ${me}\ndefault_login_user = ${me}\ndefault_internal_group = ${me}\n`}
service auth {
  unix_listener auth-test {
    mode = 0666
  }
}
passdb {
  driver = ldap
  args = ${dir}/dovecot-ldap.conf.ext
}
userdb {
  driver = static
  args = uid=dovenull gid=dovenull home=${dir}/home/%u allow_all_users=yes
}
`,
  );
  const conf = path.join(dir, 'dovecot.conf');
  const child = spawn('dovecot', ['-F', '-c', conf], { stdio: 'ignore' });
  const log = () => {
    try {
      return readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    log,
    async ready() {
      for (let i = 0; i < 100 && !existsSync(path.join(dir, 'run', 'auth-test')); i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.ok(existsSync(path.join(dir, 'run', 'auth-test')), `dovecot did not start: ${log()}`);
    },
    /** `doveadm auth test`: 0 when the password is right. */
    auth(user: string, password: string) {
      return spawnSync(
        'doveadm',
        ['-c', conf, 'auth', 'test', '-a', path.join(dir, 'run', 'auth-test'), user, password],
        { encoding: 'utf8', timeout: 20_000 },
      );
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('Dovecot passdb ldap with auth_bind against the LDAP front', {
  skip: requireTool(hasDovecotLdap, 'dovecot-core and dovecot-ldap'),
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let f: LdapDirectoryFixture;
  let port: number;

  before(async () => {
    ({ db, ctx, f, server, port } = await portcullis());
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  const modes = {
    'search-then-bind (dn/dnpass, pass_filter)': () => `uris = ldap://127.0.0.1:${port}
ldap_version = 3
dn = ${f.mail.dn}
dnpass = ${f.mail.secret}
base = ou=people,o=${f.mail.id},${BASE}
scope = subtree
auth_bind = yes
pass_filter = (&(objectClass=inetOrgPerson)(uid=%u))
pass_attrs = uid=user
`,
    'a DN template (auth_bind_userdn)': () => `uris = ldap://127.0.0.1:${port}
ldap_version = 3
dn = ${f.mail.dn}
dnpass = ${f.mail.secret}
base = ou=people,o=${f.mail.id},${BASE}
auth_bind = yes
auth_bind_userdn = uid=%u,ou=people,o=${f.mail.id},${BASE}
`,
  };

  for (const [mode, conf] of Object.entries(modes))
    it(`signs users in through ${mode}`, async () => {
      const dovecot = startDovecot(conf());
      try {
        await dovecot.ready();
        const ok = (user: string, password: string, what: string) => {
          const r = dovecot.auth(user, password);
          assert.equal(r.status, 0, `${what}: ${r.stdout}${r.stderr}\n${dovecot.log()}`);
        };
        const refused = (user: string, password: string, what: string) => {
          const r = dovecot.auth(user, password);
          assert.notEqual(r.status, 0, `${what}: ${r.stdout}`);
          assert.match(r.stdout + r.stderr, /auth failed/, what);
        };
        ok('alice@contoso.com', 'alice password 1', 'account password (Disabled)');
        ok('dave@contoso.com', f.davePassword, 'app password scoped to the mail application');
        ok(f.odd.upn, f.odd.password, 'a UPN with characters a DN escapes');
        refused('alice@contoso.com', 'wrong password', 'wrong password');
        refused('dave@contoso.com', 'dave password 1', 'Enforced: no account password');
        refused('carol@contoso.com', 'carol password 1', 'not assigned to the application');
        refused('bob@contoso.com', 'bob password 1', 'blocked');
      } finally {
        await dovecot.stop();
      }
    });
});
