// Every admin command of the `portcullis` command line, run twice with the same
// checks: once on the local database (acting as "cli"), once against a running
// server through its admin API (`PORTCULLIS_URL` and `PORTCULLIS_API_TOKEN`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import type { MfaState } from '../src/db/schema.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import { cliActor } from '../src/services/audit.ts';
import { createGroup } from '../src/services/groups.ts';
import { addRegistration } from '../src/services/registrations.ts';
import { reportSuspiciousActivity } from '../src/services/risk.ts';
import { getServiceSettings } from '../src/services/settings.ts';
import { createUser } from '../src/services/users.ts';
import { type CliResult, runCli } from './helpers/cli.ts';
import { freshDatabase, onPostgres, type TestDatabase } from './helpers/db.ts';
import { freePort } from './helpers/ports.ts';
import { type ServerProcess, startServerProcess } from './helpers/server.ts';

type Mode = 'local' | 'remote';

const TOKEN = /pcl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/;
const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;

/** A command that failed the way the CLI promises: non-zero, one `portcullis:` line, no stack. */
function assertFails(r: CliResult, message: RegExp, what: string): void {
  assert.notEqual(r.code, 0, `${what} should fail; stdout: ${r.stdout}`);
  assert.match(r.stderr, /^portcullis: /, `${what}: ${r.stderr}`);
  assert.match(r.stderr, message, what);
  assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at |node:internal|\.ts:\d+/, `${what}: no stack trace`);
}

/** stdout of a command that must succeed. */
function ok(r: CliResult, what = ''): string {
  assert.equal(r.code, 0, `${what} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function suite(mode: Mode): void {
  describe(`portcullis admin commands, ${mode} (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let db: TestDatabase;
    let server: ServerProcess;
    let adminToken: string;
    let env: Record<string, string>;
    const tokenName = `admin-${mode}`;
    /** The audit log's name for whoever runs the commands. */
    const actor = mode === 'local' ? 'cli' : `token ${tokenName}`;
    const root = `root-${mode}@contoso.com`;
    const cli = (args: string[], stdin?: string) => runCli(args, env, stdin);
    /** Against the running server with some token, whatever the mode. */
    const remote = (token: string, args: string[]) =>
      runCli(args, { ...db.env, PORTCULLIS_URL: server.url, PORTCULLIS_API_TOKEN: token });
    const tmp = mkdtempSync(path.join(tmpdir(), 'portcullis-cli-admin-'));

    async function withCtx<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
      const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 2 } });
      try {
        await migrate(ctx.db, ctx.dialect);
        return await work(ctx);
      } finally {
        await ctx.db.destroy();
      }
    }

    /** Users made directly with the services (fast); returns their ids by UPN. */
    const seed = (...users: { upn: string; mfaState?: MfaState; displayName?: string }[]) =>
      withCtx(async (ctx) => {
        const ids: Record<string, string> = {};
        for (const u of users)
          ids[u.upn] = (await createUser(ctx, { password: PASSWORD, ...u })).id;
        return ids;
      });

    const userRow = (upn: string) =>
      withCtx((ctx) => ctx.stores.users.findByUpn(upn).then((u) => u ?? null));

    const countFor = (
      table: 'auth_methods' | 'app_passwords' | 'remembered_devices',
      userId: string,
    ) =>
      withCtx(async (ctx) => {
        const r = await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow();
        return Number(r.n);
      });

    const storedSettings = () =>
      withCtx(async (ctx) => (await ctx.stores.settings.get('service')) as Record<string, unknown>);
    const defaults = () => withCtx((ctx) => getServiceSettings(ctx));

    const otp = () => ({ ok: true as const, secret: 'JBSWY3DPEHPK3PXP', details: {} });
    const sms = (last: string) => ({
      ok: true as const,
      secret: `+4206019999${last}`,
      details: { masked: `+••••••••••${last}` },
    });

    before(async () => {
      db = await freshDatabase();
      // The local CLI migrates the database and makes the token remote mode runs with.
      const t = await runCli(['token', 'create', '--name', tokenName, '--json'], db.env);
      assert.equal(t.code, 0, t.stderr);
      adminToken = (JSON.parse(t.stdout) as { token: string }).token;
      // An administrator who stays, so no test runs into "the last administrator" rule.
      await withCtx((ctx) =>
        createUser(ctx, { upn: root, password: PASSWORD, isAdmin: true, displayName: 'Root' }),
      );
      server = await startServerProcess(db.env);
      // Empty values override whatever the runner's own environment says.
      env =
        mode === 'local'
          ? { ...db.env, PORTCULLIS_URL: '', PORTCULLIS_API_TOKEN: '' }
          : { ...db.env, PORTCULLIS_URL: server.url, PORTCULLIS_API_TOKEN: adminToken };
    });
    after(async () => {
      await server?.stop();
      await db?.drop();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('user add reads the password from stdin; user get shows it as a list and as JSON', async () => {
      const upn = `add-${mode}@contoso.com`;
      const add = await cli(
        [
          'user',
          'add',
          upn,
          '--display-name',
          'Ann Add',
          '--language',
          'fr',
          '--mfa-state',
          'Enabled',
          '--password-stdin',
        ],
        'a stdin password\n',
      );
      assert.match(ok(add, 'user add'), new RegExp(`UserPrincipalName\\s+: ${upn}`));
      assert.doesNotMatch(add.stdout + add.stderr, /a stdin password/, 'never prints it');
      const stored = await userRow(upn);
      assert.ok(stored, 'the user is in the database');
      await withCtx(async (ctx) => {
        assert.ok(
          await ctx.hasher.verify(stored.password_hash, 'a stdin password'),
          'the password is what stdin gave, without its newline',
        );
      });

      const human = ok(await cli(['user', 'get', upn.toUpperCase()]), 'user get');
      assert.match(human, new RegExp(`^UserPrincipalName\\s+: ${upn}$`, 'm'));
      assert.match(human, /^DisplayName\s+: Ann Add$/m);
      assert.match(human, /^PreferredLanguage\s+: fr$/m);
      assert.match(human, /^IsAdmin\s+: False$/m);
      assert.match(human, /^BlockCredential\s+: False$/m);
      assert.match(human, /RelyingParty State\s*\n\s+-+ -+\s*\n\s+\*\s+Enabled/);
      assert.match(human, /^StrongAuthenticationMethods\s+: \{\}$/m);

      const json = JSON.parse(ok(await cli(['user', 'get', upn, '--json']), 'user get --json'));
      assert.equal(json.userPrincipalName, upn);
      assert.equal(json.displayName, 'Ann Add');
      assert.equal(json.preferredLanguage, 'fr');
      assert.equal(json.isAdmin, false);
      assert.equal(json.mfaState, 'Enabled');
      assert.equal(json.mustChangePassword, false);
      assert.equal(json.id, stored.id);
      assert.deepEqual(json.strongAuthenticationRequirements, [
        { relyingParty: '*', state: 'Enabled' },
      ]);

      assertFails(
        await cli(['user', 'get', `ghost-${mode}@contoso.com`]),
        /No user has the user name "ghost-/,
        'user get of an unknown user',
      );
    });

    it("user get --select 'strong*' prints only the StrongAuthentication* properties", async () => {
      const upn = `select-${mode}@contoso.com`;
      const ids = await seed({ upn, mfaState: 'Enforced', displayName: 'Selma Select' });
      await withCtx(async (ctx) => {
        await addRegistration(ctx, ids[upn]!, 'PhoneAppOTP', otp());
        await addRegistration(ctx, ids[upn]!, 'OneWaySMS', sms('42'));
      });
      const out = ok(await cli(['user', 'get', upn, '--select', 'strong*']), '--select');
      const lines = out.trimEnd().split('\n');
      const names = lines.map((l) => /^(\S+)\s+: /.exec(l)?.[1]);
      assert.deepEqual(names, [
        'StrongAuthenticationMethods',
        'StrongAuthenticationRequirements',
        'StrongAuthenticationUserDetails',
      ]);
      assert.match(
        out,
        /^StrongAuthenticationMethods\s+: \{PhoneAppOTP \(default\), OneWaySMS \+••••••••••42\}$/m,
      );
      assert.match(out, /^StrongAuthenticationRequirements\s+: \{\*: Enforced\}$/m);
      assert.match(out, new RegExp(`^StrongAuthenticationUserDetails\\s+: .*${upn}`, 'm'));
      assert.doesNotMatch(out, /DisplayName|Selma|UserPrincipalName|IsAdmin/);
      assert.doesNotMatch(out, /601999942/, 'the phone number stays masked');
    });

    it('user list: all, by MFA state, by search, as a table and JSON', async () => {
      await seed(
        { upn: `list-a-${mode}@fabrikam.com`, mfaState: 'Enforced' },
        { upn: `list-b-${mode}@fabrikam.com`, mfaState: 'Enabled', displayName: 'Zed Findme' },
        { upn: `list-c-${mode}@fabrikam.com` },
      );
      const all = ok(await cli(['user', 'list']), 'user list');
      assert.match(all, /^UserPrincipalName\s+DisplayName\s+MfaState\s+DefaultMethod\s+IsAdmin$/m);
      assert.match(
        all,
        new RegExp(`^list-a-${mode}@fabrikam.com\\s+list-a-${mode}\\s+Enforced`, 'm'),
      );
      assert.match(all, new RegExp(`^list-b-${mode}@fabrikam.com\\s+Zed Findme\\s+Enabled`, 'm'));
      assert.match(
        all,
        new RegExp(`^list-c-${mode}@fabrikam.com\\s+list-c-${mode}\\s+Disabled`, 'm'),
      );
      assert.match(all, new RegExp(`^${root}\\s+Root\\s+Disabled\\s+True$`, 'm'));

      const enforced = JSON.parse(
        ok(await cli(['user', 'list', '--mfa-state', 'Enforced', '--json']), '--mfa-state'),
      ) as { userPrincipalName: string; mfaState: string }[];
      assert.ok(enforced.some((u) => u.userPrincipalName === `list-a-${mode}@fabrikam.com`));
      assert.ok(
        enforced.every((u) => u.mfaState === 'Enforced'),
        JSON.stringify(enforced),
      );
      assert.ok(!enforced.some((u) => u.userPrincipalName.startsWith(`list-b-`)));

      const found = JSON.parse(
        ok(await cli(['user', 'list', '--search', 'FINDME', '--json']), '--search'),
      ) as { userPrincipalName: string }[];
      assert.deepEqual(
        found.map((u) => u.userPrincipalName),
        [`list-b-${mode}@fabrikam.com`],
        'search matches the display name, any case',
      );
    });

    it('user update changes the display name, language and administrator role', async () => {
      const upn = `update-${mode}@contoso.com`;
      await seed({ upn });
      const json = JSON.parse(
        ok(
          await cli([
            'user',
            'update',
            upn,
            '--display-name',
            'Uma Updated',
            '--language',
            'de',
            '--admin',
            '--json',
          ]),
          'user update',
        ),
      );
      assert.equal(json.displayName, 'Uma Updated');
      assert.equal(json.preferredLanguage, 'de');
      assert.equal(json.isAdmin, true);
      const row = await userRow(upn);
      assert.equal(row?.display_name, 'Uma Updated');
      assert.equal(row?.is_admin, 1);

      const demoted = ok(await cli(['user', 'update', upn, '--no-admin']), '--no-admin');
      assert.match(demoted, /^IsAdmin\s+: False$/m);
      assert.match(demoted, /^DisplayName\s+: Uma Updated$/m, 'the rest stays');
      assert.equal((await userRow(upn))?.is_admin, 0);

      assertFails(
        await cli(['user', 'update', upn]),
        /Say what to change/,
        'user update without changes',
      );
    });

    it('user block and unblock', async () => {
      const upn = `block-${mode}@contoso.com`;
      await seed({ upn });
      const blocked = ok(await cli(['user', 'block', upn]), 'user block');
      assert.match(blocked, /^BlockCredential\s+: True$/m);
      assert.equal((await userRow(upn))?.blocked, 1);
      const unblocked = JSON.parse(ok(await cli(['user', 'unblock', upn, '--json']), 'unblock'));
      assert.equal(unblocked.blockCredential, false);
      assert.equal((await userRow(upn))?.blocked, 0);
    });

    it('user get shows the risk; user list --risk high; user dismiss-risk lifts the block the report set', async () => {
      const upn = `risky-${mode}@contoso.com`;
      const ids = await seed({ upn }, { upn: `calm-${mode}@contoso.com` });
      await withCtx((ctx) => reportSuspiciousActivity(ctx, ids[upn]!, 'text'));
      assert.match(ok(await cli(['user', 'get', upn]), 'user get'), /^RiskLevel\s+: high$/m);
      const listed = JSON.parse(
        ok(await cli(['user', 'list', '--risk', 'high', '--json']), 'list'),
      );
      assert.ok(listed.some((u: { userPrincipalName: string }) => u.userPrincipalName === upn));
      assert.ok(listed.every((u: { riskLevel: string }) => u.riskLevel === 'high'));
      const out = ok(await cli(['user', 'dismiss-risk', upn]), 'dismiss-risk');
      assert.equal(out.trim(), `Dismissed the risk of ${upn}.`);
      const row = await userRow(upn);
      assert.deepEqual([row?.risk_level, row?.risk_state, row?.blocked], ['none', 'dismissed', 0]);
      assert.match(
        ok(await cli(['user', 'dismiss-risk', upn]), 'again'),
        /was not at risk; nothing changed/,
      );
      const bad = await cli(['user', 'list', '--risk', 'medium']);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /medium/);
    });

    it('user reset-password prints a one-time password that must be changed', async () => {
      const upn = `reset-${mode}@contoso.com`;
      await seed({ upn });
      const out = ok(await cli(['user', 'reset-password', upn]), 'reset-password');
      const [first, ...rest] = out.trimEnd().split('\n');
      assert.match(first!, /^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
      assert.match(rest.join('\n'), new RegExp(`${upn}.*must be changed at next sign-in`));
      const row = await userRow(upn);
      await withCtx(async (ctx) => {
        assert.ok(await ctx.hasher.verify(row!.password_hash, first!), 'it is the new password');
        assert.equal(await ctx.hasher.verify(row!.password_hash, PASSWORD), false);
      });
      const json = JSON.parse(ok(await cli(['user', 'get', upn, '--json'])));
      assert.equal(json.mustChangePassword, true);
    });

    it('user delete needs --yes, then deletes the user', async () => {
      const upn = `delete-${mode}@contoso.com`;
      const ids = await seed({ upn });
      await withCtx((ctx) => addRegistration(ctx, ids[upn]!, 'PhoneAppOTP', otp()));
      const refused = await cli(['user', 'delete', upn]);
      assert.notEqual(refused.code, 0, 'without --yes');
      assert.match(refused.stderr, /required option '--yes'/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(await userRow(upn), 'still there');

      assert.equal(ok(await cli(['user', 'delete', upn, '--yes'])).trim(), `Deleted ${upn}.`);
      assert.equal(await userRow(upn), null);
      assert.equal(await countFor('auth_methods', ids[upn]!), 0, 'with their methods');
    });

    it('user methods lists, sets the default, deletes', async () => {
      const upn = `methods-${mode}@contoso.com`;
      const ids = await seed({ upn });
      const [app, text] = await withCtx(async (ctx) => [
        await addRegistration(ctx, ids[upn]!, 'PhoneAppOTP', otp()),
        await addRegistration(ctx, ids[upn]!, 'OneWaySMS', sms('77')),
      ]);
      const list = ok(await cli(['user', 'methods', upn]), 'user methods');
      assert.match(list, /^Id\s+MethodType\s+IsDefault\s+PhoneNumber\s+Added\s+LastUsed$/m);
      assert.match(list, new RegExp(`^${app!.id}\\s+PhoneAppOTP\\s+True\\s+\\d{4}-`, 'm'));
      assert.match(list, new RegExp(`^${text!.id}\\s+OneWaySMS\\s+False\\s+\\+••••••••••77`, 'm'));

      type M = { id: string; methodType: string; isDefault: boolean };
      const afterDefault = JSON.parse(
        ok(await cli(['user', 'methods', upn, '--default', text!.id, '--json']), '--default'),
      ) as M[];
      const isDefault = (list: M[]) => Object.fromEntries(list.map((m) => [m.id, m.isDefault]));
      assert.deepEqual(isDefault(afterDefault), { [app!.id]: false, [text!.id]: true });
      assert.equal(afterDefault[0]!.id, text!.id, 'the default is listed first');
      const afterDelete = JSON.parse(
        ok(await cli(['user', 'methods', upn, '--delete', text!.id, '--json']), '--delete'),
      ) as M[];
      assert.deepEqual(
        afterDelete.map((m) => [m.id, m.methodType, m.isDefault]),
        [[app!.id, 'PhoneAppOTP', true]],
        'the deleted default passes to the remaining method',
      );
      assert.equal(await countFor('auth_methods', ids[upn]!), 1);
      assertFails(
        await cli(['user', 'methods', upn, '--delete', 'no-such-method']),
        /has no method with id "no-such-method"/,
        'deleting an unknown method',
      );
    });

    it('user app-passwords lists them (no secrets) and deletes them all', async () => {
      const upn = `apppw-${mode}@contoso.com`;
      const ids = await seed({ upn });
      const secrets = await withCtx(async (ctx) => [
        (await createAppPassword(ctx, ids[upn]!, { name: 'Outlook desktop' })).password,
        (await createAppPassword(ctx, ids[upn]!, { name: 'Phone mail' })).password,
      ]);
      const list = ok(await cli(['user', 'app-passwords', upn]), 'app-passwords');
      assert.match(list, /^Name\s+Applications\s+Created\s+Expires\s+LastUsed\s+From$/m);
      assert.match(list, /^Outlook desktop\s+\*\s+\d{4}-/m);
      assert.match(list, /^Phone mail\s+\*\s+\d{4}-/m);
      for (const s of secrets) assert.ok(!list.includes(s), 'no secret is printed');

      const del = ok(await cli(['user', 'app-passwords', upn, '--delete-all']), '--delete-all');
      assert.equal(del.trim(), 'Deleted 2 app password(s).');
      assert.equal(await countFor('app_passwords', ids[upn]!), 0);
    });

    it('mfa set changes several users, all or nothing', async () => {
      const a = `set-a-${mode}@contoso.com`;
      const b = `set-b-${mode}@contoso.com`;
      await seed({ upn: a }, { upn: b });
      const out = ok(await cli(['mfa', 'set', a, b.toUpperCase(), '--state', 'enforced']), 'set');
      assert.match(out, /^UserPrincipalName\s+DisplayName\s+MfaState/m);
      assert.match(out, new RegExp(`^${a}\\s+\\S+\\s+Enforced`, 'm'));
      assert.match(out, new RegExp(`^${b}\\s+\\S+\\s+Enforced`, 'm'));
      assert.equal((await userRow(a))?.mfa_state, 'Enforced');
      assert.equal((await userRow(b))?.mfa_state, 'Enforced');

      assertFails(
        await cli(['mfa', 'set', a, `ghost-${mode}@contoso.com`, b, '--state', 'Disabled']),
        new RegExp(`ghost-${mode}@contoso.com`),
        'mfa set with an unknown user',
      );
      assert.equal((await userRow(a))?.mfa_state, 'Enforced', 'nobody changed');
      assert.equal((await userRow(b))?.mfa_state, 'Enforced', 'nobody changed');
      assertFails(
        await cli(['mfa', 'set', a, '--state', 'Sometimes']),
        /"Sometimes" is not an MFA state/,
        'mfa set with a bad state',
      );
    });

    it('group add, list, members, add-member, remove-member, set, mfa, delete', async () => {
      const a = `grp-a-${mode}@contoso.com`;
      const b = `grp-b-${mode}@contoso.com`;
      const name = `Finance ${mode}`;
      await seed({ upn: a }, { upn: b });
      const added = ok(
        await cli(['group', 'add', name, '--description', 'Money people', '--member', a]),
        'group add',
      );
      assert.match(added, new RegExp(`^${name}\\s+local\\s+False\\s+1\\s+Money people`, 'm'));
      assertFails(
        await cli(['group', 'add', name.toUpperCase()]),
        /already exists/,
        'a second group by the same name, any case',
      );
      ok(await cli(['group', 'add-member', name, b]), 'add-member');
      assertFails(
        await cli(['group', 'add-member', name, `ghost-${mode}@contoso.com`]),
        new RegExp(`ghost-${mode}@contoso.com`),
        'add-member with an unknown user',
      );
      const members = JSON.parse(ok(await cli(['group', 'members', name, '--json']))) as {
        userPrincipalName: string;
      }[];
      assert.deepEqual(
        members.map((m) => m.userPrincipalName),
        [a, b],
      );
      const listed = JSON.parse(ok(await cli(['group', 'list', '--search', mode, '--json']))) as {
        displayName: string;
        memberCount: number;
      }[];
      assert.deepEqual(
        listed.map((g) => [g.displayName, g.memberCount]),
        [[name, 2]],
      );
      ok(await cli(['group', 'set', name, '--admin-role']), 'set --admin-role');
      assert.equal((await userRow(b))?.is_admin, 1, 'members of a group with the role are admins');
      assert.match(
        ok(await cli(['group', 'mfa', name, '--state', 'Enforced'])),
        /2 of 2 member\(s\) of Finance \w+ changed to Enforced/,
      );
      assert.equal((await userRow(a))?.mfa_state, 'Enforced');
      ok(await cli(['group', 'remove-member', name, b]), 'remove-member');
      assert.equal((await userRow(b))?.is_admin, 0, 'out of the group, no longer an admin');
      assert.match(ok(await cli(['group', 'delete', name])), /Deleted the group/);
      assert.equal((await userRow(a))?.is_admin, 0);
      assertFails(await cli(['group', 'members', name]), /No group is named/, 'a deleted group');
    });

    it('user add --invite, user invite, mailbox; user import (dry run, then for real) and export', async () => {
      const ivy = `ivy-${mode}@contoso.com`;
      const added = await cli([
        'user',
        'add',
        ivy,
        '--email',
        ivy,
        '--mobile',
        '+1 555 0100',
        '--invite',
      ]);
      assert.match(ok(added, 'add --invite'), new RegExp(`An invitation was sent to ${ivy}`));
      assertFails(
        await cli(['user', 'add', `x-${mode}@contoso.com`]),
        /--password-stdin .* or --invite/,
        'add with neither',
      );
      assert.match(
        ok(await cli(['user', 'invite', ivy])),
        /Invitation sent to .*; the link works once, until 20/,
      );
      const box = ok(await cli(['mailbox', '--to', ivy]));
      assert.match(box, /^Created\s+To\s+Subject\s+Status/m);
      assert.equal(box.match(/Set up your Portcullis account/g)?.length, 2);
      const texts = ok(await cli(['mailbox', '--to', ivy, '--limit', '1', '--text']));
      if (mode === 'local')
        assert.match(texts, /\/invite\/[A-Za-z0-9_-]{20,}/, 'the link, on the server');

      const file = path.join(tmp, `import-${mode}.csv`);
      writeFileSync(
        file,
        `UserPrincipalName,DisplayName,MFA Status\nimp1-${mode}@contoso.com,Imp One,Enforced\nimp2-${mode}@contoso.com,,\nbroken,,\n`,
      );
      const dry = await cli(['user', 'import', '--csv', file, '--dry-run']);
      assert.equal(dry.code, 3, 'a row with errors: exit 3');
      assert.match(
        dry.stdout,
        /Dry run — nothing was changed\. Would apply: 2 created, 0 updated, 0 unchanged, 1 row\(s\) with errors/,
      );
      assert.match(dry.stdout, /^4\s+broken\s+not a user name/m);
      assert.equal(await userRow(`imp1-${mode}@contoso.com`), null);
      const real = await cli(['user', 'import', '--csv', file, '--no-invite', '--json']);
      assert.equal(real.code, 3);
      const result = JSON.parse(real.stdout) as {
        created: number;
        invited: number;
        applied: boolean;
      };
      assert.deepEqual([result.created, result.invited, result.applied], [2, 0, true]);
      assert.equal((await userRow(`imp1-${mode}@contoso.com`))?.mfa_state, 'Enforced');
      assert.match(
        ok(await cli(['user', 'import', '--template'])),
        /^UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email/,
      );

      const csv = ok(await cli(['user', 'export', '--search', `imp1-${mode}`]));
      assert.match(
        csv,
        new RegExp(
          `^imp1-${mode}@contoso.com,Imp One,,,Enforced,imp1-${mode}@contoso.com,local,False,False,,$`,
          'm',
        ),
      );
      assert.equal(csv.trim().split('\n').length, 2, 'the header and one user');
    });

    it('mfa bulk: checks every row, applies the good ones, exits 3 for bad rows', async () => {
      const [b1, b2, b3, b4] = [1, 2, 3, 4].map((n) => `bulk${n}-${mode}@contoso.com`) as [
        string,
        string,
        string,
        string,
      ];
      await seed(
        { upn: b1 },
        { upn: b2, mfaState: 'Enabled' },
        { upn: b3, mfaState: 'Enforced' },
        { upn: b4, mfaState: 'Enabled' },
      );
      const ghost = `ghost-${mode}@contoso.com`;
      const file = path.join(tmp, `bulk-${mode}.csv`);
      writeFileSync(
        file,
        `\uFEFFUsername,MFA Status\r\n${b1},Enabled\r\n${b2.toUpperCase()},enforced\r\n${ghost},Enabled\r\n${b3},Sometimes\r\n${b4},Enabled\r\n`,
      );
      const states = async () =>
        Promise.all([b1, b2, b3, b4].map(async (u) => (await userRow(u))?.mfa_state));

      const dry = await cli(['mfa', 'bulk', '--csv', file, '--dry-run', '--json']);
      assert.equal(dry.code, 3, dry.stderr);
      const preview = JSON.parse(dry.stdout) as {
        rows: { line: number; userPrincipalName: string; status: string; error?: string }[];
        changed: number;
        unchanged: number;
        errors: number;
        applied: boolean;
      };
      assert.deepEqual(
        preview.rows.map((r) => [r.line, r.status]),
        [
          [2, 'change'],
          [3, 'change'],
          [4, 'error'],
          [5, 'error'],
          [6, 'unchanged'],
        ],
      );
      assert.equal(preview.rows[2]!.error, 'unknown user');
      assert.match(preview.rows[3]!.error!, /"Sometimes" is not an MFA state/);
      assert.deepEqual(
        [preview.changed, preview.unchanged, preview.errors, preview.applied],
        [2, 1, 2, false],
      );
      assert.deepEqual(
        await states(),
        ['Disabled', 'Enabled', 'Enforced', 'Enabled'],
        '--dry-run changes nothing',
      );

      const run = await cli(['mfa', 'bulk', '--csv', file]);
      assert.equal(run.code, 3, run.stderr);
      assert.match(
        run.stdout,
        /^Applied: 2 changed, 1 already in that state, 2 row\(s\) with errors not applied\.$/m,
      );
      assert.match(run.stdout, /^Line\s+Username\s+Error$/m);
      assert.match(run.stdout, new RegExp(`^4\\s+${ghost}\\s+unknown user$`, 'm'));
      assert.match(run.stdout, new RegExp(`^5\\s+${b3}\\s+"Sometimes" is not an MFA state`, 'm'));
      assert.deepEqual(
        await states(),
        ['Enabled', 'Enforced', 'Enforced', 'Enabled'],
        'good rows applied, bad ones not',
      );

      const again = await cli(['mfa', 'bulk', '--csv', file, '--dry-run']);
      assert.equal(again.code, 3, again.stderr);
      assert.match(
        again.stdout,
        /^Dry run: 0 would change, 3 already in that state, 2 row\(s\) with errors\.$/m,
      );

      assertFails(
        await cli(['mfa', 'bulk', '--csv', path.join(tmp, 'missing.csv')]),
        /Cannot read .*missing\.csv: ENOENT/,
        'mfa bulk with a missing file',
      );
    });

    it('mfa reset-methods, delete-app-passwords, restore-remembered-devices, unlock-signin (all or nothing)', async () => {
      const r1 = `actions1-${mode}@contoso.com`;
      const r2 = `actions2-${mode}@contoso.com`;
      const ids = await seed({ upn: r1 }, { upn: r2 });
      const [id1, id2] = [ids[r1]!, ids[r2]!];
      await withCtx(async (ctx) => {
        await addRegistration(ctx, id1, 'PhoneAppOTP', otp());
        await addRegistration(ctx, id1, 'OneWaySMS', sms('11'));
        await addRegistration(ctx, id2, 'PhoneAppOTP', otp());
        await createAppPassword(ctx, id1, { name: 'one' });
        await createAppPassword(ctx, id2, { name: 'two' });
        await createAppPassword(ctx, id2, { name: 'three' });
        const now = Date.now();
        await ctx.db
          .insertInto('remembered_devices')
          .values(
            [id1, id1, id2].map((user_id, i) => ({
              id: crypto.randomUUID(),
              user_id,
              token_hash: `hash-${mode}-${i}`,
              user_agent: 'test',
              ip: '192.0.2.1',
              created_at: now,
              expires_at: now + 24 * HOUR,
              last_used_at: null,
            })),
          )
          .execute();
      });

      assertFails(
        await cli(['mfa', 'delete-app-passwords', r1, `ghost-${mode}@contoso.com`]),
        /No user has the user name "ghost-/,
        'an action with an unknown user',
      );
      assert.equal(await countFor('app_passwords', id1), 1, 'nothing changed');

      const reset = ok(await cli(['mfa', 'reset-methods', r1, r2]), 'reset-methods');
      assert.match(reset, /^UserPrincipalName\s+Removed$/m);
      assert.match(reset, new RegExp(`^${r1}\\s+2$`, 'm'));
      assert.match(reset, new RegExp(`^${r2}\\s+1$`, 'm'));
      assert.equal(await countFor('auth_methods', id1), 0);
      assert.equal(await countFor('auth_methods', id2), 0);

      const deleted = JSON.parse(
        ok(await cli(['mfa', 'delete-app-passwords', r1, r2, '--json']), 'delete-app-passwords'),
      );
      assert.deepEqual(deleted, [
        { userPrincipalName: r1, removed: 1 },
        { userPrincipalName: r2, removed: 2 },
      ]);
      assert.equal(await countFor('app_passwords', id1), 0);
      assert.equal(await countFor('app_passwords', id2), 0);

      const before = Date.now();
      const restored = ok(await cli(['mfa', 'restore-remembered-devices', r1]), 'restore');
      assert.match(restored, new RegExp(`^${r1}\\s+2$`, 'm'));
      assert.equal(await countFor('remembered_devices', id1), 0);
      assert.equal(await countFor('remembered_devices', id2), 1, 'only the named user');
      const stamp = (await userRow(r1))?.remembered_devices_not_before;
      assert.ok(stamp && Number(stamp) >= before - 5_000, `not-before stamped: ${stamp}`);
      assert.equal((await userRow(r2))?.remembered_devices_not_before, null);

      const lock = { free: 1, lockAt: 1, resetAfterMs: null };
      const key = { key: `password:${r2}`, subject: r2, rule: lock };
      await withCtx(async (ctx) => {
        await ctx.stores.limits.reserve([key], Date.now());
        assert.equal((await ctx.stores.limits.reserve([key], Date.now())).size, 0, 'locked');
      });
      const unlocked = ok(await cli(['mfa', 'unlock-signin', r2]), 'unlock-signin');
      assert.match(unlocked, new RegExp(`^${r2}\\s+1$`, 'm'));
      await withCtx(async (ctx) => {
        assert.equal((await ctx.stores.limits.reserve([key], Date.now())).size, 1, 'open again');
      });
    });

    it('settings get and set: booleans, numbers, lists; bad values and keys are refused', async () => {
      const table = ok(await cli(['settings', 'get']), 'settings get');
      assert.match(table, /^Setting\s+Value$/m);
      assert.match(table, /^rememberDevicesDays\s+14$/m);
      assert.match(table, /^appPasswordsAllowed\s+true$/m);
      assert.match(table, /^allowedMethods\s+PhoneAppOTP, OneWaySMS/m);
      const json = JSON.parse(ok(await cli(['settings', 'get', '--json']), 'settings get --json'));
      assert.equal(json.rememberDevicesDays, 14);
      assert.equal(json.appPasswordsAllowed, true);
      assert.deepEqual(json.trustedIps, []);
      assert.deepEqual(Object.keys(json).sort(), Object.keys(await defaults()).sort());

      assert.equal(
        ok(await cli(['settings', 'set', 'appPasswordsAllowed', 'off'])).trim(),
        'appPasswordsAllowed = false',
      );
      assert.equal((await storedSettings()).appPasswordsAllowed, false, 'stored off');
      assert.equal(
        ok(await cli(['settings', 'set', 'appPasswordsAllowed', 'on'])).trim(),
        'appPasswordsAllowed = true',
      );
      // The high-risk action and its older switch move together.
      assert.equal(
        ok(await cli(['settings', 'set', 'highRiskAction', 'changePassword'])).trim(),
        'highRiskAction = changePassword\nblockOnFraud = false',
      );
      assert.equal(
        ok(await cli(['settings', 'set', 'blockOnFraud', 'on'])).trim(),
        'blockOnFraud = true\nhighRiskAction = block',
      );
      // The days alone mean devices are to be remembered: the switch turns on,
      // and the command says so.
      assert.equal((await storedSettings()).rememberDevicesEnabled, false, 'off by default');
      assert.equal(
        ok(await cli(['settings', 'set', 'rememberDevicesDays', '30'])).trim(),
        'rememberDevicesDays = 30\nrememberDevicesEnabled = true',
      );
      assert.equal((await storedSettings()).rememberDevicesEnabled, true, 'stored on');
      assert.equal(
        ok(await cli(['settings', 'set', 'rememberDevicesEnabled', 'off'])).trim(),
        'rememberDevicesEnabled = false',
      );
      assert.equal(
        ok(await cli(['settings', 'set', 'rememberDevicesDays', '30'])).trim(),
        'rememberDevicesDays = 30\nrememberDevicesEnabled = true',
        'the same days again still turn it on',
      );
      const all = JSON.parse(
        ok(await cli(['settings', 'set', 'rememberDevicesDays', '45', '--json'])),
      ) as Record<string, unknown>;
      assert.equal(all.rememberDevicesDays, 45, '--json: every setting after the change');
      assert.equal(all.rememberDevicesEnabled, true);
      ok(await cli(['settings', 'set', 'rememberDevicesDays', '30']));
      assertFails(
        await cli(['settings', 'set', 'rememberDevicesDays', '0']),
        /rememberDevicesDays: Remember devices for 1 to 365 days/,
        'rememberDevicesDays 0',
      );
      assert.equal(
        ok(await cli(['settings', 'set', 'trustedIps', '10.0.0.0/8,2001:db8::/32'])).trim(),
        'trustedIps = 10.0.0.0/8, 2001:db8::/32',
      );
      assertFails(
        await cli(['settings', 'set', 'trustedIps', '192.168.0.0/16,300.1.2.3/8']),
        /"300\.1\.2\.3\/8" is not an IP range/,
        'a bad CIDR',
      );
      assertFails(
        await cli(['settings', 'set', 'noSuchSetting', '1']),
        /Unknown setting "noSuchSetting": use one of allowedMethods/,
        'an unknown key',
      );

      // `settings get KEY` for a list setting (numbers and booleans have their own test below).
      assert.deepEqual(
        JSON.parse(ok(await cli(['settings', 'get', 'trustedIps', '--json']), 'get KEY')),
        ['10.0.0.0/8', '2001:db8::/32'],
        'the bad CIDR changed nothing',
      );
      const stored = await storedSettings();
      assert.equal(stored.rememberDevicesDays, 30, 'the refused 0 changed nothing');
      assert.equal(stored.appPasswordsAllowed, true);
    });

    it('logs signins: filters by user, result and time; JSON, table and CSV', async () => {
      const upn = `logs-${mode}@contoso.com`;
      const ids = await seed({ upn, mfaState: 'Enforced' });
      const { appId, appPassword } = await withCtx(async (ctx) => {
        const app = await createLegacyApp(ctx, { name: `Mail ${mode}`, fronts: ['verify'] });
        const pw = await createAppPassword(ctx, ids[upn]!, { name: 'Mail' });
        await ctx.db
          .insertInto('signin_log')
          .values({
            id: crypto.randomUUID(),
            at: Date.UTC(2020, 0, 15, 9),
            upn,
            user_id: ids[upn]!,
            result: 'interrupted',
            reason: 'an old attempt',
            method: 'PhoneAppOTP',
            client_ip: '198.51.100.9',
            user_agent: 'Old browser',
            application: null,
            front: 'browser',
          })
          .execute();
        return { appId: app.id, appPassword: pw.password };
      });
      // Real sign-ins through HTTP verify: one good, one with a wrong password.
      const verify = (secret: string) =>
        fetch(`${server.url}/legacy/v1/verify?app=${appId}`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${upn}:${secret}`).toString('base64')}`,
          },
        });
      assert.equal((await verify('not the password')).status, 401);
      assert.equal((await verify(appPassword)).status, 200);

      type S = { userPrincipalName: string; result: string; application: string | null };
      const mine = JSON.parse(
        ok(await cli(['logs', 'signins', '--user', upn.toUpperCase(), '--json']), '--user'),
      ) as S[];
      assert.deepEqual(
        mine.map((s) => [s.userPrincipalName, s.result]),
        [
          [upn, 'success'],
          [upn, 'failure'],
          [upn, 'interrupted'],
        ],
        'newest first, only this user',
      );
      assert.equal(mine[0]!.application, appId);

      const failures = JSON.parse(
        ok(await cli(['logs', 'signins', '--user', upn, '--result', 'failure', '--json'])),
      ) as S[];
      assert.deepEqual(
        failures.map((s) => s.result),
        ['failure'],
      );
      const since = new Date(Date.now() - 24 * HOUR).toISOString();
      const recent = JSON.parse(
        ok(await cli(['logs', 'signins', '--user', upn, '--since', since, '--json']), '--since'),
      ) as S[];
      assert.deepEqual(
        recent.map((s) => s.result),
        ['success', 'failure'],
        'the 2020 attempt is older',
      );

      const csv = ok(await cli(['logs', 'signins', '--user', upn, '--csv']), '--csv');
      const lines = csv.trimEnd().split('\n');
      assert.equal(
        lines[0],
        'Time,User,Result,Reason,Method,Application,Front,IP address,User agent',
      );
      assert.equal(lines.length, 4, csv);
      assert.match(lines[3]!, /^2020-01-15T09:00:00\.000Z,logs-.*,interrupted,an old attempt,/);

      const table = ok(await cli(['logs', 'signins', '--user', upn, '--limit', '1']), 'table');
      assert.match(table, /^Time\s+User\s+Result\s+Reason\s+Method\s+Application\s+Front/m);
      assert.equal(table.trimEnd().split('\n').length, 3, `--limit 1: ${table}`);
      assert.match(table, new RegExp(`${upn}\\s+success`));

      assertFails(
        await cli(['logs', 'signins', '--since', 'last tuesday']),
        /since: "last tuesday" is not a time/,
        'a bad --since',
      );
    });

    it('logs audit shows the changes with who made them; CSV too', async () => {
      const upn = `audit-${mode}@contoso.com`;
      ok(await cli(['user', 'add', upn, '--password-stdin'], PASSWORD), 'user add');
      ok(await cli(['user', 'update', upn, '--display-name', 'Audited Name']), 'update');
      ok(await cli(['mfa', 'set', upn, '--state', 'Enabled']), 'mfa set');

      type A = {
        actor: string;
        action: string;
        ipAddress: string | null;
        userPrincipalName: string;
        detail: Record<string, unknown>;
      };
      const events = JSON.parse(
        ok(await cli(['logs', 'audit', '--user', upn, '--json']), 'logs audit --json'),
      ) as A[];
      assert.deepEqual(
        events.map((e) => [e.action, e.actor, e.userPrincipalName]),
        [
          ['mfa_state_set', actor, upn],
          ['user_updated', actor, upn],
          ['user_created', actor, upn],
        ],
        'newest first, each with who did it',
      );
      // (Remotely the detail also says via: 'bulk' — `mfa set` goes through the bulk endpoint.)
      const { field, from, to } = events[0]!.detail;
      assert.deepEqual(
        { field, from, to },
        { field: 'mfa_state', from: 'Disabled', to: 'Enabled' },
      );
      assert.equal(events[1]!.detail.to, 'Audited Name');
      for (const e of events)
        if (mode === 'local') assert.equal(e.ipAddress, null, 'the command line has no address');
        else assert.equal(e.ipAddress, '127.0.0.1');

      const byActor = JSON.parse(
        ok(await cli(['logs', 'audit', '--actor', actor, '--action', 'mfa_state_set', '--json'])),
      ) as A[];
      assert.ok(byActor.some((e) => e.userPrincipalName === upn));
      assert.ok(byActor.every((e) => e.actor === actor && e.action === 'mfa_state_set'));

      const csv = ok(await cli(['logs', 'audit', '--user', upn, '--csv']), 'logs audit --csv');
      const lines = csv.trimEnd().split('\n');
      assert.equal(lines[0], 'Time,Actor,IP address,Action,User,Detail');
      assert.equal(lines.length, 4, csv);
      assert.ok(lines[1]!.includes(`,${actor},`), lines[1]);
      assert.match(lines[1]!, new RegExp(`,mfa_state_set,${upn},"\\{""field"":""mfa_state""`));
    });

    it('token create, list (no secrets), revoke: a revoked token no longer works', async () => {
      const created = JSON.parse(
        ok(
          await cli(['token', 'create', '--name', `reader-${mode}`, '--scope', 'read', '--json']),
          'token create --json',
        ),
      ) as { token: string; apiToken: { id: string; scope: string; createdBy: string } };
      assert.match(created.token, new RegExp(`^${TOKEN.source}$`));
      assert.ok(created.token.includes(created.apiToken.id));
      assert.equal(created.apiToken.scope, 'read');
      assert.equal(created.apiToken.createdBy, actor);

      const human = ok(await cli(['token', 'create', '--name', `temp-${mode}`]), 'token create');
      const temp = TOKEN.exec(human)?.[0];
      assert.ok(temp, human);
      assert.match(human, /shown only once/);
      const tempId = /^pcl_([0-9a-f]{16})_/.exec(temp)![1]!;

      const list = ok(await cli(['token', 'list']), 'token list');
      assert.match(list, /^Id\s+Name\s+Scope\s+Rights\s+Created\s+CreatedBy\s+LastUsed$/m);
      assert.match(list, new RegExp(`^${created.apiToken.id}\\s+reader-${mode}\\s+read\\s`, 'm'));
      assert.match(list, new RegExp(`^${tempId}\\s+temp-${mode}\\s+read-write\\s`, 'm'));
      assert.doesNotMatch(list, /pcl_/, 'no token is printed');
      for (const secret of [created.token, temp, adminToken])
        assert.ok(!list.includes(secret.slice(21)), 'no secret is printed');

      // The new token works against the server until it is revoked.
      ok(await remote(temp, ['user', 'get', root]), 'the new token works');
      assert.equal(ok(await cli(['token', 'revoke', tempId])).trim(), `Revoked token ${tempId}.`);
      assertFails(
        await remote(temp, ['user', 'get', root]),
        /valid admin API token/,
        'a revoked token',
      );
      assert.equal(await withCtx((ctx) => ctx.stores.apiTokens.find(tempId)), undefined);
      assertFails(
        await cli(['token', 'revoke', tempId]),
        /No API token has the id/,
        'revoking twice',
      );
    });

    if (mode === 'remote') {
      it('the Graph-shaped API over real HTTP: a batch goes through the server as its requests would alone', async () => {
        const upn = `graph-${mode}@contoso.com`;
        await seed({ upn, mfaState: 'Enabled' });
        const base = `/users/${encodeURIComponent(upn)}/authentication`;
        const r = await fetch(`${server.url}/graph/v1.0/$batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            requests: [
              {
                id: '1',
                method: 'PATCH',
                url: `${base}/requirements`,
                body: { perUserMfaState: 'enforced' },
              },
              { id: '2', method: 'GET', url: `${base}/requirements`, dependsOn: ['1'] },
            ],
          }),
        });
        assert.equal(r.status, 200);
        assert.match(r.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
        const { responses } = (await r.json()) as {
          responses: { status: number; body?: unknown }[];
        };
        assert.deepEqual(
          responses.map((x) => x.status),
          [204, 200],
        );
        assert.deepEqual(
          responses[1]?.body && (responses[1].body as { perUserMfaState: string }).perUserMfaState,
          'enforced',
        );
        assert.equal((await userRow(upn))?.mfa_state, 'Enforced');
        const anon = await fetch(`${server.url}/graph/beta/users/${upn}/authentication/methods`);
        assert.equal(anon.status, 401);
        assert.equal(
          ((await anon.json()) as { error: { code: string } }).error.code,
          'InvalidAuthenticationToken',
        );
      });

      it('a read-only token may look but not change', async () => {
        const t = JSON.parse(
          ok(
            await runCli(['token', 'create', '--name', 'ro', '--scope', 'read', '--json'], db.env),
          ),
        ) as { token: string };
        const list = JSON.parse(ok(await remote(t.token, ['user', 'list', '--json']), 'read'));
        assert.ok(
          (list as { userPrincipalName: string }[]).some((u) => u.userPrincipalName === root),
        );
        ok(await remote(t.token, ['settings', 'get']), 'settings get with a read token');
        assertFails(
          await remote(t.token, ['user', 'update', root, '--display-name', 'Hacked']),
          /This token may only read/,
          'a change with a read token',
        );
        assertFails(
          await remote(t.token, ['settings', 'set', 'rememberDevicesDays', '20']),
          /This token may only read/,
          'a settings change with a read token',
        );
        assert.equal((await userRow(root))?.display_name, 'Root', 'nothing changed');
      });

      it('a wrong URL, a missing or bad token: a clear message, no stack trace', async () => {
        const port = await freePort();
        assertFails(
          await runCli(['user', 'list'], {
            ...db.env,
            PORTCULLIS_URL: `http://127.0.0.1:${port}`,
            PORTCULLIS_API_TOKEN: adminToken,
          }),
          new RegExp(`Cannot reach http://127\\.0\\.0\\.1:${port}`),
          'nothing listening',
        );
        assertFails(
          await runCli(['--url', server.url, 'user', 'list'], {
            ...db.env,
            PORTCULLIS_API_TOKEN: '',
          }),
          /With --url, give an admin API token in PORTCULLIS_API_TOKEN \(or --token\)/,
          '--url without a token',
        );
        assertFails(
          await remote('pcl_not-a-token', ['user', 'list']),
          /valid admin API token/,
          'a malformed token',
        );
        // --url and --token as arguments work as well as the environment variables.
        const viaFlag = JSON.parse(
          ok(
            await runCli(
              ['--url', server.url, '--token', adminToken, 'user', 'get', root, '--json'],
              db.env,
            ),
            '--url with --token',
          ),
        );
        assert.equal(viaFlag.userPrincipalName, root);
      });
    }

    // Bugs found while writing these tests, fixed since.
    it('settings get KEY prints a number or boolean setting', async () => {
      assert.equal(
        ok(await cli(['settings', 'get', 'fraudAlertEnabled', '--json'])).trim(),
        'true',
      );
      assert.match(ok(await cli(['settings', 'get', 'callTimeoutSeconds'])), /^\d+\n$/);
    });

    it('logs audit prints the detail in its table, not [object Object]', async () => {
      // The token made in before(): its audit entry has a detail object.
      const out = ok(await cli(['logs', 'audit', '--action', 'api_token_created', '--limit', '1']));
      assert.match(out, /^Time\s+Actor\s+IP address\s+Action\s+User\s+Detail$/m);
      assert.doesNotMatch(out, /\[object Object\]/);
      assert.match(out, /scope/);
    });

    it('usage mistakes (missing or bad options) also say "portcullis: …" on one line', async () => {
      assertFails(
        await cli(['user', 'delete', `nobody-${mode}@contoso.com`]),
        /--yes/,
        'user delete without --yes',
      );
    });

    it('tap create, show and revoke: the pass printed once and never shown again; mistakes refused', async () => {
      const upn = `tap-${mode}@contoso.com`;
      await seed({ upn, mfaState: 'Enforced' });
      assertFails(await cli(['tap', 'create', upn]), /methods policy does not give/, 'policy off');
      ok(await cli(['methods-policy', 'set', 'temporaryAccessPass', '--on']));
      const created = JSON.parse(
        ok(
          await cli([
            'tap',
            'create',
            upn,
            '--lifetime',
            '2h',
            '--one-time',
            '--length',
            '10',
            '--json',
          ]),
        ),
      );
      assert.equal(created.temporaryAccessPass.length, 10);
      assert.equal(created.lifetimeMinutes, 120);
      assert.equal(created.oneTime, true);
      const human = ok(await cli(['tap', 'create', upn, '--lifetime', '90']));
      assert.match(human, /^[A-Za-z2-9]{8}\n\(Temporary Access Pass for .*: shown only now\./);
      const shown = ok(await cli(['tap', 'show', upn]));
      assert.match(shown, new RegExp(`^${upn}\\s+active\\s+\\S+\\s+\\S+\\s+no\\s`, 'm'));
      assert.doesNotMatch(shown, new RegExp(human.split('\n')[0]!));
      assertFails(
        await cli(['tap', 'create', upn, '--lifetime', 'soon']),
        /--lifetime: give minutes/,
        'bad lifetime',
      );
      assertFails(
        await cli(['tap', 'create', upn, '--lifetime', '9m']),
        /10 to 480 minutes/,
        'too short',
      );
      // A pass for later: it says when it starts, and is pending until then.
      const start = new Date(Date.now() + 2 * 86_400_000);
      const later = ok(await cli(['tap', 'create', upn, '--start', start.toISOString()]));
      assert.match(later, new RegExp(`It starts ${start.toISOString().replace(/[.]/g, '\\.')}`));
      const pending = JSON.parse(ok(await cli(['tap', 'show', upn, '--json'])));
      assert.equal(pending.state, 'pending');
      assert.equal(pending.startsAt, start.toISOString());
      assertFails(
        await cli(['tap', 'create', upn, '--start', 'tomorrow']),
        /--start: give a date and time/,
        'bad start',
      );
      assertFails(
        await cli([
          'tap',
          'create',
          upn,
          '--start',
          new Date(Date.now() + 40 * 86_400_000).toISOString(),
        ]),
        /at most 30 days ahead/,
        'too far ahead',
      );
      ok(await cli(['tap', 'revoke', upn]));
      assert.match(ok(await cli(['tap', 'show', upn])), /has no Temporary Access Pass/);
      assertFails(await cli(['tap', 'revoke', upn]), /has no Temporary Access Pass/, 'twice');
      assertFails(
        await cli(['tap', 'show', `nobody-${mode}@contoso.com`]),
        /No user has/,
        'unknown user',
      );
      ok(await cli(['methods-policy', 'set', 'temporaryAccessPass', '--off']));
    });

    it('methods-policy show and set: on, off, for groups by name, options; mistakes refused', async () => {
      const group = `Engineers ${mode}`;
      await withCtx((ctx) => createGroup(ctx, cliActor(), { displayName: group }));
      const shown = ok(await cli(['methods-policy', 'show']), 'methods-policy show');
      assert.match(shown, /^Method\s+State\s+For\s+Excluded\s+Options$/m);
      assert.match(shown, /^passkey\s+Enabled\s+All users\s+attestationRequired=false/m);
      assert.match(shown, /^temporaryAccessPass\s+Disabled\s+All users/m);
      const set = ok(
        await cli([
          'methods-policy',
          'set',
          'passkey',
          '--for',
          group,
          '--option',
          'attestationRequired=off',
        ]),
        'set passkey',
      );
      assert.match(set, new RegExp(`^passkey\\s+Enabled\\s+${group}\\s`, 'm'), set);
      ok(await cli(['methods-policy', 'set', 'sms', '--off']), 'set sms --off');
      ok(await cli(['methods-policy', 'set', 'voice', '--option', 'phones=mobile,office']));
      ok(
        await cli([
          'methods-policy',
          'set',
          'passkey',
          '--option',
          'allowedAaguids=EE882879-721C-4913-9775-3DFCCE97072A',
        ]),
      );
      const campaign = ok(
        await cli([
          'methods-policy',
          'set',
          'registrationCampaign',
          '--on',
          '--option',
          'methods=passkey',
          '--option',
          'snoozeDays=3',
        ]),
      );
      assert.match(
        campaign,
        /^registrationCampaign\s+Enabled\s+All users\s+snoozeDays=3 snoozeLimit=0 methods=passkey$/m,
      );
      assertFails(
        await cli(['methods-policy', 'set', 'registrationCampaign', '--option', 'snoozeDays=20']),
        /Snooze for 0 to 14 days/,
        'a snooze too long',
      );
      const json = JSON.parse(ok(await cli(['methods-policy', 'show', '--json'])));
      assert.equal(json.registrationCampaign.enabled, true);
      assert.deepEqual(json.passkey.allowedAaguids, ['ee882879-721c-4913-9775-3dfcce97072a']);
      assert.equal(json.sms.enabled, false);
      assert.deepEqual(json.voice.phones, ['mobile', 'office']);
      assert.equal(json.passkey.include.length, 1, 'kept by id');
      assert.notEqual(json.passkey.include[0], group);
      // The old list follows: texts off, calls to the alternate phone off.
      const allowed = JSON.parse(ok(await cli(['settings', 'get', 'allowedMethods', '--json'])));
      assert.ok(!allowed.includes('OneWaySMS') && !allowed.includes('TwoWayVoiceAlternateMobile'));
      assert.ok(allowed.includes('Passkey'));
      assertFails(
        await cli(['methods-policy', 'set', 'passkey', '--for', 'No such group']),
        /No such group/,
        'an unknown group',
      );
      assertFails(
        await cli(['methods-policy', 'set', 'fido', '--on']),
        /no method "fido"/,
        'an unknown method',
      );
      assertFails(
        await cli(['methods-policy', 'set', 'totp', '--option', 'colour=red']),
        /Unknown option/,
        'an unknown option',
      );
      assertFails(await cli(['methods-policy', 'set', 'totp']), /Say what to change/, 'nothing');
      // Back as it was: every method on for everyone (other tests read the list).
      for (const m of ['passkey', 'sms'])
        ok(await cli(['methods-policy', 'set', m, '--on', '--for', 'all']));
      ok(await cli(['methods-policy', 'set', 'passkey', '--option', 'allowedAaguids=']));
      ok(
        await cli([
          'methods-policy',
          'set',
          'voice',
          '--option',
          'phones=mobile,alternateMobile,office',
        ]),
      );
    });

    if (mode === 'remote')
      it('mfa set names the same user twice (any case) and it works, as locally', async () => {
        const upn = `twice-${mode}@contoso.com`;
        await seed({ upn });
        ok(await cli(['mfa', 'set', upn, upn.toUpperCase(), '--state', 'Enabled']));
        assert.equal((await userRow(upn))?.mfa_state, 'Enabled');
      });
  });
}

suite('local');
suite('remote');
