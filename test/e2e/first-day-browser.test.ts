// A first day as a person lives it, in headless Chromium against `portcullis
// serve`: a German browser keeps German pages from sign-in through proof-up to
// security info (the user chose no language); Back, a second tab, an old code
// page and a reload never show "This form has expired" nor make something
// twice. Screenshots of the main pages go to test-artifacts/screenshots/journey.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { authenticatorApp } from '../helpers/totp.ts';

const PASSWORD = 'a long enough password 1';
const SHOTS = path.resolve('test-artifacts/screenshots/journey');
const de = translator('de');
const EXPIRED =
  /expired or was not sent from this site|abgelaufen oder wurde nicht von dieser Website/;

describe('a first day in headless Chromium: language, Back, second tabs, reloads', {
  skip: skipChromium,
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let browser: Browser;
  const codes: Record<string, () => string> = {};

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const heading = (page: Page) => page.locator('h1').textContent();
  // biome-ignore lint/performance/useDomNodeTextContent: what a person sees (hidden text excluded) is the point
  const bodyText = (page: Page) => page.locator('body').innerText();

  async function person(upn: string, secret: string) {
    const { id } = await createUser(ctx, { upn, password: PASSWORD, mfaState: 'Enforced' });
    await addRegistration(ctx, id, 'PhoneAppOTP', { ok: true, secret, details: {} });
    codes[upn] = authenticatorApp(secret);
  }

  /** To the code page: the password sent, the second factor asked. */
  async function toCodePage(page: Page, upn: string) {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(upn);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
  }
  async function enterCode(page: Page, upn: string) {
    await page.getByLabel('Code', { exact: true }).fill(codes[upn]!());
    await page.getByRole('button', { name: 'Verify' }).click();
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'greta@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    await person('tab@contoso.com', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await person('old@contoso.com', 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU');
    await person('rel@contoso.com', 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK');
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('a German browser keeps German pages through sign-in, proof-up and security info; Back after signing in shows the signed-in page', async () => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const german = async (where: string) =>
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', where);
    try {
      await page.goto(server.url);
      await german('sign-in page');
      assert.equal(await heading(page), de('signin.title'));
      await shot(page, 'signin-de');
      await page.getByLabel(de('signin.username')).fill('greta@contoso.com');
      await page.getByLabel(de('signin.password')).fill(PASSWORD);
      await page.getByRole('button', { name: de('signin.submit') }).click();

      await page.getByRole('heading', { name: de('proofup.title') }).waitFor();
      await german('proof-up');
      await shot(page, 'proofup-de');
      await page.getByLabel(new RegExp(de('method.PhoneAppOTP.label'))).check();
      await page.getByRole('button', { name: de('proofup.next') }).click();
      await page.locator('#secret-key').waitFor({ state: 'attached' });
      await german('enrolment');
      assert.match((await heading(page)) ?? '', new RegExp(de('method.PhoneAppOTP.label')));
      await shot(page, 'enrol-totp-de');
      const secret = ((await page.locator('#secret-key').textContent()) ?? '').replace(/\s/g, '');
      codes['greta@contoso.com'] = authenticatorApp(secret);
      await page.getByLabel(de('code.label'), { exact: true }).fill(codes['greta@contoso.com']!());
      await page.getByRole('button', { name: de('code.verify') }).click();

      await page.getByRole('link', { name: de('proofup.done') }).click();
      await page.getByRole('heading', { name: de('account.title') }).waitFor();
      await german('My account');
      await shot(page, 'account-de');
      await page.goto(`${server.url}/security-info`);
      await page.getByRole('heading', { name: de('security.title') }).waitFor();
      await german('security info');
      await shot(page, 'security-info-de');
      // Times in her own time zone (the server wrote UTC and said so).
      const registered = page.locator('time[data-local]').first();
      const iso = (await registered.getAttribute('datetime'))!;
      assert.match((await registered.getAttribute('title')) ?? '', /UTC/);
      assert.equal(
        await registered.textContent(),
        new Intl.DateTimeFormat('de', {
          dateStyle: 'medium',
          timeStyle: 'medium',
          timeZone: 'Europe/Berlin',
        }).format(new Date(iso)),
      );

      // Back, all the way to the sign-in form: the browser asks again (no-store),
      // and a signed-in person gets the signed-in page, never a stale form.
      // (Back until the tab's blank first page, then one step forward.)
      for (let i = 0; i < 8; i++) {
        await page.goBack();
        if (!page.url().startsWith(server.url)) {
          await page.goForward();
          break;
        }
        assert.doesNotMatch(await bodyText(page), EXPIRED);
      }
      assert.equal(await heading(page), de('account.title'), 'Back leads to the signed-in page');
      const stored = await ctx.stores.users.findByUpn('greta@contoso.com');
      assert.equal(stored?.preferred_language, '', 'no language was stored for her');
      assert.equal(
        stored?.browser_language,
        'de',
        "her browser's is remembered for texts and email",
      );
    } finally {
      await context.close();
    }
  });

  it('a sign-in form left open in a second tab, sent after the first tab signed in, leads to the signed-in page', async () => {
    const context: BrowserContext = await browser.newContext();
    try {
      const first = await context.newPage();
      const second = await context.newPage();
      await second.goto(server.url);
      await second.getByLabel('Username').fill('tab@contoso.com');
      await second.getByLabel('Password').fill(PASSWORD);
      await toCodePage(first, 'tab@contoso.com');
      await enterCode(first, 'tab@contoso.com');
      await first.getByRole('heading', { name: 'My account' }).waitFor();
      await second.getByRole('button', { name: 'Sign in' }).click();
      await second.waitForLoadState();
      const text = await bodyText(second);
      assert.doesNotMatch(text, EXPIRED);
      assert.match(
        (await heading(second)) ?? '',
        /My account|Verify your identity/,
        'the signed-in page or a fresh step',
      );
      await shot(second, 'second-tab');
    } finally {
      await context.close();
    }
  });

  it('an old code page sent after the sign-in finished in another tab leads to the signed-in page', async () => {
    const context = await browser.newContext();
    try {
      const first = await context.newPage();
      await toCodePage(first, 'old@contoso.com');
      const second = await context.newPage();
      await second.goto(`${server.url}/signin/step`);
      await enterCode(second, 'old@contoso.com');
      await second.getByRole('heading', { name: 'My account' }).waitFor();
      await enterCode(first, 'old@contoso.com');
      await first.getByRole('heading', { name: 'My account' }).waitFor();
      assert.doesNotMatch(await bodyText(first), EXPIRED);
      assert.match(await bodyText(first), /nothing was sent/);
      await shot(first, 'old-code-page');
    } finally {
      await context.close();
    }
  });

  it('reloading after "Create an app password" makes no second one, and Back does not show it again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await toCodePage(page, 'rel@contoso.com');
      await enterCode(page, 'rel@contoso.com');
      await page.getByRole('heading', { name: 'My account' }).waitFor();
      await page.goto(`${server.url}/security-info/app-passwords`);
      await page.getByLabel('Name', { exact: true }).fill('Thunderbird');
      await page.getByRole('button', { name: 'Create an app password' }).click();
      const secret = await page.locator('#new-app-password').textContent();
      assert.ok(secret, 'shown once');
      await shot(page, 'app-password-created');
      await page.reload();
      await page.getByRole('heading', { name: 'App passwords' }).waitFor();
      assert.equal(await page.locator('#new-app-password').count(), 0, 'not shown again');
      await page.goBack();
      await page.goForward();
      assert.ok(!(await page.content()).includes(secret), 'nor after Back and Forward');
      const user = await ctx.stores.users.findByUpn('rel@contoso.com');
      const rows = await ctx.db
        .selectFrom('app_passwords')
        .select('id')
        .where('user_id', '=', user!.id)
        .execute();
      assert.equal(rows.length, 1, 'one app password, however often the page is reloaded');
    } finally {
      await context.close();
    }
  });
});
