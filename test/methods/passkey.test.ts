import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import type { AppError } from '../../src/errors.ts';
import { translator } from '../../src/i18n/index.ts';
import { findMethod, methods } from '../../src/methods/index.ts';
import { passkeyMethod, relyingParty } from '../../src/methods/passkey/index.ts';
import type { Attempt, AuthMethod, MethodUser, Registration } from '../../src/methods/types.ts';
import { changeMethodPolicy, getMethodsPolicy } from '../../src/services/methods-policy.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeAttestationCertificates } from '../helpers/certificates.ts';
import { type Overrides, SoftAuthenticator } from './passkey-authenticator.ts';

const en = translator('en');
type State = Awaited<ReturnType<NonNullable<typeof passkeyMethod.enrol>['begin']>>;

describe('Passkey method (SQLite)', () => {
  let t: TestApp;
  const m: AuthMethod<State> = passkeyMethod;
  const enrol = m.enrol!;
  const attempt = (flowId: string = crypto.randomUUID()): Attempt => ({
    flowId,
    clientIp: '192.0.2.1',
    allowedMethods: methods.map((x) => x.id),
  });
  const mc = () => t.ctx.methodContext;
  let rp: { rpID: string; origin: string };

  async function newUser(upn: string): Promise<MethodUser> {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    return { id: u.id, upn: u.upn, displayName: u.display_name, preferredLanguage: 'en' };
  }

  /** Registers a new software authenticator through the method's enrolment, as the flows do. */
  async function register(user: MethodUser, name = 'Laptop') {
    const auth = new SoftAuthenticator(rp.rpID, rp.origin);
    const state = await enrol.begin(mc(), user, attempt());
    const response = JSON.stringify(auth.register(state.challenge));
    const result = await enrol.complete(mc(), user, state, { name, response }, attempt(), en);
    assert.equal(result.ok, true, JSON.stringify(result));
    if (result.ok !== true) throw new Error('not registered');
    const reg = await addRegistration(t.ctx, user.id, m.id, result);
    return { auth, reg };
  }

  /** Renders the verify form for an attempt and returns the challenge it stored. */
  async function challengeFor(user: MethodUser, reg: Registration, flowId: string) {
    const form = { action: '/x', csrfToken: 'c', t: en };
    await m.renderVerify(mc(), user, reg, form, attempt(flowId));
    const row = await t.ctx.db
      .selectFrom('passkey_challenges')
      .select('challenge')
      .where('flow_id', '=', flowId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return row.challenge;
  }

  const verify = (user: MethodUser, reg: Registration, response: unknown, flowId: string) =>
    m.verify(mc(), user, reg, { response: JSON.stringify(response) }, attempt(flowId), en);

  const counterOf = async (credentialId: string) =>
    Number(
      (
        await t.ctx.db
          .selectFrom('passkeys')
          .select('counter')
          .where('credential_id', '=', credentialId)
          .executeTakeFirstOrThrow()
      ).counter,
    );

  before(async () => {
    t = await createTestApp();
    rp = relyingParty(mc());
  });
  after(() => t.close());

  it('is registered before RecoveryCode, a possession factor contributing amr "hwk"', () => {
    assert.equal(findMethod('Passkey'), m);
    assert.ok(methods.indexOf(findMethod('Passkey')!) < methods.length - 1);
    assert.equal(methods.at(-1)?.id, 'RecoveryCode');
    assert.equal(m.factor, 'possession');
    assert.deepEqual(m.amr, ['hwk']);
  });

  it('derives the RP ID and origin from the public URL', () => {
    const url = new URL(t.ctx.config.publicUrl);
    assert.deepEqual(rp, { rpID: url.hostname, origin: url.origin });
  });

  it('offers ES256 and RS256 only, and excludes the passkeys the user has', async () => {
    const user = await newUser('ana@contoso.com');
    const first = await enrol.begin(mc(), user, attempt());
    assert.equal(first.options.rp.id, rp.rpID);
    assert.equal(first.options.rp.name, 'Portcullis');
    assert.equal(first.options.user.name, 'ana@contoso.com');
    assert.deepEqual(
      first.options.pubKeyCredParams.map((p) => p.alg),
      [-7, -257],
    );
    assert.equal(first.options.authenticatorSelection?.residentKey, 'preferred');
    assert.deepEqual(first.options.excludeCredentials, []);
    const { auth } = await register(user);
    const second = await enrol.begin(mc(), user, attempt());
    assert.deepEqual(
      second.options.excludeCredentials?.map((c) => c.id),
      [auth.credentialId],
    );
    assert.equal(second.name, 'Passkey 2');
  });

  it('registers with a name, and keeps the public key and counter in its own table', async () => {
    const user = await newUser('ben@contoso.com');
    const { auth, reg } = await register(user, '  Work laptop  ');
    assert.deepEqual(reg.details, { credentialId: auth.credentialId, name: 'Work laptop' });
    assert.equal(reg.secret, null);
    assert.equal(await counterOf(auth.credentialId), 0);
  });

  it('refuses registrations for another origin, RP ID, challenge, type or algorithm', async () => {
    const user = await newUser('cid@contoso.com');
    const state = await enrol.begin(mc(), user, attempt());
    const auth = new SoftAuthenticator(rp.rpID, rp.origin);
    for (const o of [
      { origin: 'https://evil.example' },
      { rpId: 'evil.example' },
      { challenge: Buffer.from('other challenge').toString('base64url') },
      { type: 'webauthn.get' },
      { alg: -8 }, // EdDSA: not an allowed algorithm
    ]) {
      const response = JSON.stringify(auth.register(state.challenge, o));
      const r = await enrol.complete(mc(), user, state, { response }, attempt(), en);
      assert.deepEqual(r, { ok: false, reason: 'invalid' }, JSON.stringify(o));
    }
    const missing = await enrol.complete(mc(), user, state, {}, attempt(), en);
    assert.equal(missing.ok, 'retry');
    const garbage = await enrol.complete(mc(), user, state, { response: '{' }, attempt(), en);
    assert.equal(garbage.ok, 'retry');
  });

  it('signs in with an assertion to a challenge of this attempt, and moves the counter on', async () => {
    const user = await newUser('dee@contoso.com');
    const { auth, reg } = await register(user);
    const flow = crypto.randomUUID();
    const challenge = await challengeFor(user, reg, flow);
    assert.deepEqual(await verify(user, reg, auth.assert(challenge), flow), { ok: true });
    assert.equal(await counterOf(auth.credentialId), 1);
  });

  it('refuses a replayed assertion and a challenge of another attempt', async () => {
    const user = await newUser('eve@contoso.com');
    const { auth, reg } = await register(user);
    const flow = crypto.randomUUID();
    const challenge = await challengeFor(user, reg, flow);
    const assertion = auth.assert(challenge);
    assert.deepEqual(await verify(user, reg, assertion, flow), { ok: true });
    assert.deepEqual(await verify(user, reg, assertion, flow), { ok: false, reason: 'replayed' });
    // A fresh signature over the used challenge is refused too.
    assert.deepEqual(await verify(user, reg, auth.assert(challenge), flow), {
      ok: false,
      reason: 'replayed',
    });
    // A challenge made for another sign-in attempt does not count for this one.
    const other = await challengeFor(user, reg, crypto.randomUUID());
    assert.deepEqual(await verify(user, reg, auth.assert(other), flow), {
      ok: false,
      reason: 'expired',
    });
  });

  it('lets only one of two racing requests with the same assertion through', async () => {
    const user = await newUser('fay@contoso.com');
    const { auth, reg } = await register(user);
    const flow = crypto.randomUUID();
    const assertion = auth.assert(await challengeFor(user, reg, flow));
    const results = await Promise.all([
      verify(user, reg, assertion, flow),
      verify(user, reg, assertion, flow),
    ]);
    assert.equal(results.filter((r) => r.ok === true).length, 1, JSON.stringify(results));
  });

  it('refuses an expired challenge', async () => {
    const user = await newUser('gus@contoso.com');
    const { auth, reg } = await register(user);
    const flow = crypto.randomUUID();
    const challenge = await challengeFor(user, reg, flow);
    t.clock.advance(5 * 60_000 + 1);
    assert.deepEqual(await verify(user, reg, auth.assert(challenge), flow), {
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses assertions for another origin or RP ID, of the wrong type, or badly signed', async () => {
    const user = await newUser('hal@contoso.com');
    const { auth, reg } = await register(user);
    const stranger = new SoftAuthenticator(rp.rpID, rp.origin);
    const cases: [string, (c: string) => unknown][] = [
      ['origin', (c) => auth.assert(c, { origin: 'https://evil.example' })],
      ['RP ID hash', (c) => auth.assert(c, { rpId: 'evil.example' })],
      ['type', (c) => auth.assert(c, { type: 'webauthn.create' })],
      [
        'another key',
        (c) => ({ ...stranger.assert(c), id: auth.credentialId, rawId: auth.credentialId }),
      ],
    ];
    for (const [what, make] of cases) {
      const flow = crypto.randomUUID();
      const r = await verify(user, reg, make(await challengeFor(user, reg, flow)), flow);
      assert.deepEqual(r, { ok: false, reason: 'invalid' }, what);
    }
    const flow = crypto.randomUUID();
    await challengeFor(user, reg, flow);
    assert.deepEqual(await m.verify(mc(), user, reg, { response: 'nonsense' }, attempt(flow), en), {
      ok: false,
      reason: 'malformed',
    });
    assert.equal(await counterOf(auth.credentialId), 0, 'no refused assertion moved the counter');
  });

  it('flags and refuses a passkey whose signature counter goes backwards', async () => {
    const user = await newUser('ida@contoso.com');
    const { auth, reg } = await register(user);
    let flow = crypto.randomUUID();
    const first = auth.assert(await challengeFor(user, reg, flow), { counter: 10 });
    assert.deepEqual(await verify(user, reg, first, flow), { ok: true });
    // A clone answers with a counter that did not grow.
    flow = crypto.randomUUID();
    const clone = auth.assert(await challengeFor(user, reg, flow), { counter: 7 });
    assert.deepEqual(await verify(user, reg, clone, flow), {
      ok: false,
      reason: 'replayed',
      detail: 'passkey counter went backwards',
    });
    const row = await t.ctx.db
      .selectFrom('passkeys')
      .selectAll()
      .where('credential_id', '=', auth.credentialId)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.flagged_at, null);
    assert.equal(Number(row.counter), 10);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'passkey_flagged')
      .where('target_user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.detail).reason, 'passkey counter went backwards');
    assert.equal(audit.ip, '192.0.2.1');
    // Flagged, the passkey is refused even with a counter that grows.
    flow = crypto.randomUUID();
    const later = auth.assert(await challengeFor(user, reg, flow), { counter: 11 });
    assert.deepEqual(await verify(user, reg, later, flow), { ok: false, reason: 'invalid' });
  });

  it('accepts an authenticator that keeps no counter (always 0)', async () => {
    const user = await newUser('jo@contoso.com');
    const { auth, reg } = await register(user);
    for (let i = 0; i < 2; i++) {
      const flow = crypto.randomUUID();
      const a = auth.assert(await challengeFor(user, reg, flow), { counter: 0 });
      assert.deepEqual(await verify(user, reg, a, flow), { ok: true });
    }
  });

  it('refuses a credential id another user registered', async () => {
    const kim = await newUser('kim@contoso.com');
    const lou = await newUser('lou@contoso.com');
    const { auth } = await register(kim);
    const state = await enrol.begin(mc(), lou, attempt());
    const response = JSON.stringify(auth.register(state.challenge));
    const r = await enrol.complete(mc(), lou, state, { response }, attempt(), en);
    assert.deepEqual(r, { ok: false, reason: 'invalid' });
  });
});

describe('Passkey attestation (SQLite)', () => {
  const MODEL = 'ee882879-721c-4913-9775-3dfcce97072a';
  let dir: string;
  let t: TestApp;
  let trusted: ReturnType<typeof makeAttestationCertificates>;
  let rogue: ReturnType<typeof makeAttestationCertificates>;
  const mc = () => t.ctx.methodContext;
  const attempt = (): Attempt => ({
    flowId: crypto.randomUUID(),
    clientIp: '192.0.2.1',
    allowedMethods: methods.map((x) => x.id),
  });

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'attestation-'));
    mkdirSync(path.join(dir, 'trusted'));
    mkdirSync(path.join(dir, 'rogue'));
    trusted = makeAttestationCertificates(path.join(dir, 'trusted'), 'Trusted Keys', MODEL);
    rogue = makeAttestationCertificates(path.join(dir, 'rogue'), 'Rogue Keys', MODEL);
    writeFileSync(path.join(dir, 'roots.pem'), trusted.root);
    t = await createTestApp({ PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: path.join(dir, 'roots.pem') });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Registers a software authenticator for a new user, answering as `o` says. */
  async function tryRegister(upn: string, o: Overrides) {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    const user = { id: u.id, upn, displayName: u.display_name, preferredLanguage: 'en' };
    const { rpID, origin } = relyingParty(mc());
    const auth = new SoftAuthenticator(rpID, origin);
    const state = await passkeyMethod.enrol!.begin(mc(), user);
    const response = JSON.stringify(auth.register(state.challenge, { aaguid: MODEL, ...o }));
    const result = await passkeyMethod.enrol!.complete(
      mc(),
      user,
      state,
      { response },
      attempt(),
      en,
    );
    const stored = await t.ctx.db
      .selectFrom('passkeys')
      .select('aaguid')
      .where('user_id', '=', u.id)
      .execute();
    return { state, result, stored };
  }

  it('is refused in the policy without roots, naming the setting', async () => {
    const bare = await createTestApp();
    try {
      await assert.rejects(
        changeMethodPolicy(bare.ctx, 'passkey', { attestationRequired: true }),
        (e: AppError) => /PORTCULLIS_PASSKEY_ATTESTATION_ROOTS/.test(e.detail ?? ''),
      );
      assert.equal((await getMethodsPolicy(bare.ctx)).passkey.attestationRequired, false);
    } finally {
      await bare.close();
    }
  });

  it('refuses a roots file that holds no certificate, at start', () => {
    writeFileSync(path.join(dir, 'empty.pem'), 'not a certificate\n');
    assert.throws(
      () => loadConfig({ PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: path.join(dir, 'empty.pem') }),
      /PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: .*empty\.pem holds no PEM certificate/,
    );
    assert.throws(
      () => loadConfig({ PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: path.join(dir, 'gone.pem') }),
      /cannot read .*gone\.pem: ENOENT/,
    );
  });

  it('without the requirement, accepts a passkey that proves nothing', async () => {
    const { result, stored } = await tryRegister('free@contoso.com', {});
    assert.equal(result.ok, true);
    assert.deepEqual(
      stored.map((s) => s.aaguid),
      [MODEL],
    );
  });

  it('with it, asks for the model and accepts only a chain to a trusted root', async () => {
    await changeMethodPolicy(t.ctx, 'passkey', { attestationRequired: true });
    const full = { x5c: [trusted.leafDer], key: trusted.leafKey };
    const ok = await tryRegister('proven@contoso.com', { packed: full });
    assert.equal(ok.state.options.attestation, 'direct');
    assert.equal(ok.result.ok, true, JSON.stringify(ok.result));
    assert.deepEqual(
      ok.stored.map((s) => s.aaguid),
      [MODEL],
    );

    const cases: [string, Overrides, string][] = [
      ['none@contoso.com', {}, 'passkey.attestation.missing'],
      ['self@contoso.com', { packed: {} }, 'passkey.attestation.missing'],
      [
        'rogue@contoso.com',
        { packed: { x5c: [rogue.leafDer], key: rogue.leafKey } },
        'passkey.attestation.untrusted',
      ],
    ];
    for (const [upn, o, message] of cases) {
      const { result, stored } = await tryRegister(upn, o);
      assert.deepEqual(result, { ok: 'retry', message: en(message as never) }, upn);
      assert.equal(stored.length, 0, `${upn}: nothing stored`);
    }
  });

  it('a chain signed by a key other than the certificate’s is refused outright', async () => {
    const { result, stored } = await tryRegister('forged@contoso.com', {
      packed: { x5c: [trusted.leafDer], key: rogue.leafKey },
    });
    assert.deepEqual(result, { ok: false, reason: 'invalid' });
    assert.equal(stored.length, 0);
  });
});
