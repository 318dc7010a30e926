// The organisation's name, logo and help (service settings) on every page, in
// texts, email and authenticator apps; and the proof-up and code pages' ways
// out: back to the method list, and what to do when the phone is lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { listMailbox } from '../../src/mail/mailbox.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createUser } from '../../src/services/users.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
// The smallest PNG: a 1×1 transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('branding, and the ways out of proof-up and code pages', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  async function signIn(upn: string) {
    const b = client();
    await b.page('/');
    return { b, ...(await b.submit('/signin', { username: upn, password: PASSWORD })) };
  }

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows "Portcullis" until the organisation names itself', async () => {
    const page = await client().page('/');
    assert.match(page.html, /<title>Sign in · Portcullis<\/title>/);
    assert.doesNotMatch(page.html, /class="logo"/);
    assert.doesNotMatch(page.html, /class="help"/);
    assert.equal((await t.app.request('/branding/logo')).status, 404);
  });

  it('refuses a logo that is not an image, a help link that is not a link, control characters', async () => {
    const refused = [
      { logo: `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}` },
      { logo: `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}` },
      { helpUrl: 'javascript:alert(1)' },
      { organizationName: 'Contoso\u0007' },
    ];
    for (const patch of refused)
      await assert.rejects(updateServiceSettings(t.ctx, patch), { code: 'invalid_request' });
  });

  it("puts the organisation's name, logo and help on every page, in texts, email and the authenticator entry", async () => {
    await updateServiceSettings(t.ctx, {
      organizationName: 'Contoso Ltd',
      helpText: 'Call the service desk on 555 0100.',
      helpUrl: 'https://help.contoso.com/mfa',
      logo: `data:image/png;base64,${PNG.toString('base64')}`,
    });
    t.ctx.cache.forget('settings');
    const signin = await client().page('/');
    assert.match(signin.html, /<title>Sign in · Contoso Ltd<\/title>/);
    const logo = /<img src="(\/branding\/logo\?v=[0-9a-f]+)" alt="" class="logo"/.exec(signin.html);
    assert.ok(logo, 'the logo is on the page');
    const image = await t.app.request(logo[1]!);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG);
    assert.match(textOf(signin.html), /Call the service desk on 555 0100\./);
    assert.match(signin.html, /<a href="https:\/\/help.contoso.com\/mfa">Get help<\/a>/);

    // The authenticator entry (otpauth issuer) and a text message.
    await t.addUser({ upn: 'bea@contoso.com', mfaState: 'Enforced' });
    const { b } = await signIn('bea@contoso.com');
    assert.match(textOf(b.lastHtml), /Contoso Ltd/, 'proof-up too');
    const totp = await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    assert.match(
      totp.html,
      /otpauth:\/\/totp\/Contoso%20Ltd:bea%40contoso\.com\?issuer=Contoso%20Ltd/,
    );
    await b.submit('/signin/proofup/back', {});
    const sms = await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    assert.match(sms.html, /name="country"/);
    await b.submit('/signin/proofup/verify', { country: 'CZ', number: '601 555 010' });
    const [text] = await outboxStore(t.ctx.db).list({ number: '+420601555010', limit: 1 });
    assert.match(text?.body ?? '', /your Contoso Ltd verification code/);

    // Email: signed with the name, with the organisation's help.
    await createUser(t.ctx, {
      upn: 'cy@contoso.com',
      email: 'cy@contoso.com',
      mfaState: 'Enabled',
      invite: true,
    });
    const [mail] = await listMailbox(t.ctx, { personalData: true }, { to: 'cy@contoso.com' });
    assert.match(mail?.subject ?? '', /Set up your Contoso Ltd account/);
    assert.match(
      mail?.text ?? '',
      /Call the service desk on 555 0100\.\nhttps:\/\/help\.contoso\.com\/mfa/,
    );
  });

  it('proof-up: once a method was chosen, the way back leads to the list and registers nothing', async () => {
    await t.addUser({ upn: 'dan@contoso.com', mfaState: 'Enforced' });
    const { b } = await signIn('dan@contoso.com');
    const enrol = await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    assert.match(enrol.html, /action="\/signin\/proofup\/back"/);
    assert.match(textOf(enrol.html), /Choose a different method/);
    const back = await b.submit('/signin/proofup/back', {});
    assert.match(back.html, /action="\/signin\/proofup"/, 'the method list');
    assert.match(textOf(back.html), /Text message/);
    const user = await t.ctx.stores.users.findByUpn('dan@contoso.com');
    assert.equal((await t.ctx.stores.methods.listForUser(user!.id)).length, 0);
  });

  it('a user with only an authenticator app reads what to do when the phone is lost; with recovery codes, to use one', async () => {
    const { addRegistration } = await import('../../src/services/registrations.ts');
    const { findMethod } = await import('../../src/methods/index.ts');
    const { translator } = await import('../../src/i18n/index.ts');
    const withApp = async (upn: string) => {
      await t.addUser({ upn, mfaState: 'Enforced' });
      const user = (await t.ctx.stores.users.findByUpn(upn))!;
      await addRegistration(t.ctx, user.id, 'PhoneAppOTP', {
        ok: true,
        secret: 'JBSWY3DPEHPK3PXP',
        details: {},
      });
      return user;
    };
    await withApp('eli@contoso.com');
    const lone = await signIn('eli@contoso.com');
    const text = textOf(lone.html);
    assert.match(text, /Can't use this method\?/);
    assert.match(text, /contact your administrator: they can reset your verification methods/);
    assert.match(text, /Call the service desk on 555 0100\./, "with the organisation's help");

    const fay = await withApp('fay@contoso.com');
    const recovery = findMethod('RecoveryCode')!;
    const mu = { id: fay.id, upn: fay.upn, displayName: fay.display_name, preferredLanguage: 'en' };
    const a = { flowId: 'setup', clientIp: null, allowedMethods: ['RecoveryCode'] };
    const state = await recovery.enrol!.begin(t.ctx.methodContext, mu, a);
    const result = await recovery.enrol!.complete(
      t.ctx.methodContext,
      mu,
      state,
      { saved: '1' },
      a,
      translator('en'),
    );
    if (result.ok !== true) throw new Error('not registered');
    await addRegistration(t.ctx, fay.id, 'RecoveryCode', result);
    const withCodes = await signIn('fay@contoso.com');
    assert.match(textOf(withCodes.html), /sign in with one of your recovery codes/);
  });
});
