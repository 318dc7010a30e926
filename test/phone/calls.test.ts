import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordCallOutcome } from '../../src/delivery/calls.ts';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { answerCall } from '../../src/services/outbox.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';

describe('phone call methods (answer and press #)', () => {
  let t: TestApp;
  const ringing = async (to: string) => {
    const [call] = await outboxStore(t.ctx.db).list({ number: to, limit: 1 });
    assert.equal(call?.kind, 'call');
    assert.equal(call?.status, 'ringing');
    return call!;
  };
  async function signIn(upn: string) {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password: PASSWORD });
    return { b, ...r };
  }
  async function registerCall(
    upn: string,
    number: string,
    method = 'TwoWayVoiceMobile',
    extra: Record<string, string> = {},
  ) {
    const { b } = await signIn(upn);
    await b.submit('/signin/proofup', { method });
    const waiting = await b.submit('/signin/proofup/verify', { country: 'CZ', number, ...extra });
    const e164 = `+420${number.replace(/\s/g, '')}`;
    return { b, e164, waiting };
  }

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('proof-up: the phone rings with the greeting; # registers the method; the page waits without script', async () => {
    await t.addUser({ upn: 'cal@contoso.com', displayName: 'Cal', mfaState: 'Enforced' });
    const { b, e164, waiting } = await registerCall('cal@contoso.com', '601 222 333');
    // The number just typed, in full, on the page the user typed it on.
    assert.match(textOf(waiting.html), /We're calling \+420 601 222 333/);
    assert.match(waiting.html, /<meta http-equiv="refresh" content="3;url=\/signin\/step\?poll=1"/);
    const call = await ringing(e164);
    assert.match(call.body, /this is Portcullis.*press the pound key.*zero and then the pound key/);
    const still = await b.page('/signin/step?poll=1');
    assert.match(textOf(still.html), /Waiting for you to answer/);
    await answerCall(t.ctx, call.id, { keys: '#' });
    await b.page('/signin/step?poll=1');
    const done = await b.pastAppPasswordsStep();
    assert.match(textOf(done.html), /My account/);
    const user = await t.ctx.stores.users.findByUpn('cal@contoso.com');
    const [m] = await t.ctx.stores.methods.listForUser(user!.id);
    assert.equal(m?.method_type, 'TwoWayVoiceMobile');
  });

  it('sign-in: the default method calls at once; an answered call is used once', async () => {
    t.clock.advance(60_000);
    const { b, html } = await signIn('cal@contoso.com');
    assert.match(textOf(html), /We're calling/);
    const call = await ringing('+420601222333');
    await answerCall(t.ctx, call.id, { keys: '#' });
    const done = await b.submit(
      html.match(/action="(\/signin\/verify[^"]*)"/)![1]!.replace(/&amp;/g, '&'),
      {},
    );
    assert.match(textOf(done.html), /My account/);
    await assert.rejects(answerCall(t.ctx, call.id, { keys: '#' }), /no longer ringing/);
  });

  it('office phone: the extension is kept and dialled', async () => {
    await t.addUser({ upn: 'ofc@contoso.com', mfaState: 'Enforced' });
    const { b, e164 } = await registerCall('ofc@contoso.com', '222 333 444', 'TwoWayVoiceOffice', {
      extension: '1234',
    });
    const call = await ringing(e164);
    assert.equal(call.extension, '1234');
    await answerCall(t.ctx, call.id, { keys: '#' });
    await b.page('/signin/step?poll=1');
    assert.match(textOf((await b.pastAppPasswordsStep()).html), /My account/);
    await t.addUser({ upn: 'ofc2@contoso.com', mfaState: 'Enforced' });
    const bad = await registerCall('ofc2@contoso.com', '222 333 445', 'TwoWayVoiceOffice', {
      extension: 'abc',
    });
    assert.equal(bad.waiting.res.status, 400);
    assert.match(textOf(bad.waiting.html), /doesn't look like a valid phone number/);
  });

  it('a hang-up or no answer fails the attempt with a clear message and a retry', async () => {
    await t.addUser({ upn: 'han@contoso.com', mfaState: 'Enforced' });
    const { b, e164 } = await registerCall('han@contoso.com', '603 444 555');
    await answerCall(t.ctx, (await ringing(e164)).id, { hangUp: true });
    const declined = await b.page('/signin/step?poll=1');
    assert.match(textOf(declined.html), /ended without approval/);
    assert.match(textOf(declined.html), /Call me again/);
    t.clock.advance(1000);
    await b.submit('/signin/proofup/verify', { resend: '1' });
    await ringing(e164);
    t.clock.advance(61_000);
    const timedOut = await b.page('/signin/step?poll=1');
    assert.match(textOf(timedOut.html), /wasn't answered in time/);
  });

  it('0# reports fraud: the user is blocked and refused sign-in', async () => {
    await t.addUser({ upn: 'frd@contoso.com', mfaState: 'Enforced' });
    const { b, e164 } = await registerCall('frd@contoso.com', '604 555 666');
    await answerCall(t.ctx, (await ringing(e164)).id, { keys: '0#' });
    const user = await t.ctx.stores.users.findByUpn('frd@contoso.com');
    assert.equal(user?.blocked, 1);
    assert.equal(user?.risk_level, 'high');
    assert.equal(user?.risk_detail, 'userReportedSuspiciousActivity');
    assert.ok(user?.fraud_reported_at);
    const after = await b.page('/signin/step?poll=1');
    assert.match(textOf(after.html), /Sign in/);
    assert.equal((await signIn('frd@contoso.com')).res.status, 401);
  });

  it('only calls can be approved from outside: a text challenge ignores call outcomes', async () => {
    await t.addUser({ upn: 'txt@contoso.com', mfaState: 'Enforced' });
    const { b } = await signIn('txt@contoso.com');
    await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    await b.submit('/signin/proofup/verify', { country: 'CZ', number: '605 666 777' });
    const user = await t.ctx.stores.users.findByUpn('txt@contoso.com');
    const challenge = await t.ctx.db
      .selectFrom('challenges')
      .selectAll()
      .where('user_id', '=', user!.id)
      .executeTakeFirstOrThrow();
    assert.ok(challenge.code_hash);
    assert.equal(await recordCallOutcome(t.ctx, challenge.id, 'approved'), false);
    assert.equal((await t.ctx.stores.challenges.find(challenge.id))?.status, 'pending');
  });
});

describe('the authentication phone page: text me or call me', () => {
  it('"Call me" on the mobile phone registers the call as default and texts as well', async () => {
    const t = await createTestApp();
    try {
      await t.addUser({ upn: 'both@contoso.com', mfaState: 'Enforced' });
      const b = new FormClient((req) => t.app.request(req));
      await b.page('/');
      await b.submit('/signin', { username: 'both@contoso.com', password: PASSWORD });
      const form = await b.submit('/signin/proofup', { method: 'OneWaySMS' });
      assert.match(textOf(form.html), /Send me a code by text message/);
      assert.match(textOf(form.html), /Call me/);
      await b.submit('/signin/proofup/verify', {
        country: 'CZ',
        number: '607 111 222',
        channel: 'call',
      });
      const [call] = await outboxStore(t.ctx.db).list({ number: '+420607111222', limit: 1 });
      assert.equal(call?.kind, 'call');
      await answerCall(t.ctx, call!.id, { keys: '#' });
      await b.page('/signin/step?poll=1');
      assert.match(textOf((await b.pastAppPasswordsStep()).html), /My account/);
      const user = await t.ctx.stores.users.findByUpn('both@contoso.com');
      const methods = await t.ctx.stores.methods.listForUser(user!.id);
      assert.deepEqual(
        methods.map((m) => [m.method_type, m.is_default]),
        [
          ['TwoWayVoiceMobile', 1],
          ['OneWaySMS', 0],
        ],
      );
    } finally {
      await t.close();
    }
  });

  it('offers only what the organisation allows', async () => {
    const t = await createTestApp();
    try {
      const { updateServiceSettings } = await import('../../src/services/settings.ts');
      await updateServiceSettings(t.ctx, { allowedMethods: ['TwoWayVoiceMobile'] });
      await t.addUser({ upn: 'only@contoso.com', mfaState: 'Enforced' });
      const b = new FormClient((req) => t.app.request(req));
      await b.page('/');
      await b.submit('/signin', { username: 'only@contoso.com', password: PASSWORD });
      assert.doesNotMatch(b.lastHtml, /value="OneWaySMS"/);
      const form = await b.submit('/signin/proofup', { method: 'TwoWayVoiceMobile' });
      assert.doesNotMatch(textOf(form.html), /Send me a code by text message/);
      await b.submit('/signin/proofup/verify', {
        country: 'CZ',
        number: '607 333 444',
        channel: 'text',
      });
      const [sent] = await outboxStore(t.ctx.db).list({ number: '+420607333444', limit: 1 });
      assert.equal(sent?.kind, 'call', 'a disallowed channel cannot be forced');
      await answerCall(t.ctx, sent!.id, { keys: '#' });
      await b.page('/signin/step?poll=1');
      const user = await t.ctx.stores.users.findByUpn('only@contoso.com');
      const methods = await t.ctx.stores.methods.listForUser(user!.id);
      assert.deepEqual(
        methods.map((m) => m.method_type),
        ['TwoWayVoiceMobile'],
      );
    } finally {
      await t.close();
    }
  });
});

describe('call greeting and the simulator', () => {
  it('uses the configured greeting instead of the default one', async () => {
    const t = await createTestApp({
      PORTCULLIS_CALL_GREETING: 'Contoso security desk: press pound to approve.',
    });
    try {
      await t.addUser({ upn: 'gre@contoso.com', mfaState: 'Enforced' });
      const b = new FormClient((req) => t.app.request(req));
      await b.page('/');
      await b.submit('/signin', { username: 'gre@contoso.com', password: PASSWORD });
      await b.submit('/signin/proofup', { method: 'TwoWayVoiceMobile' });
      await b.submit('/signin/proofup/verify', { country: 'CZ', number: '606 777 888' });
      const [call] = await outboxStore(t.ctx.db).list({ number: '+420606777888', limit: 1 });
      assert.equal(call?.body, 'Contoso security desk: press pound to approve.');
    } finally {
      await t.close();
    }
  });

  it('mounts the phone simulator only when asked for, with the outbox provider', async () => {
    const outbox = await createTestApp();
    const simulator = await createTestApp({ PORTCULLIS_PHONE_SIMULATOR: 'true' });
    const webhook = await createTestApp({
      PORTCULLIS_TELEPHONY: 'webhook',
      PORTCULLIS_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      PORTCULLIS_WEBHOOK_SECRET: 'a-very-long-shared-secret',
    });
    // From this machine (test/http/phone-simulator.test.ts has who else may see it).
    const local = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    try {
      assert.equal((await outbox.app.request('/_dev/phone', undefined, local)).status, 404);
      assert.equal((await simulator.app.request('/_dev/phone', undefined, local)).status, 200);
      assert.equal((await webhook.app.request('/_dev/phone', undefined, local)).status, 404);
    } finally {
      await outbox.close();
      await simulator.close();
      await webhook.close();
    }
  });
});
