// Two Portcullis nodes on one database behind a real nginx doing round robin,
// with the proxy settings of deploy/nginx/portcullis-proxy.conf: every user
// journey works with consecutive requests landing on different nodes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { createLogger } from '../../src/log.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { hasNginx, type Nginx, startNginx } from '../helpers/nginx.ts';
import { authorize, type Person, REDIRECT } from '../helpers/oidc-person.ts';
import { addOidcApp, type OidcApp } from '../helpers/oidc-rp.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool, type ServerProcess, startServers } from '../helpers/server.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const SNIPPET = new URL('../../deploy/nginx/portcullis-proxy.conf', import.meta.url).pathname;
const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
const PASSWORD = 'nora password 1';
const SAM = 'sam@contoso.com';
const SAM_PHONE = '+420601555444';

describe(`two nodes behind nginx round robin, one ${onPostgres ? 'PostgreSQL' : 'SQLite'} database`, {
  skip: requireTool(hasNginx, 'nginx') || requireTool(hasLdapUtils, 'ldap-utils'),
}, () => {
  let db: TestDatabase;
  let nodes: ServerProcess[];
  let lb: Nginx;
  let site: string;
  let token: string;
  let mail: string;
  let oidcApp: OidcApp;
  let appPassword = '';
  const person: Person = { upn: 'nora@contoso.com', password: PASSWORD };
  /** Each TOTP step is accepted once per user: the later journeys have their own users. */
  const olga: Person = { upn: 'olga@contoso.com', password: PASSWORD, secret: 'JBSWY3DPEHPK3PXP' };
  const pete: Person = { upn: 'pete@contoso.com', password: PASSWORD, secret: 'KRSXG5CTMVRXEZLU' };
  /** Users of the crash test, each with their own authenticator. */
  const crowd: Person[] = Array.from({ length: 16 }, (_, i) => ({
    upn: `crowd${i}@contoso.com`,
    password: PASSWORD,
    secret: `KRSXG5CTMVRXEZL${'ABCDEFGHIJKLMNOP'[i]}`,
  }));
  /** The node (upstream address) that answered each request through the balancer, in order. */
  let served: string[] = [];

  /** fetch through the balancer, noting which node answered. */
  const viaBalancer = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await fetch(input, { redirect: 'manual', ...init });
    const upstream = res.headers.get('x-upstream');
    assert.ok(upstream, 'the balancer says which node answered');
    served.push(upstream);
    return res;
  };
  const browser = () => new FormClient((r) => viaBalancer(r), site);

  /** Both nodes answered, and never the same one twice in a row. */
  function assertAlternated(what: string) {
    const seen = served;
    served = [];
    assert.ok(seen.length >= 2, `${what}: ${seen.length} requests`);
    assert.equal(new Set(seen).size, 2, `${what}: both nodes served (${seen.join(' ')})`);
    for (let i = 1; i < seen.length; i++)
      assert.notEqual(seen[i], seen[i - 1], `${what}: requests ${i - 1} and ${i} on one node`);
  }

  const ldapPort = (node: ServerProcess) =>
    /"port":(\d+),"msg":"ldap listening"/.exec(node.output())?.[1];
  const ldapBind = (node: ServerProcess, secret: string) =>
    spawnSync(
      'ldapwhoami',
      [
        '-x',
        '-H',
        `ldap://127.0.0.1:${ldapPort(node)}`,
        '-D',
        `uid=${pete.upn},ou=people,o=${mail},dc=portcullis`,
        '-w',
        secret,
      ],
      { encoding: 'utf8' },
    ).status;

  const verify = (secret: string) =>
    viaBalancer(`${site}/legacy/v1/verify?app=${mail}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${pete.upn}:${secret}`).toString('base64')}`,
      },
    });
  const api = (method: string, path: string, body?: unknown) =>
    viaBalancer(`${site}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async () => {
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    // What the nodes share comes from configuration: the database, the master
    // key and the public URL (the balancer's). Each listens on its own port.
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_PUBLIC_URL: site,
      PORTCULLIS_SECRET_KEY: randomBytes(32).toString('hex'),
      PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
    });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      await migrate(ctx.db, ctx.dialect);
      await createUser(ctx, { upn: person.upn, password: PASSWORD, mfaState: 'Enabled' });
      const sam = await createUser(ctx, { upn: SAM, password: PASSWORD, mfaState: 'Enforced' });
      await addRegistration(ctx, sam.id, 'OneWaySMS', {
        ok: true,
        secret: SAM_PHONE,
        details: { masked: '+••••••••••44' },
      });
      for (const p of [olga, pete, ...crowd]) {
        const u = await createUser(ctx, { upn: p.upn, password: PASSWORD, mfaState: 'Enforced' });
        await addRegistration(ctx, u.id, 'PhoneAppOTP', {
          ok: true,
          secret: p.secret!,
          details: {},
        });
      }
      mail = (await createLegacyApp(ctx, { name: 'Mail', fronts: ['verify', 'ldap'] })).id;
      token = (await createApiToken(ctx, cliActor(), { name: 'ops' })).token;
    } finally {
      await ctx.db.destroy();
    }
    oidcApp = await addOidcApp(
      ['--name', 'Intranet', '--redirect-uri', REDIRECT, '--first-party'],
      db.env,
    );
    nodes = await startServers(db.env, 2);
    for (const node of nodes)
      for (let i = 0; i < 50 && !ldapPort(node); i++) await new Promise((r) => setTimeout(r, 100));
    lb = await startNginx(
      () => `  upstream portcullis {
    server 127.0.0.1:${nodes[0]!.port};
    server 127.0.0.1:${nodes[1]!.port};
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port};
    add_header X-Upstream $upstream_addr always;
    location / {
      proxy_pass http://portcullis;
      include ${SNIPPET};
    }
  }`,
      `${site}/healthz`,
    );
    served = [];
  });
  after(async () => {
    await lb?.stop();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await db?.drop();
  });

  it('sign-in with proof-up, then with a code: every step on the other node', async () => {
    const b = browser();
    await b.page('/');
    await b.submit('/signin', { username: person.upn, password: PASSWORD });
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    person.secret = secretFromPage(b.lastHtml);
    person.lastCodeAt = Date.now();
    await b.submit('/signin/proofup/verify', { code: codeAt(person.secret, person.lastCodeAt) });
    const home = await b.pastAppPasswordsStep();
    assert.match(textOf(home.html), /My account/);
    await b.submit('/signout', {});

    await b.page('/');
    await b.submit('/signin', { username: person.upn, password: PASSWORD });
    assert.match(b.lastHtml, /action="\/signin\/verify/);
    person.lastCodeAt += 30_000;
    const done = await b.submit('/signin/verify', {
      code: codeAt(person.secret, person.lastCodeAt),
    });
    assert.match(textOf(done.html), /My account.*nora@contoso\.com/);
    assertAlternated('sign-in');
  });

  it('a second factor by text message: the code sent by one node is accepted by the other', async () => {
    const b = browser();
    await b.page('/');
    const sent = await b.submit('/signin', { username: SAM, password: PASSWORD });
    assert.match(textOf(sent.html), /We sent a text message/);
    const ctx = createContext(db.config, { log: createLogger('silent') });
    let code: string | undefined;
    try {
      const [sms] = await outboxStore(ctx.db).list({ number: SAM_PHONE, limit: 1 });
      code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1];
    } finally {
      await ctx.db.destroy();
    }
    assert.ok(code, 'the text carries a code');
    const action = /action="(\/signin\/verify[^"]*)"/.exec(b.lastHtml)![1]!.replace(/&amp;/g, '&');
    const done = await b.submit(action, { code });
    assert.match(textOf(done.html), /My account.*sam@contoso\.com/);
    assertAlternated('text message');
  });

  it('an OpenID Connect code flow through the balancer', async () => {
    const config = await client.discovery(
      new URL(site),
      oidcApp.id,
      undefined,
      client.ClientSecretBasic(oidcApp.clientSecret),
      {
        execute: [client.allowInsecureRequests],
        [client.customFetch]: (url, options) => viaBalancer(url, options as RequestInit),
      },
    );
    const { tokens, seen } = await authorize(browser(), config, olga);
    assert.deepEqual(seen, ['password', 'verify']);
    const set = await tokens();
    assert.deepEqual(set.claims()?.amr, ['pwd', 'otp', 'mfa']);
    const info = await client.fetchUserInfo(config, set.access_token, set.claims()!.sub);
    assert.equal(info.sub, set.claims()!.sub);
    assertAlternated('OpenID Connect');
  });

  it('an app password made through one node works on the legacy fronts of both', async () => {
    const b = browser();
    await b.page('/');
    await b.submit('/signin', { username: pete.upn, password: PASSWORD });
    await b.submit('/signin/verify', { code: codeAt(pete.secret!, Date.now()) });
    await b.page('/security-info/app-passwords');
    await b.submit('/security-info/app-passwords', { name: 'Thunderbird', scope: mail });
    const secret = /id="new-app-password"[^>]*>([a-z2-9-]+)</.exec(b.lastHtml)?.[1];
    assert.ok(secret, 'the new app password is shown');
    assertAlternated('creating an app password');

    for (let i = 0; i < 4; i++) assert.equal((await verify(secret)).status, 200);
    assert.equal((await verify('wrong-password')).status, 401);
    assertAlternated('HTTP verify');
    assert.equal(ldapBind(nodes[0]!, secret), 0, 'LDAP bind on the first node');
    assert.equal(ldapBind(nodes[1]!, secret), 0, 'LDAP bind on the second node');
    appPassword = secret;
  });

  it("an admin's block and unblock, a settings change and an application's assignment take effect on the other node at once", async () => {
    const secret = appPassword;
    const upn = encodeURIComponent(pete.upn);
    for (let round = 0; round < 2; round++) {
      assert.equal((await api('PATCH', `/users/${upn}`, { blockCredential: true })).status, 200);
      assert.equal((await verify(secret)).status, 401, 'blocked: refused on the next request');
      assert.equal((await api('PATCH', `/users/${upn}`, { blockCredential: false })).status, 200);
      assert.equal((await verify(secret)).status, 200, 'unblocked: accepted on the next request');
    }
    assertAlternated('block and unblock');

    // Service settings and applications are kept by each node until they change: at once, too.
    const settings = await api('PATCH', '/settings', { appPasswordsAllowed: false });
    assert.equal(settings.status, 200);
    assert.equal((await verify(secret)).status, 401);
    assert.equal((await verify(secret)).status, 401);
    await api('PATCH', '/settings', { appPasswordsAllowed: true });
    assert.equal((await verify(secret)).status, 200);
    assert.equal((await verify(secret)).status, 200);
    assertAlternated('settings');
    const group = await api('POST', '/groups', { displayName: 'Mail users' });
    assert.equal(group.status, 201);
    const only = await api('PUT', `/applications/${mail}/access`, { groups: ['Mail users'] });
    assert.equal(only.status, 200);
    assert.equal((await verify(secret)).status, 401, 'not assigned: refused on the next request');
    assert.equal((await verify(secret)).status, 401);
    const open = await api('PUT', `/applications/${mail}/access`, { allUsers: true });
    assert.equal(open.status, 200);
    assert.equal((await verify(secret)).status, 200, 'open again: accepted on the next request');
    assert.equal((await verify(secret)).status, 200);
    assertAlternated('application access');
  });

  it('nginx logged no error, and no node logged one', () => {
    assert.equal(lb.errors().trim(), '');
    for (const node of nodes) assert.doesNotMatch(node.output(), /"level":(50|60)/);
  });

  it('kill -9 of a node in the middle of sign-ins: the other completes or cleanly fails each, nothing half-written', async () => {
    // Everyone has given their password (on both nodes) and is at the code step.
    const flows = await Promise.all(
      crowd.map(async (p) => {
        const b = browser();
        await b.page('/');
        await b.submit('/signin', { username: p.upn, password: PASSWORD });
        assert.match(b.lastHtml, /action="\/signin\/verify/, p.upn);
        return { p, b };
      }),
    );
    served = [];
    // The codes go in all at once; the second node dies while they are under way.
    const answers = flows.map(async ({ p, b }) => {
      try {
        const res = await b.post('/signin/verify', { code: codeAt(p.secret!, Date.now()) });
        return { p, b, status: res.status };
      } catch {
        return { p, b, status: 0 };
      }
    });
    await new Promise((r) => setTimeout(r, 5));
    nodes[1]!.child.kill('SIGKILL');
    const results = await Promise.all(answers);
    console.log(`# statuses after the kill: ${results.map((r) => r.status).join(' ')}`);
    for (const r of results)
      assert.ok(
        [303, 401, 410, 502].includes(r.status),
        `${r.p.upn}: ${r.status} (completed, refused, or lost with the node — never a 500)`,
      );

    // Whoever did not get in signs in again, on the node that is left.
    for (const r of results.filter((x) => x.status !== 303)) {
      const b = browser();
      await b.page('/');
      await b.submit('/signin', { username: r.p.upn, password: PASSWORD });
      const done = await b.submit('/signin/verify', {
        code: codeAt(r.p.secret!, Date.now() + 30_000),
      });
      assert.match(textOf(done.html), /My account/, `${r.p.upn} signs in again`);
    }
    for (const r of results.filter((x) => x.status === 303))
      assert.match(textOf((await r.b.page('/')).html), /My account/, `${r.p.upn} stays signed in`);

    // Nothing half-written: a session exists only for a sign-in logged as a success.
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      for (const p of crowd) {
        const user = (await ctx.stores.users.findByUpn(p.upn))!;
        const sessions = await ctx.db
          .selectFrom('sessions')
          .select('id_hash')
          .where('user_id', '=', user.id)
          .execute();
        const successes = await ctx.db
          .selectFrom('signin_log')
          .select('id')
          .where('user_id', '=', user.id)
          .where('result', '=', 'success')
          .execute();
        assert.ok(sessions.length >= 1, `${p.upn} has a session`);
        assert.ok(sessions.length <= successes.length, `${p.upn}: no session without a success`);
      }
    } finally {
      await ctx.db.destroy();
    }
    assert.doesNotMatch(
      nodes[0]!.output(),
      /"level":(50|60)/,
      'the surviving node logged no error',
    );
  });
});
