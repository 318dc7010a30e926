// `portcullis app secret`, `app remove` and post-logout redirect URIs (`app add
// --post-logout-redirect-uri`, `app set`, `app get`), run twice with the same
// checks: on the local database (as "cli") and against a running server through
// its admin API. The running server's token and end-session endpoints show the effect.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { clientSecretOf } from '../src/services/applications.ts';
import { isLdapServiceSecret } from '../src/services/ldap-service-accounts.ts';
import { type CliResult, runCli } from './helpers/cli.ts';
import { freshDatabase, onPostgres, type TestDatabase } from './helpers/db.ts';
import { type ServerProcess, startServerProcess } from './helpers/server.ts';

type Mode = 'local' | 'remote';

/** A command that failed the way the CLI promises: non-zero, one `portcullis:` line, no stack. */
function assertFails(r: CliResult, message: RegExp, what: string): void {
  assert.notEqual(r.code, 0, `${what} should fail; stdout: ${r.stdout}`);
  assert.match(r.stderr, /^portcullis: /, `${what}: ${r.stderr}`);
  assert.match(r.stderr, message, what);
  assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line: ${r.stderr}`);
}

function ok(r: CliResult, what = ''): string {
  assert.equal(r.code, 0, `${what} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function suite(mode: Mode): void {
  describe(`portcullis app secret / remove / set, ${mode} (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let db: TestDatabase;
    let server: ServerProcess;
    let env: Record<string, string>;
    const actor = mode === 'local' ? 'cli' : `token apps-${mode}`;
    const cli = (args: string[]) => runCli(args, env);

    async function withCtx<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
      const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 2 } });
      try {
        await migrate(ctx.db, ctx.dialect);
        return await work(ctx);
      } finally {
        await ctx.db.destroy();
      }
    }
    const storedSecret = (id: string) =>
      withCtx(async (ctx) => {
        const row = await ctx.db
          .selectFrom('applications')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? clientSecretOf(ctx, row) : undefined;
      });
    const auditOf = (action: string, id: string) =>
      withCtx(async (ctx) =>
        (
          await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
        ).filter((e) => e.detail.includes(`"${id}"`)),
      );
    /** A client credentials grant at the running server's token endpoint. */
    const grant = (id: string, secret: string) =>
      fetch(`${server.url}/oidc/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      }).then((r) => r.status);
    /**
     * The server sees a change made through its API at once; one made by another
     * process (the local CLI) once its one-second cache of the client runs out.
     */
    const settle = () => (mode === 'local' ? sleep(1200) : Promise.resolve());
    const addClient = async (name: string) =>
      JSON.parse(ok(await cli(['app', 'add', '--name', name, '--machine', '--json']))) as {
        id: string;
        clientSecret: string;
      };

    before(async () => {
      db = await freshDatabase();
      const t = await runCli(['token', 'create', '--name', `apps-${mode}`, '--json'], db.env);
      assert.equal(t.code, 0, t.stderr);
      const token = (JSON.parse(t.stdout) as { token: string }).token;
      server = await startServerProcess(db.env);
      env =
        mode === 'local'
          ? { ...db.env, PORTCULLIS_URL: '', PORTCULLIS_API_TOKEN: '' }
          : { ...db.env, PORTCULLIS_URL: server.url, PORTCULLIS_API_TOKEN: token };
    });
    after(async () => {
      await server?.stop();
      await db?.drop();
    });

    it('app add --device registers a public device client: an id, no secret', async () => {
      const human = ok(await cli(['app', 'add', '--name', 'Deploy CLI', '--device']), 'app add');
      const id = /^client_id: +(app-[0-9a-f]{12})$/m.exec(human)?.[1];
      assert.ok(id, human);
      assert.doesNotMatch(human, /client_secret/);
      assert.match(human, /A public client: no secret\. Its users sign in at \/device/);
      const row = await withCtx((ctx) =>
        ctx.db
          .selectFrom('applications')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      );
      assert.equal(row.client_secret_sealed, null);
      assert.ok(
        JSON.parse(row.grant_types).includes('urn:ietf:params:oauth:grant-type:device_code'),
      );
    });

    it('app add and app set keep, show and remove a back-channel logout URI', async () => {
      const created = JSON.parse(
        ok(
          await cli([
            'app',
            'add',
            '--name',
            'Tickets',
            '--redirect-uri',
            'https://tickets.contoso.com/cb',
            '--backchannel-logout-uri',
            'https://tickets.contoso.com/bc',
            '--json',
          ]),
        ),
      ) as { id: string; backchannelLogoutUri: string | null };
      assert.equal(created.backchannelLogoutUri, 'https://tickets.contoso.com/bc');
      assert.match(
        ok(await cli(['app', 'get', created.id])),
        /BackchannelLogoutUri\s*:\s*https:\/\/tickets\.contoso\.com\/bc/,
      );
      const bad = await cli(['app', 'set', created.id, '--backchannel-logout-uri', 'ftp://x']);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /Back-channel logout URIs use https/);
      const cleared = JSON.parse(
        ok(await cli(['app', 'set', created.id, '--no-backchannel-logout-uri', '--json'])),
      ) as { backchannelLogoutUri: string | null };
      assert.equal(cleared.backchannelLogoutUri, null);
    });

    it('app secret prints a new client secret once; the old one stops working', async () => {
      const client = await addClient('Reports');
      assert.equal(await grant(client.id, client.clientSecret), 200);
      const human = ok(await cli(['app', 'secret', client.id]), 'app secret');
      const secret = /^client_secret: (\S+)$/m.exec(human)?.[1];
      assert.ok(secret, human);
      assert.match(human, new RegExp(`^client_id: +${client.id}$`, 'm'));
      assert.match(human, /shown only once/);
      assert.notEqual(secret, client.clientSecret);
      assert.equal(await storedSecret(client.id), secret);
      const json = JSON.parse(ok(await cli(['app', 'secret', client.id, '--json']))) as {
        id: string;
        clientSecret: string;
      };
      assert.equal(json.id, client.id);
      assert.notEqual(json.clientSecret, secret);
      assert.equal(await storedSecret(client.id), json.clientSecret);
      await settle();
      assert.equal(await grant(client.id, client.clientSecret), 401, 'the first secret is refused');
      assert.equal(await grant(client.id, secret!), 401, 'so is the second');
      assert.equal(await grant(client.id, json.clientSecret), 200, 'the newest works');
      const entries = await auditOf('application_secret_changed', client.id);
      assert.equal(entries.length, 2);
      assert.ok(entries.every((e) => e.actor === actor));
      assert.ok(!JSON.stringify(entries).includes(json.clientSecret), 'no secret in the log');
    });

    it('app secret refuses a legacy application and an unknown id, on one line', async () => {
      const legacy = ok(await cli(['app', 'add', '--name', 'Mail', '--legacy'])).trim();
      assertFails(
        await cli(['app', 'secret', legacy]),
        /"Mail" is a legacy application: it has no client secret/,
        'secret of a legacy app',
      );
      assertFails(
        await cli(['app', 'secret', 'app-000000000000']),
        /No application has the id "app-000000000000"/,
        'secret of an unknown app',
      );
    });

    /**
     * Whether the running server's end-session endpoint takes the URI for the
     * client: 200 (the sign-out form) or 400 "post_logout_redirect_uri not registered".
     */
    const endSession = (id: string, uri: string) =>
      fetch(
        `${server.url}/oidc/session/end?${new URLSearchParams({ client_id: id, post_logout_redirect_uri: uri })}`,
        { headers: { accept: 'text/html' } },
      ).then(async (r) => ({ status: r.status, text: await r.text() }));

    it('app add --post-logout-redirect-uri (repeatable), app get / list show them, app set changes them', async () => {
      const bye = 'https://wiki.contoso.com/loggedout.html';
      const local = 'http://localhost:8080/bye';
      const created = JSON.parse(
        ok(
          await cli([
            'app',
            'add',
            '--name',
            'Wiki',
            '--redirect-uri',
            'https://wiki.contoso.com/redirect_uri',
            '--post-logout-redirect-uri',
            bye,
            '--post-logout-redirect-uri',
            local,
            '--json',
          ]),
          'app add',
        ),
      ) as { id: string; postLogoutRedirectUris: string[]; clientSecret: string };
      assert.deepEqual(created.postLogoutRedirectUris, [bye, local]);
      const got = JSON.parse(ok(await cli(['app', 'get', created.id, '--json']))) as {
        id: string;
        postLogoutRedirectUris: string[];
        clientSecret?: string;
      };
      assert.deepEqual(got.postLogoutRedirectUris, [bye, local]);
      assert.equal(got.clientSecret, undefined, 'the secret is shown once only');
      const human = ok(await cli(['app', 'get', created.id]));
      assert.match(human, new RegExp(`^PostLogoutRedirectUris +: \\{${bye}, ${local}\\}$`, 'm'));
      const listed = JSON.parse(ok(await cli(['app', 'list', '--json']))) as {
        id: string;
        postLogoutRedirectUris: string[];
      }[];
      assert.deepEqual(listed.find((a) => a.id === created.id)?.postLogoutRedirectUris, [
        bye,
        local,
      ]);
      await settle();
      assert.equal((await endSession(created.id, bye)).status, 200, 'the server takes it');

      const other = 'https://wiki.contoso.com/goodbye';
      const set = JSON.parse(
        ok(await cli(['app', 'set', created.id, '--post-logout-redirect-uri', other, '--json'])),
      ) as { redirectUris: string[]; postLogoutRedirectUris: string[] };
      assert.deepEqual(set.postLogoutRedirectUris, [other], 'replaced');
      assert.deepEqual(set.redirectUris, ['https://wiki.contoso.com/redirect_uri'], 'kept');
      const [entry] = await auditOf('application_changed', created.id);
      assert.equal(entry?.actor, actor);
      await settle();
      assert.equal((await endSession(created.id, other)).status, 200);
      const refused = await endSession(created.id, bye);
      assert.equal(refused.status, 400);
      assert.match(refused.text, /post_logout_redirect_uri not registered/);

      assertFails(
        await cli([
          'app',
          'set',
          created.id,
          '--post-logout-redirect-uri',
          'http://wiki.contoso.com/bye',
        ]),
        /Post-logout redirect URIs use https \(http only for localhost\)/,
        'an http URI',
      );
      assertFails(await cli(['app', 'set', created.id]), /Say what to change/, 'nothing to set');
      const still = JSON.parse(ok(await cli(['app', 'get', created.id, '--json']))) as {
        postLogoutRedirectUris: string[];
      };
      assert.deepEqual(still.postLogoutRedirectUris, [other], 'a refusal changes nothing');

      const none = JSON.parse(
        ok(await cli(['app', 'set', created.id, '--no-post-logout-redirect-uri', '--json'])),
      ) as { postLogoutRedirectUris: string[] };
      assert.deepEqual(none.postLogoutRedirectUris, []);
    });

    it('app add --legacy --radius-mode mfa, app set --radius-mode / --radius-message-authenticator, app get shows them', async () => {
      const created = JSON.parse(
        ok(
          await cli([
            'app',
            'add',
            '--legacy',
            '--name',
            'VPN',
            '--radius-secret',
            'vpn-secret-0123456789',
            '--radius-mode',
            'mfa',
            '--json',
          ]),
          'app add',
        ),
      ) as { id: string; radiusMode: string; radiusMessageAuthenticator: boolean };
      assert.equal(created.radiusMode, 'mfa');
      assert.equal(created.radiusMessageAuthenticator, true);
      const plain = JSON.parse(
        ok(await cli(['app', 'add', '--legacy', '--name', 'Mail', '--json'])),
      ) as { radiusMode: string };
      assert.equal(plain.radiusMode, 'app-password', 'the default is what RADIUS always did');
      const changed = JSON.parse(
        ok(
          await cli([
            'app',
            'set',
            created.id,
            '--radius-mode',
            'app-password',
            '--radius-message-authenticator',
            'no',
            '--json',
          ]),
          'app set',
        ),
      ) as { radiusMode: string; radiusMessageAuthenticator: boolean };
      assert.equal(changed.radiusMode, 'app-password');
      assert.equal(changed.radiusMessageAuthenticator, false);
      const shown = ok(await cli(['app', 'get', created.id]));
      assert.match(shown, /RadiusMode\s*:\s*app-password/);
      assert.match(shown, /RadiusMessageAuthenticator\s*:\s*optional/);
      const [entry] = (await auditOf('application_changed', created.id)).slice(-1);
      assert.equal(entry?.actor, actor);
      assert.equal(JSON.parse(entry!.detail).radiusMode, 'app-password');
      assertFails(
        await cli(['app', 'set', created.id, '--radius-mode', 'otp']),
        /Unknown RADIUS mode "otp": use app-password or mfa/,
        'an unknown mode',
      );
      const client = await addClient('Robot');
      assertFails(
        await cli(['app', 'set', client.id, '--radius-mode', 'mfa']),
        /OpenID Connect client: it has no RADIUS settings/,
        'a client has no RADIUS settings',
      );
      assertFails(
        await cli(['app', 'add', '--name', 'X', '--machine', '--radius-mode', 'mfa']),
        /--radius-mode and --no-radius-message-authenticator are for --legacy/,
        'a client takes no RADIUS mode',
      );
    });

    const serviceSecretWorks = (id: string, secret: string) =>
      withCtx(async (ctx) => {
        const row = await ctx.db
          .selectFrom('applications')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.ok(!JSON.stringify(row).includes(secret), 'only a hash is stored');
        return isLdapServiceSecret(ctx, row, secret);
      });

    it('app add --legacy --ldap-service-account prints the DN and secret once; app ldap-service-account replaces it, --remove deletes it', async () => {
      const human = ok(
        await cli([
          'app',
          'add',
          '--name',
          'Intranet',
          '--legacy',
          '--fronts',
          'ldap',
          '--ldap-service-account',
        ]),
      );
      const [id] = human.trim().split('\n');
      assert.match(id!, /^app-[0-9a-f]{12}$/);
      assert.match(human, new RegExp(`^bind_dn: +cn=service,o=${id},dc=portcullis$`, 'm'));
      const first = /^bind_password: (\S+)$/m.exec(human)?.[1];
      assert.ok(first, human);
      assert.match(human, /shown only once/);
      assert.equal(await serviceSecretWorks(id!, first!), true);
      const json = JSON.parse(ok(await cli(['app', 'ldap-service-account', id!, '--json']))) as {
        dn: string;
        secret: string;
      };
      assert.equal(json.dn, `cn=service,o=${id},dc=portcullis`);
      assert.equal(await serviceSecretWorks(id!, first!), false, 'the old secret stops working');
      assert.equal(await serviceSecretWorks(id!, json.secret), true);
      const shown = JSON.parse(ok(await cli(['app', 'get', id!, '--json']))) as {
        hasLdapServiceAccount: boolean;
      };
      assert.equal(shown.hasLdapServiceAccount, true);
      assert.doesNotMatch(ok(await cli(['app', 'get', id!, '--json'])), new RegExp(json.secret));
      ok(await cli(['app', 'ldap-service-account', id!, '--remove']));
      assert.equal(await serviceSecretWorks(id!, json.secret), false);
      assertFails(
        await cli(['app', 'ldap-service-account', id!, '--remove']),
        /has no LDAP service account/,
        'removing it twice',
      );
      const made = await auditOf('application_service_account_set', id!);
      assert.equal(made.length, 2);
      assert.ok(made.every((e) => e.actor === actor));
      assert.ok(!JSON.stringify(made).includes(json.secret), 'no secret in the log');
      assert.equal((await auditOf('application_service_account_deleted', id!)).length, 1);
      // A client, or an application without the LDAP front, gets none.
      const client = await addClient('Portal');
      assertFails(await cli(['app', 'ldap-service-account', client.id]), /legacy/, 'a client');
      const web = ok(
        await cli(['app', 'add', '--name', 'Web', '--legacy', '--fronts', 'verify']),
      ).trim();
      assertFails(await cli(['app', 'ldap-service-account', web]), /LDAP front/, 'no ldap front');
    });

    it('app set --groups / --all-users decide who may sign in through the application', async () => {
      const id = ok(await cli(['app', 'add', '--name', 'Files', '--legacy'])).trim();
      const pw = 'member password 1';
      for (const upn of ['in@contoso.com', 'out@contoso.com'])
        ok(await runCli(['user', 'add', upn, '--password-stdin'], env, pw), upn);
      ok(await cli(['group', 'add', 'Filers', '--member', 'in@contoso.com']), 'group add');
      const verify = (upn: string) =>
        fetch(`${server.url}/legacy/v1/verify?app=${id}`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(`${upn}:${pw}`).toString('base64')}` },
        }).then((r) => r.status);
      assert.equal(await verify('out@contoso.com'), 200, 'open to all at first');
      const set = JSON.parse(ok(await cli(['app', 'set', id, '--groups', 'filers', '--json']))) as {
        assignmentRequired: boolean;
        groups: string[];
      };
      assert.deepEqual([set.assignmentRequired, set.groups], [true, ['Filers']]);
      assert.match(ok(await cli(['app', 'get', id])), /UsedBy +: \{?group Filers/);
      await settle();
      assert.equal(await verify('in@contoso.com'), 200);
      assert.equal(await verify('out@contoso.com'), 401, 'not assigned');
      assertFails(
        await cli(['app', 'set', id, '--groups', 'Nobody']),
        /No group is named/,
        'unknown group',
      );
      assertFails(await cli(['app', 'set', id, '--groups', 'x', '--all-users']), /either/, 'both');
      ok(await cli(['app', 'set', id, '--all-users']));
      await settle();
      assert.equal(await verify('out@contoso.com'), 200, 'open again');
      const changes = (await auditOf('application_changed', id)).map(
        (e) => JSON.parse(e.detail) as { assignmentRequired: boolean; groups: string[] },
      );
      assert.deepEqual(
        changes.map((c) => [c.assignmentRequired, c.groups]),
        [
          [true, ['Filers']],
          [false, []],
        ],
      );
    });

    it('app remove needs --yes, then deletes the client with its tokens', async () => {
      const client = await addClient('Doomed');
      assert.equal(await grant(client.id, client.clientSecret), 200);
      const tokensOf = () =>
        withCtx(async (ctx) =>
          (await ctx.db.selectFrom('oidc_payloads').select('payload').execute()).filter((r) =>
            r.payload.includes(client.id),
          ),
        );
      assert.equal((await tokensOf()).length, 1, 'the server stored the token');
      assertFails(await cli(['app', 'remove', client.id]), /--yes/, 'remove without --yes');
      assert.ok(await storedSecret(client.id), 'nothing removed without --yes');
      assert.equal(
        ok(await cli(['app', 'remove', client.id, '--yes'])).trim(),
        `Deleted application ${client.id}.`,
      );
      const listed = JSON.parse(ok(await cli(['app', 'list', '--json']))) as { id: string }[];
      assert.ok(!listed.some((a) => a.id === client.id), 'gone from the list');
      assert.deepEqual(await tokensOf(), [], 'its tokens are gone');
      await settle();
      assert.equal(await grant(client.id, client.clientSecret), 401);
      const [entry] = await auditOf('application_deleted', client.id);
      assert.equal(entry?.actor, actor);
      assertFails(
        await cli(['app', 'remove', client.id, '--yes']),
        /No application has the id/,
        'removing it again',
      );
    });
  });
}

suite('local');
suite('remote');
