import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { translator } from '../../src/i18n/index.ts';
import { findMethod, methods } from '../../src/methods/index.ts';
import {
  activateDevice,
  type Device,
  decide,
  deviceFor,
  pendingRequests,
} from '../../src/methods/push/device.ts';
import { pushMethod, REQUEST_MS } from '../../src/methods/push/index.tsx';
import { checkSignature, signedText } from '../../src/methods/push/signature.ts';
import { pushStore } from '../../src/methods/push/store.ts';
import { TOTP_PERIOD_SECONDS, totpFor } from '../../src/methods/totp/codes.ts';
import type { Attempt, AuthMethod, MethodUser, Registration } from '../../src/methods/types.ts';
import {
  addRegistration,
  companionOf,
  loadRegistrations,
} from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { onPostgres } from '../helpers/db.ts';

const en = translator('en');

/** A device as the app makes one, with node:crypto: a P-256 key pair. */
function newKeys() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}
const signWith = (key: KeyObject, id: string, number: string, decision: string) =>
  sign('sha256', Buffer.from(signedText(id, number, decision)), {
    key,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');

describe(`PhoneAppNotification method (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  const m: AuthMethod<{ code: string }> = pushMethod;
  const attempt = (flowId: string = crypto.randomUUID()): Attempt => ({
    flowId,
    clientIp: '192.0.2.1',
    allowedMethods: methods.map((x) => x.id),
  });

  async function newUser(upn: string): Promise<MethodUser> {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    return { id: u.id, upn: u.upn, displayName: u.display_name, preferredLanguage: 'en' };
  }

  /** Proof-up as the flows run it, with the device activating in between. */
  async function enrolled(upn: string) {
    const user = await newUser(upn);
    const mc = t.ctx.methodContext;
    const enrol = m.enrol!;
    const state = await enrol.begin(mc, user, attempt());
    const html = String(
      await enrol.render(mc, user, state, {
        action: '/signin/proofup/verify',
        csrfToken: 'x',
        t: en,
      }),
    );
    const link = /id="authenticator-link" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(link?.startsWith(`${t.ctx.config.publicUrl}/authenticator#activate=`), link);
    assert.match(html, /<svg/);
    assert.equal((await enrol.complete(mc, user, state, {}, attempt(), en)).ok, 'waiting');
    const keys = newKeys();
    const jwk = keys.publicKey.export({ format: 'jwk' });
    const code = link!.split('#activate=')[1]!;
    const activated = await activateDevice(t.ctx, code, jwk);
    assert.ok(activated);
    assert.equal(activated.upn, upn);
    // The code is single use.
    assert.equal(await activateDevice(t.ctx, code, jwk), null);
    const result = await enrol.complete(mc, user, state, {}, attempt(), en);
    assert.equal(result.ok, true);
    if (result.ok !== true) throw new Error('not registered');
    const reg = await addRegistration(t.ctx, user.id, m.id, result);
    const device = (await deviceFor(t.ctx, activated.token))!;
    assert.equal(device.id, activated.deviceId);
    return { user, reg, device, key: keys.privateKey, activated, result };
  }

  const mc = () => t.ctx.methodContext;
  async function request(user: MethodUser, reg: Registration, device: Device, flowId: string) {
    await m.challenge!(mc(), user, reg, attempt(flowId), false);
    const pending = await pendingRequests(t.ctx, device);
    assert.equal(pending.length, 1);
    const row = (await pushStore(t.ctx.db).find(pending[0]!.id))!;
    // The page shows the number; the device is never told it.
    const html = String(
      await m.renderVerify(
        mc(),
        user,
        reg,
        { action: '/signin/verify', csrfToken: 'x', t: en },
        attempt(flowId),
      ),
    );
    assert.match(html, new RegExp(`id="push-number"[^>]*>${row.number}<`));
    assert.equal(JSON.stringify(pending).includes(`"number"`), false);
    return row;
  }
  const verify = (user: MethodUser, reg: Registration, flowId: string) =>
    m.verify(mc(), user, reg, {}, attempt(flowId), en);

  /** A live sign-in flow of the user, as the sign-in flow stores one. */
  async function newFlow(user: MethodUser, lifeMs = 10 * 60_000): Promise<string> {
    const id = crypto.randomUUID();
    const now = t.ctx.clock.now();
    await t.ctx.stores.flows.insert({
      id,
      user_id: user.id,
      factors: '[]',
      failed_codes: 0,
      pending_sealed: null,
      return_to: null,
      client_ip: '192.0.2.1',
      user_agent: null,
      created_at: now,
      expires_at: now + lifeMs,
      ended_at: null,
      require_mfa: 0,
      strength: 'none',
      step_up: 0,
      remember_device: 0,
      proofup_postponed: 0,
      campaign_snoozed: 0,
    });
    return id;
  }

  /** `n` requests the user did not want: the first unanswered, the others denied. */
  async function unwanted(
    n: number,
    { user, reg, device, key }: Awaited<ReturnType<typeof enrolled>>,
  ) {
    for (let i = 0; i < n; i++) {
      const row = await request(user, reg, device, crypto.randomUUID());
      if (i === 0) {
        t.clock.advance(REQUEST_MS + 1); // unanswered
        continue;
      }
      const signature = signWith(key, row.id, '', 'deny');
      assert.equal(
        await decide(t.ctx, device, row.id, { decision: 'deny', number: '', signature }),
        'denied',
      );
    }
  }
  const paused = (e: Error & { local?: { key: string } }) => e.local?.key === 'push.paused';

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('is registered before RecoveryCode as a possession factor (amr pop)', () => {
    assert.equal(findMethod('PhoneAppNotification'), pushMethod as unknown);
    assert.equal(methods.at(-1)?.id, 'RecoveryCode');
    assert.equal(m.factor, 'possession');
    assert.deepEqual(m.amr, ['pop']);
  });

  it('activation adds a PhoneAppOTP account: its secret goes to the device once, its codes sign in', async () => {
    const { user, reg, activated, result } = await enrolled('otp-companion@contoso.com');
    assert.equal(result.ok, true);
    if (result.ok !== true) throw new Error('not registered');
    // The push registration itself has no secret; the companion carries its own.
    assert.equal(result.secret, null);
    const [companion, ...rest] = result.companions ?? [];
    assert.equal(rest.length, 0);
    assert.ok(companion && typeof companion === 'object');
    assert.equal(companion.methodType, 'PhoneAppOTP');
    assert.deepEqual(companion.details, { deviceId: activated.deviceId });
    assert.ok(activated.totp, 'the activation response gives the app its TOTP account');
    assert.equal(companion.secret, activated.totp.secret);
    assert.match(activated.totp.secret, /^[A-Z2-7]{32}$/, '160 bits, base32');
    assert.deepEqual(
      { digits: activated.totp.digits, period: activated.totp.period },
      { digits: 6, period: TOTP_PERIOD_SECONDS },
    );

    // As the flows register it (both: the same helper).
    const otpReg = await addRegistration(t.ctx, user.id, companion.methodType, {
      ok: true,
      ...companionOf(result, companion),
    });
    const types = (await loadRegistrations(t.ctx, user.id)).map((r) => r.methodType).sort();
    assert.deepEqual(types, ['PhoneAppNotification', 'PhoneAppOTP']);

    // A code the device computes from what it was given is accepted, once.
    const otp = findMethod('PhoneAppOTP')!;
    const code = totpFor(activated.totp.secret).generate({ timestamp: t.ctx.clock.now() });
    const flowId = crypto.randomUUID();
    const ok = await otp.verify(mc(), user, otpReg, { code }, attempt(flowId), en);
    assert.deepEqual(ok, { ok: true });
    const again = await otp.verify(mc(), user, otpReg, { code }, attempt(), en);
    assert.equal(again.ok, false);

    // The wait page links to that registration ("Enter a code from the app instead").
    const html = String(
      await m.renderVerify(
        mc(),
        user,
        reg,
        { action: '/signin/verify', csrfToken: 'x', t: en },
        attempt(),
      ),
    );
    assert.match(html, new RegExp(`href="/signin/step\\?method=${otpReg.id}"`));
    assert.match(html, /Enter a code from the app instead/);
    // Not where the organisation does not allow PhoneAppOTP.
    const noOtp = String(
      await m.renderVerify(
        mc(),
        user,
        reg,
        { action: '/signin/verify', csrfToken: 'x', t: en },
        { ...attempt(), allowedMethods: ['PhoneAppNotification'] },
      ),
    );
    assert.doesNotMatch(noOtp, /push-code-link/);
  });

  it('checks P-256 signatures in P1363 and DER form, and refuses other keys and texts', () => {
    const { publicKey, privateKey } = newKeys();
    const jwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
    const text = signedText('r1', '42', 'approve');
    const p1363 = signWith(privateKey, 'r1', '42', 'approve');
    const der = sign('sha256', Buffer.from(text), privateKey).toString('base64url');
    assert.equal(checkSignature(jwk, text, p1363), true);
    assert.equal(checkSignature(jwk, text, der), true);
    assert.equal(checkSignature(jwk, signedText('r1', '43', 'approve'), p1363), false);
    const other = JSON.stringify(newKeys().publicKey.export({ format: 'jwk' }));
    assert.equal(checkSignature(other, text, p1363), false);
    assert.equal(checkSignature(jwk, text, 'not a signature!'), false);
  });

  it('activates with a code (and an SPKI key), once, and not after it expires', async () => {
    const user = await newUser('ann@contoso.com');
    const state = await m.enrol!.begin(mc(), user, attempt());
    const spki = newKeys().publicKey.export({ format: 'der', type: 'spki' }).toString('base64url');
    assert.equal(await activateDevice(t.ctx, '0000 0000 0000', spki), null, 'unknown code');
    assert.equal(await activateDevice(t.ctx, state.code, 'rubbish'), null, 'not a key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    assert.equal(await activateDevice(t.ctx, state.code, rsa.export({ format: 'jwk' })), null);
    t.clock.advance(11 * 60_000);
    assert.equal(await activateDevice(t.ctx, state.code, spki), null, 'expired');
    const result = await m.enrol!.complete(mc(), user, state, {}, attempt(), en);
    assert.equal(result.ok, 'retry');
    const fresh = await m.enrol!.begin(mc(), user, attempt());
    assert.ok(await activateDevice(t.ctx, fresh.code, spki));
  });

  it('signs in with the right number, once; a wrong number or a bad signature is refused', async () => {
    const { user, reg, device, key } = await enrolled('bob@contoso.com');
    const flowId = crypto.randomUUID();
    const row = await request(user, reg, device, flowId);
    assert.equal((await verify(user, reg, flowId)).ok, 'waiting');
    const forged = signWith(newKeys().privateKey, row.id, row.number, 'approve');
    assert.equal(
      await decide(t.ctx, device, row.id, {
        decision: 'approve',
        number: row.number,
        signature: forged,
      }),
      'bad_signature',
    );
    const good = signWith(key, row.id, row.number, 'approve');
    assert.equal(
      await decide(t.ctx, device, row.id, {
        decision: 'approve',
        number: row.number,
        signature: good,
      }),
      'approved',
    );
    assert.deepEqual(await verify(user, reg, flowId), { ok: true });
    assert.equal((await verify(user, reg, flowId)).ok, 'waiting', 'used once');

    const flow2 = crypto.randomUUID();
    const row2 = await request(user, reg, device, flow2);
    const wrong = row2.number === '10' ? '11' : '10';
    assert.equal(
      await decide(t.ctx, device, row2.id, {
        decision: 'approve',
        number: wrong,
        signature: signWith(key, row2.id, wrong, 'approve'),
      }),
      'wrong_number',
    );
    assert.deepEqual(await verify(user, reg, flow2), {
      ok: false,
      reason: 'invalid',
      message: 'The number entered in the app did not match. The request was refused.',
    });
    assert.equal((await verify(user, reg, flow2)).ok, 'retry');
    const log = await t.ctx.db
      .selectFrom('signin_log')
      .select('reason')
      .where('method', '=', 'PhoneAppNotification')
      .execute();
    assert.ok(log.some((l) => /wrong number on the device/.test(l.reason)));
  });

  it('refuses an expired request', async () => {
    const { user, reg, device, key } = await enrolled('cy@contoso.com');
    const flowId = crypto.randomUUID();
    const row = await request(user, reg, device, flowId);
    t.clock.advance(REQUEST_MS + 1);
    assert.equal(
      await decide(t.ctx, device, row.id, {
        decision: 'approve',
        number: row.number,
        signature: signWith(key, row.id, row.number, 'approve'),
      }),
      'gone',
    );
    assert.equal((await verify(user, reg, flowId)).ok, 'retry');
    assert.equal((await pushStore(t.ctx.db).find(row.id))?.status, 'expired');
  });

  it('lists a request with the place of its address: a named location, a private network, or none', async () => {
    const { user, reg, device } = await enrolled('nia@contoso.com');
    await request(user, reg, device, crypto.randomUUID()); // from 192.0.2.1
    const place = async () => (await pendingRequests(t.ctx, device))[0]?.place;
    assert.equal(await place(), null, 'a public address no one named');
    try {
      await updateServiceSettings(t.ctx, {
        namedLocations: ['192.0.0.0/16 Head office', '192.0.2.0/24   Prague office'],
      });
      assert.equal(await place(), 'Prague office', 'the most specific range');

      // From a private address, in the user's language.
      t.clock.advance(REQUEST_MS + 1);
      await t.ctx.db
        .updateTable('users')
        .set({ preferred_language: 'cs' })
        .where('id', '=', user.id)
        .execute();
      await m.challenge!(mc(), user, reg, { ...attempt(), clientIp: '10.0.0.5' }, false);
      const [listed] = await pendingRequests(t.ctx, device);
      assert.equal(listed?.clientIp, '10.0.0.5');
      assert.equal(listed?.place, 'Soukromá síť');
    } finally {
      await updateServiceSettings(t.ctx, { namedLocations: [] });
    }
  });

  it('keeps one pending request per user: another sign-in waits its turn', async () => {
    const { user, reg } = await enrolled('dee@contoso.com');
    await m.challenge!(mc(), user, reg, attempt(await newFlow(user)), false);
    await assert.rejects(
      m.challenge!(mc(), user, reg, attempt(await newFlow(user)), false),
      (e: Error & { local?: { key: string } }) => e.local?.key === 'push.busy',
    );
  });

  it('a request of a sign-in that is over (ended, expired, gone) gives way at once, not as unwanted', async () => {
    const { user, reg, device } = await enrolled('dan@contoso.com');
    const store = pushStore(t.ctx.db);
    const since = t.ctx.clock.now() - 1;
    const flowA = await newFlow(user);
    const a = await request(user, reg, device, flowA);
    // Finished another way (a code from the app): the flow ended, the phone still shows A.
    assert.ok(await t.ctx.stores.flows.end(flowA, t.ctx.clock.now()));
    const flowB = await newFlow(user, REQUEST_MS / 2 - 1000);
    const b = await request(user, reg, device, flowB);
    assert.equal((await store.find(a.id))?.status, 'superseded');
    assert.deepEqual(
      (await pendingRequests(t.ctx, device)).map((r) => r.id),
      [b.id],
      'the phone shows only the new one',
    );
    // Flow B expires while its request still waits: C need not wait for it either.
    t.clock.advance(REQUEST_MS / 2);
    assert.equal((await store.find(b.id))?.status, 'pending');
    const flowC = await newFlow(user);
    const c = await request(user, reg, device, flowC);
    assert.equal((await store.find(b.id))?.status, 'superseded');
    // C's flow row is gone (housekeeping deleted it): D goes ahead too.
    await t.ctx.db.deleteFrom('signin_flows').where('id', '=', flowC).execute();
    await request(user, reg, device, await newFlow(user));
    assert.equal((await store.find(c.id))?.status, 'superseded');
    assert.equal(await store.unwantedSince(user.id, since), 0, 'superseded is not unwanted');
  });

  it('of 10 racing approvals of one request, exactly one wins', async () => {
    const { user, reg, device, key } = await enrolled('eve@contoso.com');
    const flowId = crypto.randomUUID();
    const row = await request(user, reg, device, flowId);
    const signature = signWith(key, row.id, row.number, 'approve');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        decide(t.ctx, device, row.id, { decision: 'approve', number: row.number, signature }),
      ),
    );
    assert.equal(results.filter((r) => r === 'approved').length, 1, results.join());
    assert.equal(results.filter((r) => r === 'gone').length, 9);
    const checks = await Promise.all(Array.from({ length: 10 }, () => verify(user, reg, flowId)));
    assert.equal(checks.filter((r) => r.ok === true).length, 1);
  });

  it('deny and report fraud blocks the user (block on fraud is on by default)', async () => {
    const { user, reg, device, key } = await enrolled('fay@contoso.com');
    const flowId = crypto.randomUUID();
    const row = await request(user, reg, device, flowId);
    assert.equal(
      await decide(t.ctx, device, row.id, {
        decision: 'fraud',
        number: '',
        signature: signWith(key, row.id, '', 'fraud'),
      }),
      'fraud',
    );
    const u = (await t.ctx.stores.users.findById(user.id))!;
    assert.equal(u.blocked, 1);
    assert.ok(u.fraud_reported_at);
    assert.equal(u.risk_level, 'high', "the app's report raises the risk too");
    assert.equal((await verify(user, reg, flowId)).ok, 'retry');
  });

  it('pauses notifications after 3 denied or unanswered requests (the default)', async () => {
    const enrolment = await enrolled('gus@contoso.com');
    const { user, reg } = enrolment;
    await unwanted(3, enrolment);
    await assert.rejects(m.challenge!(mc(), user, reg, attempt(), false), paused);
    const log = await t.ctx.db
      .selectFrom('signin_log')
      .select('reason')
      .where('user_id', '=', user.id)
      .execute();
    assert.ok(log.some((l) => /paused/.test(l.reason)));
    t.clock.advance(16 * 60_000);
    await m.challenge!(mc(), user, reg, attempt(), false);
  });

  it("pauses after the organisation's number of unwanted requests, over its window", async () => {
    const enrolment = await enrolled('hal@contoso.com');
    const { user, reg } = enrolment;
    await updateServiceSettings(t.ctx, { pushFatigueLimit: 5, pushFatigueMinutes: 60 });
    try {
      await unwanted(3, enrolment);
      await unwanted(2, enrolment); // past the default 3: still sent
      await assert.rejects(m.challenge!(mc(), user, reg, attempt(), false), paused);
      t.clock.advance(16 * 60_000);
      await assert.rejects(m.challenge!(mc(), user, reg, attempt(), false), paused, '60 minutes');
      t.clock.advance(45 * 60_000);
      await m.challenge!(mc(), user, reg, attempt(), false);

      await updateServiceSettings(t.ctx, { pushFatigueLimit: 1 });
      const next = await enrolled('ida@contoso.com');
      await unwanted(1, next);
      await assert.rejects(m.challenge!(mc(), next.user, next.reg, attempt(), false), paused);
    } finally {
      await updateServiceSettings(t.ctx, { pushFatigueLimit: 3, pushFatigueMinutes: 15 });
    }
  });
});
