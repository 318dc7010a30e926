import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createLogger } from '../../src/log.ts';
import { recoveryCodeMethod } from '../../src/methods/recovery/index.ts';
import { newSecret } from '../../src/methods/totp/codes.ts';
import type { AuthMethod, MethodUser } from '../../src/methods/types.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'Recovery password 1';

describe('recovery codes in headless Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let codes: string[] = [];

  async function signIn(page: Page, upn: string) {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(upn);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  /** From the verify page (authenticator app first): "Use a different verification option". */
  async function chooseRecoveryCode(page: Page) {
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await page.getByText('Use a different verification option', { exact: true }).click();
    await page.getByRole('link', { name: 'Recovery codes' }).click();
    await page.getByLabel('Recovery code').waitFor();
  }

  before(async () => {
    db = await freshDatabase();
    // Rosa has an authenticator app (her default) and a set of recovery codes,
    // registered through the methods' own enrolment, as a flow does.
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    for (const upn of ['rosa@contoso.com', 'remy@contoso.com'])
      await createUser(ctx, { upn, password: PASSWORD, mfaState: 'Enforced' });
    const row = (await ctx.stores.users.findByUpn('rosa@contoso.com'))!;
    const user: MethodUser = {
      id: row.id,
      upn: row.upn,
      displayName: row.display_name,
      preferredLanguage: 'en',
    };
    await addRegistration(ctx, user.id, 'PhoneAppOTP', {
      ok: true,
      secret: newSecret(Buffer.alloc(20, 3)),
      details: {},
    });
    const m: AuthMethod<{ codes: string[] }> = recoveryCodeMethod;
    const attempt = { flowId: 'setup', clientIp: null, allowedMethods: ['RecoveryCode'] };
    const state = await m.enrol!.begin(ctx.methodContext, user, attempt);
    const result = await m.enrol!.complete(
      ctx.methodContext,
      user,
      state,
      { saved: '1' },
      attempt,
      translator('en'),
    );
    assert.equal(result.ok, true);
    if (result.ok === true) await addRegistration(ctx, user.id, 'RecoveryCode', result);
    codes = state.codes;
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('signs in with a recovery code, then refuses the same code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'rosa@contoso.com');
    await chooseRecoveryCode(page);
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.equal(await page.getByRole('status').textContent(), 'You have 9 recovery codes left.');
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'rosa@contoso.com');
    await chooseRecoveryCode(page);
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('That code is not correct. Try again.').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Signed in' }).count(), 0);
    // Typed as people do (capitals, spaces), the next code still works.
    await page.getByLabel('Recovery code').fill(codes[1]!.toUpperCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.equal(await page.getByRole('status').textContent(), 'You have 8 recovery codes left.');
    await context.close();
  });

  it('adds a set from security info beside an authenticator app, shown once with a text file to download', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'remy@contoso.com');
    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    assert.equal(await page.getByLabel(/^Recovery codes/).count(), 0, 'never the only method');
    await page.getByLabel(/Authenticator app/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText("Can't scan the QR code?").click();
    const secret = (await page.locator('#secret-key').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code', { exact: true }).fill(codeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'Security info' }).click();
    await page.getByLabel('Method to add').selectOption({ label: 'Recovery codes' });
    await page.getByRole('button', { name: 'Add method' }).click();

    const shown = await page.locator('#recovery-codes code').allTextContents();
    assert.equal(shown.length, 10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a text file' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'portcullis-recovery-codes.txt');
    const file = readFileSync(await download.path(), 'utf8');
    assert.match(file, /^Portcullis recovery codes for remy@contoso\.com/);
    for (const c of shown) assert.ok(file.includes(c), c);
    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await page.getByText('The method was added.').waitFor();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'remy@contoso.com');
    await chooseRecoveryCode(page);
    await page.getByLabel('Recovery code').fill(shown[9]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('status').getByText('You have 9 recovery codes left.').waitFor();
    await context.close();
  });
});
