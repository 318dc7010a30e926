import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { freshDatabase, type TestDatabase } from './helpers/db.ts';

describe('portcullis command line', () => {
  let db: TestDatabase;
  const cli = (args: string[], stdin?: string) => runCli(args, db.env, stdin);

  before(async () => {
    db = await freshDatabase();
  });
  after(() => db.drop());

  it('adds a user with the password from stdin and shows it like Get-MsolUser', async () => {
    const add = await cli(
      [
        'user',
        'add',
        'alice@contoso.com',
        '--display-name',
        'Alice Smith',
        '--language',
        'nl',
        '--password-stdin',
      ],
      'a good password\n',
    );
    assert.equal(add.code, 0, add.stderr);
    assert.doesNotMatch(
      add.stdout + add.stderr,
      /a good password/,
      'the password is never printed',
    );
    const get = await cli(['user', 'get', 'ALICE@contoso.com']);
    assert.equal(get.code, 0, get.stderr);
    assert.match(get.stdout, /UserPrincipalName\s+: alice@contoso.com/);
    assert.match(get.stdout, /DisplayName\s+: Alice Smith/);
    assert.match(get.stdout, /PreferredLanguage\s+: nl/);
    assert.match(get.stdout, /StrongAuthenticationRequirements : \{\}/);
    assert.match(get.stdout, /StrongAuthenticationMethods\s+: \{\}/);
  });

  it('sets MFA state for several users and lists by state, in tables and JSON', async () => {
    await cli(
      ['user', 'add', 'bob@contoso.com', '--admin', '--password-stdin'],
      'another password',
    );
    const set = await cli([
      'mfa',
      'set',
      'alice@contoso.com',
      'bob@contoso.com',
      '--state',
      'enforced',
    ]);
    assert.equal(set.code, 0, set.stderr);
    const get = await cli(['user', 'get', 'bob@contoso.com']);
    assert.equal(get.code, 0, get.stderr);
    assert.match(get.stdout, /RelyingParty State\s*\n\s+-+ -+\s*\n\s+\*\s+Enforced/);
    const json = JSON.parse((await cli(['user', 'get', 'bob@contoso.com', '--json'])).stdout);
    assert.deepEqual(json.strongAuthenticationRequirements, [
      { relyingParty: '*', state: 'Enforced' },
    ]);
    assert.equal(json.isAdmin, true);
    const list = await cli(['user', 'list', '--mfa-state', 'Enforced']);
    assert.match(list.stdout, /^UserPrincipalName\s+DisplayName\s+MfaState/);
    assert.match(list.stdout, /alice@contoso.com .*Enforced/);
    const none = JSON.parse(
      (await cli(['user', 'list', '--mfa-state', 'Enabled', '--json'])).stdout,
    );
    assert.deepEqual(none, []);
  });

  it('prints one clear line on stderr and exits non-zero for mistakes, changing nothing', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ['user', 'get', 'ghost@contoso.com'],
        undefined,
        /No user has the user name "ghost@contoso.com"/,
      ],
      [
        ['mfa', 'set', 'alice@contoso.com', 'ghost@contoso.com', '--state', 'Disabled'],
        undefined,
        /ghost@contoso.com/,
      ],
      [['mfa', 'set', 'alice@contoso.com', '--state', 'Sometimes'], undefined, /not an MFA state/],
      [
        ['user', 'add', 'alice@contoso.com', '--password-stdin'],
        'a good password',
        /already exists/,
      ],
      [
        ['user', 'add', 'not-a-upn', '--password-stdin'],
        'a good password',
        /must look like name@domain/,
      ],
      [['user', 'add', 'carol@contoso.com', '--password-stdin'], 'short', /8 to 256 characters/],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await cli(args, stdin);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\s+at /, 'no stack trace');
    }
    const alice = JSON.parse((await cli(['user', 'get', 'alice@contoso.com', '--json'])).stdout);
    assert.equal(alice.mfaState, 'Enforced', 'a failed bulk set changed nothing');
  });

  it('creates an admin API token once, and it works against the API', async () => {
    const r = await cli(['token', 'create', '--name', 'automation']);
    assert.equal(r.code, 0, r.stderr);
    const token = /pcl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(r.stdout)?.[0];
    assert.ok(token);
    const { createContext } = await import('../src/context.ts');
    const { createApp } = await import('../src/http/app.tsx');
    const { createLogger } = await import('../src/log.ts');
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      const res = await createApp(ctx).request('/api/v1/users/alice@contoso.com', {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      const cliJson = JSON.parse(
        (await cli(['user', 'get', 'alice@contoso.com', '--json'])).stdout,
      );
      assert.deepEqual(cliJson, await res.json(), '--json gives the same as the API');
    } finally {
      await ctx.db.destroy();
    }
  });

  it('lists the outbox and answers a ringing call; user get shows phone methods masked', async () => {
    const { createContext } = await import('../src/context.ts');
    const { createLogger } = await import('../src/log.ts');
    const { outboxTelephony } = await import('../src/delivery/outbox.ts');
    const ctx = createContext(db.config, { log: createLogger('silent') });
    let challengeId: string;
    try {
      const alice = await ctx.stores.users.findByUpn('alice@contoso.com');
      challengeId = crypto.randomUUID();
      await ctx.stores.challenges.insert({
        id: challengeId,
        flow_id: 'f',
        user_id: alice!.id,
        method_type: 'TwoWayVoiceMobile',
        registration_id: null,
        code_hash: null,
        status: 'pending',
        attempts: 0,
        created_at: Date.now(),
        expires_at: Date.now() + 60_000,
        resolved_at: null,
      });
      const phone = outboxTelephony(ctx.db, () => Date.now());
      await phone.placeCall({
        to: '+420601999888',
        extension: null,
        locale: 'en',
        challengeId,
        script: { prompt: 'Press #', approved: 'ok', fraud: 'noted' },
        timeoutSeconds: 60,
      });
      await phone.sendText({ to: '+420601999777', text: '123456 is your code', locale: 'en' });
      await ctx.db
        .insertInto('auth_methods')
        .values({
          id: crypto.randomUUID(),
          user_id: alice!.id,
          method_type: 'OneWaySMS',
          is_default: 0,
          secret_sealed: null,
          details: JSON.stringify({ masked: '+••••••••••77' }),
          created_at: 1,
          last_used_at: null,
        })
        .execute();
    } finally {
      await ctx.db.destroy();
    }
    const list = await cli(['outbox']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^Id\s+Kind\s+To\s+Status/);
    assert.match(list.stdout, /sms\s+\+420601999777\s+sent/);
    const calls = JSON.parse((await cli(['outbox', '--number', '+420601999888', '--json'])).stdout);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].status, 'ringing');
    const wrong = await cli(['outbox', 'answer', calls[0].id]);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /Give either --keys/);
    const answered = await cli(['outbox', 'answer', calls[0].id, '--keys', '#']);
    assert.equal(answered.code, 0, answered.stderr);
    assert.match(answered.stdout, /answered/);
    const again = await cli(['outbox', 'answer', calls[0].id, '--hang-up']);
    assert.match(again.stderr, /no longer ringing/);
    const check = createContext(db.config, { log: createLogger('silent') });
    try {
      assert.equal((await check.stores.challenges.find(challengeId))?.status, 'approved');
    } finally {
      await check.db.destroy();
    }
    const user = await cli(['user', 'get', 'alice@contoso.com']);
    assert.match(user.stdout, /OneWaySMS\s+False\s+\+••••••••••77/);
  });

  it('blocks and unblocks a user, but never the last administrator who can sign in', async () => {
    const last = await cli(['user', 'block', 'bob@contoso.com']);
    assert.equal(last.code, 2);
    assert.match(last.stderr, /only administrator who can sign in/);
    await cli(['user', 'update', 'alice@contoso.com', '--admin']);
    const blocked = await cli(['user', 'block', 'bob@contoso.com']);
    assert.equal(blocked.code, 0, blocked.stderr);
    assert.match(blocked.stdout, /BlockCredential\s+: True/);
    const unblocked = await cli(['user', 'unblock', 'bob@contoso.com']);
    assert.match(unblocked.stdout, /BlockCredential\s+: False/);
    const ghost = await cli(['user', 'unblock', 'ghost@contoso.com']);
    assert.notEqual(ghost.code, 0);
    assert.match(ghost.stderr, /No user has the user name/);
  });

  it('has --help', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['serve', 'user', 'mfa', 'token'])
      assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
  });
});
