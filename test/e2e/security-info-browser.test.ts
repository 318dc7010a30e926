import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AppContext } from '../../src/context.ts';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { authenticatorApp } from '../helpers/totp.ts';

const PASSWORD = 'a long enough password 1';

// Security info as a person uses it, in headless Chromium against `portcullis serve`.
describe('security info in headless Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let browser: Browser;
  const codes: Record<string, () => string> = {};

  async function person(upn: string, secret: string) {
    const { id } = await createUser(ctx, { upn, password: PASSWORD, mfaState: 'Enforced' });
    await addRegistration(ctx, id, 'PhoneAppOTP', { ok: true, secret, details: {} });
    codes[upn] = authenticatorApp(secret);
  }

  async function signIn(page: Page, upn: string, opts: { remember?: boolean } = {}) {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(upn);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const heading = page.getByRole('heading', { name: /Verify your identity|My account/ });
    await heading.waitFor();
    if ((await heading.textContent()) === 'My account') return 'skipped';
    await page.getByLabel('Code', { exact: true }).fill(codes[upn]!());
    if (opts.remember) await page.getByLabel(/Don't ask again on this device/).check();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    return 'asked';
  }

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    await person('ada@contoso.com', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await person('bo@contoso.com', 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU');
    await person('cy@contoso.com', 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK');
    await updateServiceSettings(ctx, { rememberDevicesEnabled: true, rememberDevicesDays: 30 });
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('adds a phone method from security info after a fresh second factor', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'ada@contoso.com');
    await page.getByRole('link', { name: 'Security info' }).click();
    await page.getByRole('heading', { name: 'Security info' }).waitFor();
    // The second factor of this sign-in is older than 10 minutes now.
    const ada = await ctx.stores.users.findByUpn('ada@contoso.com');
    await ctx.db
      .updateTable('sessions')
      .set({ mfa_at: Date.now() - 11 * 60_000 })
      .where('user_id', '=', ada!.id)
      .execute();
    await page.getByLabel('Method to add').selectOption({ label: 'Text message' });
    await page.getByRole('button', { name: 'Add method' }).click();

    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(codes['ada@contoso.com']!());
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByRole('heading', { name: 'Add Text message' }).waitFor();
    await page.getByLabel(/Country/).selectOption('CZ');
    await page.getByLabel(/Phone number/).fill('604111222');
    await page.getByRole('button', { name: /Next|Send/ }).click();
    await page.getByLabel('Code', { exact: true }).waitFor();
    const [sms] = await outboxStore(ctx.db).list({ number: '+420604111222', limit: 1 });
    const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1];
    assert.ok(code, 'a code was texted');
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByText('The method was added.').waitFor();
    const body = (await page.textContent('body')) ?? '';
    assert.match(body, /Text message/);
    assert.match(body, /\+•+22/, 'the number is shown masked');
    assert.doesNotMatch(body, /604111222/);
    await context.close();
  });

  it('refuses to delete the last method while the account is Enforced, and says why', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'bo@contoso.com');
    await page.goto(`${server.url}/security-info`);
    await page.getByRole('link', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Delete Authenticator app?' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /only verification method/);
    const bo = await ctx.stores.users.findByUpn('bo@contoso.com');
    assert.equal((await ctx.stores.methods.listForUser(bo!.id)).length, 1);
    await context.close();
  });

  it('remembers a device, then the admin restores MFA on remembered devices and it is asked again', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    assert.equal(await signIn(page, 'cy@contoso.com', { remember: true }), 'asked');
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.equal(await signIn(page, 'cy@contoso.com'), 'skipped', 'the remembered device skips');
    await page.getByRole('button', { name: 'Sign out' }).click();

    const restore = await runCli(['mfa', 'restore-remembered-devices', 'cy@contoso.com'], db.env);
    assert.equal(restore.code, 0, restore.stderr);
    assert.equal(await signIn(page, 'cy@contoso.com'), 'asked', 'asked again after the restore');
    await context.close();
  });
});
