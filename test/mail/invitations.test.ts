// Invitations and notices with the built-in outbox (PORTCULLIS_MAIL=outbox), in
// process: what is queued and read back (`mailbox`), a link that works once
// (also when used twice at the same moment), expires, and survives a weak
// password; who cannot be invited; the notices and their switches.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listMailbox } from '../../src/mail/mailbox.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { cliActor } from '../../src/services/audit.ts';
import { acceptInvitation, inviteUser } from '../../src/services/invitations.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { deleteMethod } from '../../src/services/user-settings.ts';
import { createUser } from '../../src/services/users.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const DAY = 86_400_000;
const reader = { personalData: true };

describe('invitations and notices (outbox)', () => {
  let t: TestApp;
  const mailTo = async (to: string) => listMailbox(t.ctx, reader, { to });
  const linkTo = async (to: string) => {
    const text = (await mailTo(to))[0]?.text ?? '';
    const m = /http:\/\/localhost:3000(\/invite\/[A-Za-z0-9_-]+)/.exec(text);
    assert.ok(m, `an invitation link for ${to} in: ${text}`);
    return m[1]!;
  };
  const client = () => new FormClient((r) => t.app.fetch(r));

  before(async () => {
    t = await createTestApp({ PORTCULLIS_PUBLIC_URL: 'http://localhost:3000' });
  });
  after(() => t.close());

  it('an invited user gets a link by email (kept in the outbox, its text sealed at rest)', async () => {
    const user = await createUser(
      t.ctx,
      { upn: 'ana@contoso.com', email: 'ana@contoso.com', mfaState: 'Enabled', invite: true },
      cliActor(),
    );
    assert.equal(user.hasPassword, false);
    const [mail] = await mailTo('ana@contoso.com');
    assert.equal(mail?.status, 'outbox');
    assert.equal(mail?.subject, 'Set up your Portcullis account');
    assert.match(mail?.text ?? '', /expires in 7 days/);
    const row = await t.ctx.db
      .selectFrom('mail')
      .selectAll()
      .where('id', '=', mail!.id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.body_sealed!.includes('/invite/'), 'the link is not readable in the database');
    const token = (await linkTo('ana@contoso.com')).split('/').pop()!;
    const stored = await t.ctx.db
      .selectFrom('invitations')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only its hash is kept');
    // Without the right to see personal data, the mailbox shows no text.
    assert.equal((await listMailbox(t.ctx, { personalData: false }))[0]?.text, undefined);
  });

  it('the link sets the password and leads straight into registration; then it works no more', async () => {
    const link = await linkTo('ana@contoso.com');
    const b = client();
    const form = await b.page(link);
    assert.equal(form.res.status, 200);
    assert.match(textOf(form.html), /Choose a password for ana@contoso\.com/);
    // The link is a secret: never sent to another site as a Referer.
    assert.equal(form.res.headers.get('referrer-policy'), 'same-origin');
    const res = await b.post(link, { password: 'Ana chose this 1', confirm: 'Ana chose this 1' });
    assert.equal(res.status, 303, await res.clone().text());
    const next = await b.page(res.headers.get('location')!);
    assert.match(textOf(next.html), /More information required/);
    assert.equal((await client().page(link)).res.status, 410);
    const row = await t.ctx.stores.users.findByUpn('ana@contoso.com');
    assert.ok(await t.ctx.hasher.verify(row!.password_hash, 'Ana chose this 1'));
  });

  it('a weak or mismatched password is refused and does not use the link up', async () => {
    await createUser(
      t.ctx,
      { upn: 'ben@contoso.com', email: 'ben@contoso.com', invite: true },
      cliActor(),
    );
    const link = await linkTo('ben@contoso.com');
    const b = client();
    await b.page(link);
    const weak = await b.post(link, { password: 'password', confirm: 'password' });
    assert.equal(weak.status, 400);
    assert.match(textOf(await weak.text()), /too common/);
    const mismatch = await b.post(link, {
      password: 'Ben long password 1',
      confirm: 'Ben long password 2',
    });
    assert.equal(mismatch.status, 400);
    assert.equal((await client().page(link)).res.status, 200, 'the link still works');
  });

  it('used twice at the same moment, the link sets one password', async () => {
    const link = await linkTo('ben@contoso.com');
    const token = link.split('/').pop()!;
    const results = await Promise.allSettled(
      ['Ben first choice 1', 'Ben second choice 2', 'Ben third choice 3'].map((p) =>
        acceptInvitation(t.ctx, token, p, p, null),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one wins');
    const winner = ['Ben first choice 1', 'Ben second choice 2', 'Ben third choice 3'][
      results.findIndex((r) => r.status === 'fulfilled')
    ]!;
    const row = await t.ctx.stores.users.findByUpn('ben@contoso.com');
    assert.ok(await t.ctx.hasher.verify(row!.password_hash, winner));
  });

  it('a link expires after PORTCULLIS_INVITATION_DAYS; a new invitation replaces the old link', async () => {
    await createUser(
      t.ctx,
      { upn: 'cy@contoso.com', email: 'cy@contoso.com', invite: true },
      cliActor(),
    );
    const first = await linkTo('cy@contoso.com');
    t.clock.advance(1000); // (the mailbox lists newest first)
    await inviteUser(t.ctx, cliActor(), 'cy@contoso.com');
    const second = await linkTo('cy@contoso.com');
    assert.notEqual(first, second);
    assert.equal((await client().page(first)).res.status, 410, 'the earlier link no longer works');
    assert.equal((await client().page(second)).res.status, 200);
    t.clock.advance(7 * DAY + 1000);
    const expired = await client().page(second);
    assert.equal(expired.res.status, 410);
    assert.match(textOf(expired.html), /expired or was already used/);
  });

  it('only a local user with an email address can be invited; nothing half-made when refused', async () => {
    await assert.rejects(
      createUser(t.ctx, { upn: 'dee@contoso.com', invite: true }, cliActor()),
      /no email address/,
    );
    assert.equal(await t.ctx.stores.users.findByUpn('dee@contoso.com'), undefined, 'not created');
    await assert.rejects(
      createUser(
        t.ctx,
        {
          upn: 'dee@contoso.com',
          email: 'dee@contoso.com',
          password: 'Dee password 1',
          invite: true,
        },
        cliActor(),
      ),
      /not both/,
    );
    await t.ctx.db
      .updateTable('users')
      .set({ source: 'directory', directory_id: 'x1' })
      .where('upn_normalized', '=', 'cy@contoso.com')
      .execute();
    await assert.rejects(inviteUser(t.ctx, cliActor(), 'cy@contoso.com'), /directory/);
  });

  it('notices: an app password created, a method removed; off in the settings, none', async () => {
    const eve = await createUser(
      t.ctx,
      {
        upn: 'eve@contoso.com',
        email: 'eve@contoso.com',
        password: 'Eve password 1',
        preferredLanguage: 'fr',
      },
      cliActor(),
    );
    await createAppPassword(t.ctx, eve.id, { name: 'Thunderbird' });
    const [notice] = await mailTo('eve@contoso.com');
    assert.equal(notice?.subject, "Un mot de passe d'application a été créé pour votre compte");
    assert.match(notice?.text ?? '', /« Thunderbird »/);
    await updateServiceSettings(t.ctx, { mailOnAppPassword: false });
    await createAppPassword(t.ctx, eve.id, { name: 'Scanner' });
    assert.equal((await mailTo('eve@contoso.com')).length, 1, 'no second notice');
  });

  it('notices: a method removed (by the user or an administrator) is told by email, in the user’s language', async () => {
    const fay = await createUser(
      t.ctx,
      {
        upn: 'fay@contoso.com',
        email: 'fay@contoso.com',
        password: 'Fay password 1',
        preferredLanguage: 'de',
      },
      cliActor(),
    );
    const totp = { ok: true as const, secret: 'JBSWY3DPEHPK3PXP', details: {} };
    await addRegistration(t.ctx, fay.id, 'PhoneAppOTP', totp);
    const second = await addRegistration(t.ctx, fay.id, 'PhoneAppOTP', {
      ...totp,
      secret: 'KRSXG5CTMVRXEZLU',
    });
    await deleteMethod(t.ctx, cliActor(), 'fay@contoso.com', second.id);
    const [notice] = await mailTo('fay@contoso.com');
    assert.equal(notice?.subject, 'Aus Ihrem Konto wurde eine Überprüfungsmethode entfernt');
    assert.match(notice?.text ?? '', /Authenticator-App wurde aus den Methoden/);
  });
});
