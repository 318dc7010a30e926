// The registration campaign (issue 21, item 5): after a sign-in with a text
// or a call, a user without the Authenticator or a passkey is asked to set one
// up; "Not now" puts it off for the campaign's days, as many times as it
// allows; then they set one up. Two "Not now"s at once cannot pass the limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { relyingParty } from '../../src/methods/passkey/index.ts';
import { createGroup, editGroupMembers } from '../../src/services/groups.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { snoozeOf } from '../../src/services/registration-campaign.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { onPostgres } from '../helpers/db.ts';
import { codeAt } from '../helpers/totp.ts';
import { SoftAuthenticator } from '../methods/passkey-authenticator.ts';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CAMPAIGN = /Make your sign-ins safer/;

describe(`registration campaign (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let n = 0;

  /** A user whose only method is a text-message number. */
  async function textUser(extra: string[] = []) {
    const upn = `texter${++n}@contoso.com`;
    await t.addUser({ upn, mfaState: 'Enforced' });
    const user = (await t.ctx.stores.users.findByUpn(upn))!;
    await addRegistration(t.ctx, user.id, 'OneWaySMS', {
      ok: true,
      secret: `+42060100${String(1000 + n)}`,
      details: { masked: '+••••••••••11' },
    });
    for (const type of extra)
      await addRegistration(t.ctx, user.id, type, {
        ok: true,
        secret: type === 'PhoneAppOTP' ? TOTP_SECRET : null,
        details: {},
      });
    return { upn, id: user.id, phone: `+42060100${String(1000 + n)}` };
  }

  /** Password, then the code texted to the phone; the page that follows. */
  async function signInByText(u: { upn: string; phone: string }) {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: u.upn, password: PASSWORD });
    const sms = await t.ctx.db
      .selectFrom('outbox')
      .select('body')
      .where('to_number', '=', u.phone)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const code = /\b(\d{6})\b/.exec(sms.body)![1]!;
    const action = /<form method="post" action="(\/signin\/verify[^"]*)"/.exec(b.lastHtml)![1]!;
    await b.submit(action.replace(/&amp;/g, '&'), { code });
    return b;
  }
  const signedIn = async (b: FormClient) => /My account/.test(textOf((await b.page('/')).html));

  before(async () => {
    t = await createTestApp();
    await changeMethodPolicy(t.ctx, 'registrationCampaign', {
      enabled: true,
      snoozeDays: 2,
      snoozeLimit: 2,
    });
  });
  after(() => t.close());

  it('asks after a sign-in by text; "Not now" twice, each put off for the days; then they must set one up', async () => {
    const u = await textUser();
    let b = await signInByText(u);
    assert.match(textOf(b.lastHtml), CAMPAIGN);
    assert.match(b.lastHtml, /value="PhoneAppNotification"/);
    assert.match(b.lastHtml, /value="Passkey"/);
    assert.doesNotMatch(b.lastHtml, /value="OneWaySMS"|value="PhoneAppOTP"/, 'only the targets');
    assert.match(textOf(b.lastHtml), /asked again in 2 days\. You can put this off 2 more times/);
    await b.submit('/signin/proofup/postpone', {});
    assert.ok(await signedIn(b), 'Not now: signed in');
    assert.deepEqual(await snoozeOf(t.ctx.db, u.id), {
      snoozes: 1,
      snoozedUntil: t.clock.now() + 2 * DAY,
    });

    // Within the two days: not asked.
    t.clock.advance(DAY);
    b = await signInByText(u);
    assert.ok(await signedIn(b), 'snoozed: straight in');

    t.clock.advance(DAY + 1000);
    b = await signInByText(u);
    assert.match(textOf(b.lastHtml), /You can put this off 1 more time/);
    await b.submit('/signin/proofup/postpone', {});
    assert.ok(await signedIn(b));

    t.clock.advance(2 * DAY + 1000);
    b = await signInByText(u);
    assert.match(textOf(b.lastHtml), /as often as your organisation allows/);
    assert.doesNotMatch(b.lastHtml, /proofup\/postpone/, 'no "Not now" left');
    const refused = await b.post('/signin/proofup/postpone', {});
    assert.equal(refused.status, 409);
    assert.equal((await snoozeOf(t.ctx.db, u.id)).snoozes, 2);

    // A passkey set up: signed in, and not asked again.
    await b.page('/signin/step');
    const page = await b.submit('/signin/proofup', { method: 'Passkey' });
    const { rpID, origin } = relyingParty(t.ctx.methodContext);
    const key = new SoftAuthenticator(rpID, origin);
    const challenge = (
      JSON.parse(
        /<script type="application\/json" id="passkey-options">([^<]*)<\/script>/.exec(
          page.html,
        )![1]!,
      ) as { challenge: string }
    ).challenge;
    await b.submit('/signin/proofup/verify', {
      name: 'Laptop',
      response: JSON.stringify(key.register(challenge)),
    });
    await b.pastAppPasswordsStep();
    assert.ok(await signedIn(b));
    const types = (await t.ctx.stores.methods.listForUser(u.id)).map((m) => m.method_type);
    assert.ok(types.includes('Passkey'));
  });

  it('does not ask after a sign-in with an app code', async () => {
    const u = await textUser(['PhoneAppOTP']);
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: u.upn, password: PASSWORD });
    // The app code is asked first (the stronger method); the campaign does not follow it.
    assert.match(b.lastHtml, /name="code"/);
    const action = /<form method="post" action="(\/signin\/verify[^"]*)"/.exec(b.lastHtml)![1]!;
    await b.submit(action.replace(/&amp;/g, '&'), { code: codeAt(TOTP_SECRET, t.clock.now()) });
    assert.ok(await signedIn(b));
  });

  it('is only for its groups', async () => {
    const admin = { name: 'test', ip: null, personalData: false };
    await createGroup(t.ctx, admin, { displayName: 'Campaign pilot' });
    const inside = await textUser();
    const outside = await textUser();
    await editGroupMembers(t.ctx, admin, 'Campaign pilot', { add: [inside.upn] });
    await changeMethodPolicy(t.ctx, 'registrationCampaign', { include: ['Campaign pilot'] });
    try {
      assert.match(textOf((await signInByText(inside)).lastHtml), CAMPAIGN);
      assert.ok(await signedIn(await signInByText(outside)));
    } finally {
      await changeMethodPolicy(t.ctx, 'registrationCampaign', { include: 'all' });
    }
  });

  it('two "Not now"s at once, from two sign-ins, count once against the limit', async () => {
    const u = await textUser();
    const a = await signInByText(u);
    const b = await signInByText(u);
    await changeMethodPolicy(t.ctx, 'registrationCampaign', { snoozeLimit: 1 });
    try {
      const answers = await Promise.all([
        a.post('/signin/proofup/postpone', {}),
        b.post('/signin/proofup/postpone', {}),
      ]);
      // One "Not now" is counted; the other sign-in finds the user put off, and goes on.
      assert.equal((await snoozeOf(t.ctx.db, u.id)).snoozes, 1);
      assert.deepEqual(
        answers.map((r) => [r.status, r.headers.get('location')]),
        [
          [303, '/'],
          [303, '/'],
        ],
      );
    } finally {
      await changeMethodPolicy(t.ctx, 'registrationCampaign', { snoozeLimit: 2 });
    }
  });
});
