// Email through a real SMTP server process (smtp-server, with STARTTLS) from a
// real `portcullis serve`: an invitation in the user's language, followed from
// the received mail in headless Chromium to a finished registration; notices
// of account changes; the switches that turn them off; and a server that is
// down for a while (the queue retries).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/load.ts';
import { closeContext, createContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { FormClient } from '../helpers/browser.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { type SmtpServer, startSmtpServer } from '../helpers/smtp.ts';

const skip = skipChromium || requireTool(hasOathtool, 'oathtool');

describe('email through a real SMTP server (STARTTLS)', { skip }, () => {
  let smtp: SmtpServer;
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const linkIn = (text: string) => {
    const m = /(http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+)/.exec(text);
    assert.ok(m, `a link in: ${text}`);
    return m[1]!;
  };

  before(async () => {
    smtp = await startSmtpServer();
    db = await freshDatabase({
      ...smtp.env,
      PORTCULLIS_MAIL_FROM: 'Contoso sign-in <signin@contoso.com>',
    });
    const t = await runCli(
      ['token', 'create', '--name', 'ops', '--personal-data', '--json'],
      db.env,
    );
    assert.equal(t.code, 0, t.stderr);
    token = JSON.parse(t.stdout).token;
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    await db?.drop();
  });

  it('an invitation arrives encrypted, in the user’s language; its link leads in Chromium to a finished registration, once', async () => {
    const created = await api('POST', '/users', {
      userPrincipalName: 'ines@contoso.com',
      displayName: 'Ines Neu',
      email: 'ines@contoso.com',
      preferredLanguage: 'de',
      mfaState: 'Enabled',
      invite: true,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.hasPassword, false);
    const mail = await smtp.waitFor((m) => m.to.includes('ines@contoso.com'), 'the invitation');
    assert.equal(mail.secure, true, 'sent after STARTTLS');
    assert.equal(mail.from, 'signin@contoso.com');
    assert.equal(mail.subject, 'Richten Sie Ihr Konto bei Portcullis ein');
    assert.match(mail.text, /Hallo Ines Neu,/);
    assert.match(mail.text, /läuft in 7 Tagen ab/);
    const link = linkIn(mail.text);

    // Once sent, only the fact is kept: no text (the link) at rest.
    const box = await api('GET', '/mail?to=ines@contoso.com');
    assert.equal(box.body[0].status, 'sent');
    assert.equal(box.body[0].text, undefined, 'the text is forgotten once the server has it');

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    assert.match((await page.textContent('body')) ?? '', /ines@contoso\.com/);
    await page.getByLabel('New password (at least 8 characters)').fill('Ines chose this 1');
    await page.getByLabel('New password again').fill('Ines chose this 1');
    await page.getByRole('button', { name: 'Set password and continue' }).click();

    // From here on in German, the language the administrator gave Ines.
    await page.getByRole('heading', { name: 'Weitere Informationen erforderlich' }).waitFor();
    await page.getByLabel(/Authenticator-App/).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByText('Sie können den QR-Code nicht scannen?').click();
    const secret = (await page.locator('#secret-key').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(secret, Date.now()));
    await page.getByRole('button', { name: 'Überprüfen' }).click();
    await page.getByRole('heading', { name: 'App-Kennwörter' }).waitFor();
    await page.getByRole('link', { name: 'Fertig' }).click();
    await page.getByRole('heading', { name: 'Mein Konto' }).waitFor();

    // The link worked once.
    const again = await page.goto(link);
    assert.equal(again?.status(), 410);
    await context.close();

    const user = await api('GET', '/users/ines@contoso.com');
    assert.equal(user.body.mfaState, 'Enforced', 'registration done');
    assert.equal(user.body.hasPassword, true);
    // Adding the authenticator app was told by email too.
    const notice = await smtp.waitFor(
      (m) => m.to.includes('ines@contoso.com') && /Überprüfungsmethode hinzugefügt/.test(m.subject),
      'the method notice',
    );
    assert.match(notice.text, /Authenticator/);
  });

  it('tells a user their password changed; the notice can be turned off', async () => {
    const add = await runCli(
      ['user', 'add', 'omar@contoso.com', '--email', 'omar@contoso.com', '--password-stdin'],
      db.env,
      'Omar password 1',
    );
    assert.equal(add.code, 0, add.stderr);
    // An admin's reset is not the user's change; choosing the new password is.
    const changePassword = async (next: string) => {
      const otp = (await api('POST', '/users/omar@contoso.com/reset-password')).body
        .oneTimePassword;
      const b = new FormClient((r) => fetch(r), server.url);
      await b.page('/');
      const step = await b.submit('/signin', { username: 'omar@contoso.com', password: otp });
      assert.match(step.html, /action="\/signin\/password"/, 'asked for a new password');
      await b.submit('/signin/password', { password: next, confirm: next });
    };
    await changePassword('Omar new password 2');
    const changed = await smtp.waitFor(
      (m) => m.to.includes('omar@contoso.com') && m.subject === 'Your password was changed',
      'the password notice',
    );
    assert.match(changed.text, /The password of omar@contoso\.com was changed/);

    assert.equal((await api('PATCH', '/settings', { mailOnPasswordChange: false })).status, 200);
    const before = (await smtp.received()).length;
    await changePassword('Omar new password 3');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal((await smtp.received()).length, before, 'no notice when turned off');
  });

  it('a message waits while the SMTP server is down, and goes when it is back', async () => {
    await smtp.stop();
    const r = await api('POST', '/users', {
      userPrincipalName: 'pia@contoso.com',
      email: 'pia@contoso.com',
      invite: true,
    });
    assert.equal(r.status, 201, 'the user is created; the mail waits');
    const until = Date.now() + 10_000;
    let row: { status: string; attempts: number; error: string | null } | undefined;
    while (Date.now() < until) {
      row = (await api('GET', '/mail?to=pia@contoso.com')).body[0];
      if (row && row.attempts > 0) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    assert.equal(row?.status, 'queued', 'kept for another attempt');
    assert.ok(row?.error, 'with the reason');
    await smtp.start();
    // The next attempt is a minute away: the test brings it forward instead of waiting.
    const ctx = createContext(loadConfig(db.env), { log: createLogger('silent') });
    try {
      await ctx.db
        .updateTable('mail')
        .set({ next_attempt_at: 0 })
        .where('to_address', '=', 'pia@contoso.com')
        .execute();
    } finally {
      await closeContext(ctx);
    }
    const mail = await smtp.waitFor(
      (m) => m.to.includes('pia@contoso.com'),
      'the invitation, late',
    );
    assert.match(mail.text, /\/invite\//);
    const sent = (await api('GET', '/mail?to=pia@contoso.com')).body[0];
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 1, 'one failed attempt before');
  });
});
