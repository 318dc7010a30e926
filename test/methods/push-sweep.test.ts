import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { translator } from '../../src/i18n/index.ts';
import { activateDevice } from '../../src/methods/push/device.ts';
import { pushMethod, REQUEST_MS } from '../../src/methods/push/index.tsx';
import { subscriptionStore } from '../../src/methods/push/push-delivery.ts';
import { pushStore } from '../../src/methods/push/store.ts';
import type { Attempt, MethodUser } from '../../src/methods/types.ts';
import { addRegistration, companionOf } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { onPostgres } from '../helpers/db.ts';

const en = translator('en');
const MINUTE = 60_000;
const attempt = (): Attempt => ({
  flowId: crypto.randomUUID(),
  clientIp: '192.0.2.1',
  allowedMethods: ['PhoneAppNotification', 'PhoneAppOTP'],
});
const subscription = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/x',
  keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
};

describe(`PhoneAppNotification housekeeping (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  const mc = () => t.ctx.methodContext;
  const sweep = () => pushMethod.sweep(mc());
  const exists = async (table: 'authenticator_devices' | 'authenticator_activations') =>
    (await t.ctx.db.selectFrom(table).selectAll().execute()).length;
  const device = (id: string) =>
    t.ctx.db
      .selectFrom('authenticator_devices')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();

  async function newUser(upn: string): Promise<MethodUser> {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    return { id: u.id, upn: u.upn, displayName: u.display_name, preferredLanguage: 'en' };
  }

  /** A device activated in proof-up; `finish`: the user continued, registering it (and its PhoneAppOTP). */
  async function activated(upn: string, finish: boolean) {
    const user = await newUser(upn);
    const state = await pushMethod.enrol.begin(mc(), user);
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    });
    const { deviceId } = (await activateDevice(t.ctx, state.code, jwk))!;
    await subscriptionStore(t.ctx.db).save(deviceId, subscription, t.ctx.clock.now());
    if (!finish) return { user, deviceId, regs: [] };
    const result = await pushMethod.enrol.complete(mc(), user, state, {}, attempt(), en);
    if (result.ok !== true) throw new Error('not registered');
    const regs = [await addRegistration(t.ctx, user.id, pushMethod.id, result)];
    for (const c of result.companions ?? []) {
      const { methodType, ...companion } = companionOf(result, c);
      regs.push(await addRegistration(t.ctx, user.id, methodType, { ok: true, ...companion }));
    }
    return { user, deviceId, regs };
  }
  const unregister = (id: string) =>
    t.ctx.db.deleteFrom('auth_methods').where('id', '=', id).execute();

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('deletes devices no registration names (not while an enrolment may still register one)', async () => {
    const kept = await activated('kept@contoso.com', true);
    const removed = await activated('removed@contoso.com', true);
    const otpOnly = await activated('otp-only@contoso.com', true);
    const unfinished = await activated('unfinished@contoso.com', false);
    for (const r of removed.regs) await unregister(r.id);
    await unregister(otpOnly.regs.find((r) => r.methodType === pushMethod.id)!.id);
    assert.deepEqual(
      otpOnly.regs.map((r) => r.methodType),
      ['PhoneAppNotification', 'PhoneAppOTP'],
    );
    await pushMethod.enrol.begin(mc(), kept.user); // an activation code never used

    // Just activated: an enrolment under way registers its device when the user continues.
    await sweep();
    assert.equal(await exists('authenticator_devices'), 4);
    // Its activation code has expired, but the flow that holds it may live an hour.
    t.clock.advance(30 * MINUTE);
    await sweep();
    assert.equal(await exists('authenticator_devices'), 4);
    assert.equal(await exists('authenticator_activations'), 5, 'kept an hour past expiry');

    t.clock.advance(41 * MINUTE);
    await sweep();
    assert.equal(await exists('authenticator_activations'), 0);
    assert.ok(await device(kept.deviceId));
    assert.ok(await device(otpOnly.deviceId), 'the app still gives codes');
    assert.equal(await device(removed.deviceId), undefined);
    assert.equal(await device(unfinished.deviceId), undefined, 'that enrolment is over');
    const subs = subscriptionStore(t.ctx.db);
    assert.equal(await subs.find(removed.deviceId), undefined, 'its push subscription went too');
    assert.ok(await subs.find(kept.deviceId));
  });

  it('deletes requests a day after their end, keeping what MFA fatigue counts', async () => {
    const { user, deviceId, regs } = await activated('requests@contoso.com', true);
    const reg = {
      id: regs[0]!.id,
      methodType: pushMethod.id,
      isDefault: true,
      secret: null,
      details: { deviceId },
    };
    const store = pushStore(t.ctx.db);
    const requests = () =>
      t.ctx.db.selectFrom('push_requests').select('id').where('user_id', '=', user.id).execute();

    // Unanswered (marked expired only when next looked at), then one approved and consumed.
    await pushMethod.challenge(mc(), user, reg, attempt(), false);
    t.clock.advance(REQUEST_MS + 1);
    const flowId = crypto.randomUUID();
    await pushMethod.challenge(mc(), user, reg, { ...attempt(), flowId }, false);
    const [approved] = await store.pendingFor(deviceId, t.ctx.clock.now());
    await store.move(approved!.id, 'pending', 'approved', t.ctx.clock.now());
    t.clock.advance(23 * 60 * MINUTE);
    await store.move(approved!.id, 'approved', 'consumed', t.ctx.clock.now());
    // A recent unanswered one: MFA fatigue counts it.
    await pushMethod.challenge(mc(), user, reg, attempt(), false);
    t.clock.advance(2 * 60 * MINUTE);
    await store.expire(user.id, t.ctx.clock.now());
    const since = t.ctx.clock.now() - 24 * 60 * MINUTE;
    assert.equal(await store.unwantedSince(user.id, since), 1);

    await sweep();
    const left = (await requests()).map((r) => r.id);
    assert.equal(left.length, 2, 'the first went; the consumed one ended 2 hours ago');
    assert.ok(left.includes(approved!.id));
    assert.equal(await store.unwantedSince(user.id, since), 1);

    t.clock.advance(25 * 60 * MINUTE);
    await sweep();
    assert.equal((await requests()).length, 0);
  });
});
