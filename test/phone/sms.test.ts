import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { DeliveryError, type Telephony } from '../../src/delivery/types.ts';
import { translator } from '../../src/i18n/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';

/** The code in the newest text to a number, read from the outbox. */
async function lastCode(t: TestApp, to: string): Promise<string> {
  // The newest text with a code (proof-up also texts "a method was added" to the number).
  const texts = await outboxStore(t.ctx.db).list({ number: to, limit: 10 });
  const code = texts.map((m) => /\b(\d{6})\b/.exec(m.body ?? '')?.[1]).find(Boolean);
  assert.ok(code, `no code texted to ${to}`);
  return code;
}

describe('text message method (OneWaySMS)', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  async function signIn(upn: string) {
    const b = client();
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password: PASSWORD });
    return { b, ...r };
  }
  /** Proof-up by text message for a new Enforced user; returns the client on My account. */
  async function registerSms(upn: string, number: string, country = 'CZ') {
    const { b } = await signIn(upn);
    await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    await b.submit('/signin/proofup/verify', { country, number });
    const e164 = `+420${number.replace(/\s/g, '')}`;
    await b.submit('/signin/proofup/verify', { code: await lastCode(t, e164) });
    const done = await b.pastAppPasswordsStep();
    return { b, e164, ...done };
  }

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('proof-up: a number, a texted code typed back, then registered (E.164, sealed) and signed in', async () => {
    await t.addUser({ upn: 'sam@contoso.com', displayName: 'Sam', mfaState: 'Enforced' });
    const { b } = await signIn('sam@contoso.com');
    const chooser = textOf(b.lastHtml);
    for (const label of ['Authenticator app', 'Text message', 'Phone call', 'Office phone call'])
      assert.ok(chooser.includes(label), label);
    const form = await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    assert.match(form.html, /<select id="country" name="country">/);
    const bad = await b.submit('/signin/proofup/verify', { country: 'CZ', number: '12' });
    assert.equal(bad.res.status, 400);
    assert.match(textOf(bad.html), /doesn.t look like a valid phone number/);
    assert.match(bad.html, /name="number"[^>]*value="12"/, 'the number typed is kept');
    assert.match(bad.html, /<option value="CZ" selected/, 'and the country chosen');
    const sent = await b.submit('/signin/proofup/verify', { country: 'CZ', number: '601 123 456' });
    assert.match(
      textOf(sent.html),
      /We sent a text message with a code to \+420 601 123 456/,
      'in full, on the page the user typed it on',
    );
    const code = await lastCode(t, '+420601123456');
    await b.submit('/signin/proofup/verify', { code });
    const done = await b.pastAppPasswordsStep();
    assert.match(textOf(done.html), /My account/);
    const user = await t.ctx.stores.users.findByUpn('sam@contoso.com');
    const registered = await t.ctx.stores.methods.listForUser(user!.id);
    assert.deepEqual(
      registered.map((r) => [r.method_type, r.is_default]),
      [
        ['OneWaySMS', 1],
        ['TwoWayVoiceMobile', 0],
      ],
      'the verified mobile number takes calls too, as Microsoft registers the authentication phone',
    );
    const m = registered[0];
    assert.ok(
      m?.secret_sealed && !m.secret_sealed.includes('601123456'),
      'the number is encrypted at rest',
    );
    assert.equal(JSON.parse(m!.details).masked, '+••••••••••56');
    const challenge = await t.ctx.db
      .selectFrom('challenges')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    assert.ok(
      challenge?.code_hash && challenge.code_hash !== code,
      'only a keyed hash of the code is stored',
    );
  });

  it('sign-in: a code is texted at once, works once, and a resend makes the old code worthless', async () => {
    await t.addUser({ upn: 'ria@contoso.com', mfaState: 'Enforced' });
    const { e164 } = await registerSms('ria@contoso.com', '602 000 111');
    const { b, html } = await signIn('ria@contoso.com');
    assert.match(textOf(html), /We sent a text message/);
    const first = await lastCode(t, e164);
    t.clock.advance(1000);
    await b.post(`/signin/resend?method=${encodeURIComponent(/method=([^"&]+)/.exec(html)![1]!)}`, {
      resend: '1',
    });
    const second = await lastCode(t, e164);
    assert.notEqual(first, second);
    await b.page('/signin/step');
    const old = await b.submit(
      b.lastHtml.match(/action="(\/signin\/verify[^"]*)"/)![1]!.replace(/&amp;/g, '&'),
      { code: first },
    );
    assert.equal(old.res.status, 401, 'the superseded code is refused');
    const ok = await b.submit(
      b.lastHtml.match(/action="(\/signin\/verify[^"]*)"/)![1]!.replace(/&amp;/g, '&'),
      { code: second },
    );
    assert.match(textOf(ok.html), /My account/);
  });

  it('a code expires after the configured minutes', async () => {
    await t.addUser({ upn: 'eve@contoso.com', mfaState: 'Enforced' });
    const { e164 } = await registerSms('eve@contoso.com', '603 000 222');
    t.clock.advance(60_000);
    const { b } = await signIn('eve@contoso.com');
    const code = await lastCode(t, e164);
    t.clock.advance(5 * 60_000 + 1);
    const r = await b.submit('/signin/verify', { code });
    assert.equal(r.res.status, 401);
    assert.match(
      textOf(r.html),
      /That code has expired\. Enter the latest code we sent/,
      'says so',
    );
    assert.match(r.html, /Send a new code/, 'and offers a new one');
    const fresh = await lastCode(t, e164);
    assert.notEqual(fresh, code, 'the page sent the new one');
    const wrong = await b.submit('/signin/verify', {
      code: code === '000000' ? '111111' : '000000',
    });
    assert.match(textOf(wrong.html), /That code is not correct/, 'a wrong live code is just wrong');
  });

  it('racing submissions of one code: exactly one wins', async () => {
    await t.addUser({ upn: 'max@contoso.com', mfaState: 'Enforced' });
    const { e164 } = await registerSms('max@contoso.com', '604 000 333');
    t.clock.advance(60_000);
    const { b } = await signIn('max@contoso.com');
    const code = await lastCode(t, e164);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => b.post('/signin/verify', { code })),
    );
    if (process.env.DEBUG_RACE) console.log(textOf(await results[0]!.text()).slice(0, 300));
    assert.equal(
      results.filter((r) => r.status === 303 && r.headers.get('location') === '/').length,
      1,
      results.map((r) => r.status).join(),
    );
  });

  it('texts a German user in German', async () => {
    await t.addUser({ upn: 'greta@contoso.com', mfaState: 'Enforced', preferredLanguage: 'de' });
    const { b } = await signIn('greta@contoso.com');
    await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    await b.submit('/signin/proofup/verify', { country: 'DE', number: '01512 3456789' });
    const [sms] = await outboxStore(t.ctx.db).list({ number: '+4915123456789', limit: 1 });
    const code = /\d{6}/.exec(sms!.body)![0];
    assert.equal(
      sms!.body,
      translator('de')('sms.text', { code, issuer: 'Portcullis', minutes: 5 }),
    );
    assert.equal(sms!.locale, 'de');
  });

  it('limits texts per user and says so plainly', async () => {
    await t.addUser({ upn: 'lim@contoso.com', mfaState: 'Enforced' });
    const { b } = await signIn('lim@contoso.com');
    await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await b.submit('/signin/proofup/verify', {
            country: 'CZ',
            number: `605 000 00${i}`,
            resend: '1',
          })
        ).res.status,
      );
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.equal(statuses[5], 429);
    assert.match(textOf(b.lastHtml), /Too many messages or calls were sent/);
    const log = await t.ctx.stores.signinLog.list({ upn: 'lim@contoso.com', limit: 1 });
    assert.equal(log[0]?.reason, 'sending limit reached');
  });

  it('"This wasn\'t me" reports fraud and blocks sign-in', async () => {
    await t.addUser({ upn: 'fay@contoso.com', mfaState: 'Enforced' });
    await registerSms('fay@contoso.com', '606 000 444');
    t.clock.advance(60_000);
    const { b, html } = await signIn('fay@contoso.com');
    assert.match(html, /href="\/signin\/fraud"/);
    const confirm = await b.page('/signin/fraud');
    assert.match(textOf(confirm.html), /Report fraud/);
    const done = await b.submit('/signin/fraud', {});
    assert.match(textOf(done.html), /Your report was recorded/);
    const user = await t.ctx.stores.users.findByUpn('fay@contoso.com');
    assert.equal(user?.blocked, 1);
    assert.equal(user?.blocked_by, 'risk', 'blocked by the high-risk action (the default)');
    assert.equal(user?.risk_level, 'high');
    assert.ok(user?.fraud_reported_at);
    const audit = await t.ctx.stores.audit.forUser(user!.id);
    assert.equal(audit[0]?.action, 'fraud_reported');
    const again = await signIn('fay@contoso.com');
    assert.equal(again.res.status, 401, 'sign-in is refused');
  });
});

describe('provider failures fail closed', () => {
  it('a provider that refuses: a clear message, a log entry, never a success', async () => {
    let calls = 0;
    const failing: Telephony = {
      name: 'webhook',
      sendText: async () => {
        calls++;
        throw new DeliveryError('refused');
      },
      placeCall: async () => {
        throw new DeliveryError('refused');
      },
    };
    const t = await createTestApp({}, { telephony: failing });
    try {
      await t.addUser({ upn: 'pat@contoso.com', mfaState: 'Enforced' });
      const b = new FormClient((req) => t.app.request(req));
      await b.page('/');
      await b.submit('/signin', { username: 'pat@contoso.com', password: PASSWORD });
      await b.submit('/signin/proofup', { method: 'OneWaySMS' });
      const r = await b.submit('/signin/proofup/verify', { country: 'CZ', number: '601 123 456' });
      assert.equal(r.res.status, 503);
      assert.match(textOf(r.html), /couldn.t reach your phone/);
      assert.equal(calls, 1);
      const log = await t.ctx.stores.signinLog.list({ upn: 'pat@contoso.com', limit: 1 });
      assert.match(log[0]?.reason ?? '', /delivery failed/);
      const user = await t.ctx.stores.users.findByUpn('pat@contoso.com');
      assert.equal(
        (await t.ctx.stores.methods.listForUser(user!.id)).length,
        0,
        'nothing registered',
      );
    } finally {
      await t.close();
    }
  });
});
