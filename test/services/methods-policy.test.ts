// The authentication methods policy as the service keeps it
// (src/services/methods-policy.ts), on SQLite and PostgreSQL: until one is
// saved it is what the old list of allowed methods says; a saved one gives a
// method to members of its groups, and a change of members counts at once;
// a policy naming a group that does not exist is refused and changes
// nothing; a change is audited with what it changed; proof-up offers only
// what the user's groups may register.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { signinFlows } from '../../src/flows/signin.ts';
import { createLogger } from '../../src/log.ts';
import { methodTypes } from '../../src/methods/catalogue.ts';
import { fromAllowedMethods, type MethodsPolicy } from '../../src/policy/methods-policy.ts';
import { cliActor } from '../../src/services/audit.ts';
import { changeMembers, createGroup, requireGroup } from '../../src/services/groups.ts';
import {
  changeMethodPolicy,
  getMethodsPolicy,
  methodTypesForUser,
  setMethodsPolicy,
} from '../../src/services/methods-policy.ts';
import { getServiceSettings, updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { onPostgres } from '../helpers/db.ts';

describe('authentication methods policy (service)', () => {
  let t: TestApp;
  let ann: string;
  let bob: string;
  let engineering: string;
  const actor = cliActor();

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'ann@contoso.com', mfaState: 'Enforced' });
    await t.addUser({ upn: 'bob@contoso.com', mfaState: 'Enforced' });
    ann = (await t.ctx.stores.users.findByUpn('ann@contoso.com'))!.id;
    bob = (await t.ctx.stores.users.findByUpn('bob@contoso.com'))!.id;
    engineering = (
      await createGroup(t.ctx, actor, { displayName: 'Engineering', members: ['ann@contoso.com'] })
    ).id;
  });
  after(() => t.close());

  it('is what the list of allowed methods says until a policy is saved', async () => {
    await updateServiceSettings(t.ctx, { allowedMethods: ['PhoneAppOTP', 'TwoWayVoiceOffice'] });
    assert.deepEqual(
      await getMethodsPolicy(t.ctx),
      fromAllowedMethods(['PhoneAppOTP', 'TwoWayVoiceOffice']),
    );
    assert.deepEqual(await methodTypesForUser(t.ctx, ann, 'register'), [
      'PhoneAppOTP',
      'TwoWayVoiceOffice',
    ]);
    await updateServiceSettings(t.ctx, { allowedMethods: [...methodTypes] });
  });

  const withPasskeyFor = (include: 'all' | string[]): MethodsPolicy => {
    const all = fromAllowedMethods(methodTypes);
    return { ...all, passkey: { ...all.passkey, include } };
  };

  it('gives a method to the members of its groups, and follows a change of members at once', async () => {
    await setMethodsPolicy(t.ctx, withPasskeyFor([engineering]), actor);
    assert.ok((await methodTypesForUser(t.ctx, ann, 'register')).includes('Passkey'));
    assert.ok(!(await methodTypesForUser(t.ctx, bob, 'register')).includes('Passkey'));
    assert.ok(!(await methodTypesForUser(t.ctx, bob, 'signin')).includes('Passkey'));
    const g = await requireGroup(t.ctx, engineering);
    const bobRow = (await t.ctx.stores.users.findById(bob))!;
    await t.ctx.db
      .transaction()
      .execute((trx) => changeMembers(t.ctx, trx, actor, g, { add: [bobRow] }));
    assert.ok((await methodTypesForUser(t.ctx, bob, 'signin')).includes('Passkey'));
    await t.ctx.db
      .transaction()
      .execute((trx) => changeMembers(t.ctx, trx, actor, g, { remove: [bobRow] }));
    assert.ok(!(await methodTypesForUser(t.ctx, bob, 'signin')).includes('Passkey'));
  });

  it('refuses a policy naming a group that does not exist, and keeps the one it had', async () => {
    const before = await getMethodsPolicy(t.ctx);
    await assert.rejects(
      setMethodsPolicy(t.ctx, withPasskeyFor([engineering, 'no-such-group']), actor),
      (e: Error & { code?: string; detail?: string }) =>
        e.code === 'invalid_request' && /no-such-group/.test(e.detail ?? ''),
    );
    await assert.rejects(
      setMethodsPolicy(t.ctx, { ...before, voice: { ...before.voice, phones: [] } }, actor),
      (e: Error & { detail?: string }) => /voice\.phones: .*phone/.test(e.detail ?? ''),
    );
    assert.deepEqual(await getMethodsPolicy(t.ctx), before);
  });

  it('audits a change with the methods it changed, from and to', async () => {
    t.clock.advance(1000); // the newest entry is this change's
    await setMethodsPolicy(t.ctx, withPasskeyFor('all'), actor);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'methods_policy_changed')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const detail = JSON.parse(entry.detail as string) as Record<
      string,
      { to: { include: unknown } }
    >;
    assert.deepEqual(Object.keys(detail), ['passkey']);
    assert.equal(detail.passkey!.to.include, 'all');
  });

  it('keeps the old list working for scripts: it reads and sets which methods are on', async () => {
    await setMethodsPolicy(t.ctx, withPasskeyFor([engineering]), actor);
    await updateServiceSettings(t.ctx, { allowedMethods: ['PhoneAppOTP'] });
    let policy = await getMethodsPolicy(t.ctx);
    assert.equal(policy.passkey.enabled, false);
    assert.equal(policy.totp.enabled, true);
    assert.deepEqual((await getServiceSettings(t.ctx)).allowedMethods, ['PhoneAppOTP']);
    assert.deepEqual(await methodTypesForUser(t.ctx, ann, 'signin'), ['PhoneAppOTP']);
    await updateServiceSettings(t.ctx, { allowedMethods: ['PhoneAppOTP', 'Passkey'] });
    policy = await getMethodsPolicy(t.ctx);
    assert.deepEqual(policy.passkey.include, [engineering], 'whom it is for is kept');
    assert.ok((await methodTypesForUser(t.ctx, ann, 'signin')).includes('Passkey'));
    assert.ok(!(await methodTypesForUser(t.ctx, bob, 'signin')).includes('Passkey'));
    // A policy that enables a method for some group lists it (someone may use it).
    assert.deepEqual((await getServiceSettings(t.ctx)).allowedMethods.sort(), [
      'Passkey',
      'PhoneAppOTP',
    ]);
  });

  it('keeps every change when several nodes make one at once, to the policy and to the old list', async () => {
    const all = fromAllowedMethods(methodTypes);
    await setMethodsPolicy(t.ctx, all, actor);
    // On PostgreSQL each change from a node of its own (one process runs its
    // transactions in turn). SQLite writes one transaction at a time, and a
    // second context in this process would wait for the lock on the event loop.
    const nodes = Array.from({ length: 6 }, () =>
      onPostgres ? createContext(t.database.config, { log: createLogger('silent') }) : t.ctx,
    );
    try {
      const [a, b, c, d, e, f] = nodes as [
        AppContext,
        AppContext,
        AppContext,
        AppContext,
        AppContext,
        AppContext,
      ];
      await Promise.all([
        changeMethodPolicy(a, 'sms', { useForSignIn: false }, actor),
        changeMethodPolicy(b, 'voice', { phones: ['office'] }, actor),
        changeMethodPolicy(c, 'totp', { exclude: [engineering] }, actor),
        changeMethodPolicy(d, 'passkey', { include: [engineering] }, actor),
        changeMethodPolicy(e, 'authenticator', { exclude: ['Engineering'] }, actor),
        // Calls to the office phone only, as the voice change says: either order agrees.
        updateServiceSettings(f, {
          allowedMethods: methodTypes.filter(
            (m) => !['RecoveryCode', 'TwoWayVoiceMobile', 'TwoWayVoiceAlternateMobile'].includes(m),
          ),
        }),
      ]);
    } finally {
      if (onPostgres) await Promise.all(nodes.map(closeContext));
    }
    const p = await getMethodsPolicy(t.ctx);
    assert.equal(p.sms.useForSignIn, false);
    assert.deepEqual(p.voice.phones, ['office']);
    assert.deepEqual(p.totp.exclude, [engineering]);
    assert.deepEqual(p.passkey.include, [engineering]);
    assert.deepEqual(p.authenticator.exclude, [engineering]);
    assert.equal(p.recoveryCodes.enabled, false);
    await setMethodsPolicy(t.ctx, all, actor);
  });

  it('reads a policy a newer version saved (a method and an option it does not know) and keeps working', async () => {
    const all = fromAllowedMethods(methodTypes);
    const newer = {
      ...all,
      smartCard: { enabled: true, include: 'all', exclude: [] },
      totp: { ...all.totp, digits: 8 },
    };
    await t.ctx.stores.settings.set('methodsPolicy', newer, t.ctx.clock.now());
    t.ctx.dataCache.forget('methods-policy');
    t.ctx.dataCache.forget('settings');
    assert.deepEqual(await getMethodsPolicy(t.ctx), all, 'what it does not know is left out');
    assert.ok((await methodTypesForUser(t.ctx, ann, 'signin')).includes('PhoneAppOTP'));
    assert.ok((await getServiceSettings(t.ctx)).allowedMethods.includes('PhoneAppOTP'));
    // What an administrator sends is still held to this version's schema.
    await assert.rejects(
      setMethodsPolicy(t.ctx, newer, actor),
      /invalid_request|Unrecognized|smartCard/,
    );
    await setMethodsPolicy(t.ctx, all, actor);
  });

  it('offers at proof-up only what the user’s groups may register', async () => {
    const all = fromAllowedMethods(methodTypes);
    const onlyEngineering = { enabled: true, include: [engineering], exclude: [] };
    await setMethodsPolicy(
      t.ctx,
      {
        ...all,
        totp: onlyEngineering,
        sms: { ...all.sms, enabled: false },
        voice: { ...all.voice, enabled: false },
        passkey: { ...all.passkey, enabled: false },
        authenticator: { ...all.authenticator, enabled: false },
      },
      actor,
    );
    const flows = signinFlows(t.ctx);
    const offer = async (upn: string) =>
      (await flows.start(upn, 'correct horse battery', { ip: '127.0.0.1', userAgent: null })).next;
    assert.deepEqual(await offer('ann@contoso.com'), { kind: 'proofup', offer: ['PhoneAppOTP'] });
    // Bob is in no group that may register anything: nothing to offer, and not signed in.
    assert.equal((await offer('bob@contoso.com')).kind, 'no_method');
  });
});
