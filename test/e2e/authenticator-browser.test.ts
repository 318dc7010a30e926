import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import webpush from 'web-push';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { databaseWithIssuer } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

const UPN = 'paula@contoso.com';
const PASSWORD = 'Paula password 1';

// Two browser contexts: a "phone" running the Portcullis Authenticator (a
// secure context on http://127.0.0.1, so WebCrypto and IndexedDB work) and
// the browser signing in, which waits without script (meta refresh).
describe('Portcullis Authenticator in headless Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let phone: Page;
  let signinContext: BrowserContext;
  let page: Page;

  async function signIn() {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(UPN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The number the sign-in page shows, once the phone has the request. */
  async function numberShown(): Promise<string> {
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    const number = (await page.locator('#push-number').textContent())!.trim();
    assert.match(number, /^\d{2}$/);
    await phone.locator('#request-text').waitFor({ timeout: 30_000 });
    assert.match((await phone.locator('#request-text').textContent())!, new RegExp(UPN));
    return number;
  }

  before(async () => {
    const made = await databaseWithIssuer();
    db = made.db;
    const add = await runCli(
      [
        'user',
        'add',
        UPN,
        '--display-name',
        'Paula Phone',
        '--mfa-state',
        'Enforced',
        '--password-stdin',
      ],
      db.env,
      PASSWORD,
    );
    assert.equal(add.code, 0, add.stderr);
    // The sign-ins come from 127.0.0.1: named, the app shows this name as their place.
    const named = await runCli(
      ['settings', 'set', 'namedLocations', '127.0.0.0/8 Test lab'],
      db.env,
    );
    assert.equal(named.code, 0, named.stderr);
    // With Web Push keys, as a deployment that notifies the closed app.
    const vapid = webpush.generateVAPIDKeys();
    server = await startServerProcess({
      ...db.env,
      PORTCULLIS_VAPID_PUBLIC_KEY: vapid.publicKey,
      PORTCULLIS_VAPID_PRIVATE_KEY: vapid.privateKey,
      PORTCULLIS_VAPID_SUBJECT: 'mailto:security@contoso.com',
    });
    assert.equal(server.url, made.issuer);
    browser = await launchChromium();
    phoneContext = await browser.newContext();
    phone = await phoneContext.newPage();
    signinContext = await browser.newContext({ javaScriptEnabled: false });
    page = await signinContext.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('activates the app from the QR payload during proof-up', async () => {
    await signIn();
    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    await page.getByLabel(/Portcullis Authenticator/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const link = (await page.locator('#authenticator-link').getAttribute('href'))!;
    assert.match(link, new RegExp(`^${server.url}/authenticator#activate=\\d{12}$`));
    assert.match((await page.locator('#activation-code').textContent())!, /^\d{4} \d{4} \d{4}$/);

    await phone.goto(link);
    await phone.getByText(`This app is set up for ${UPN}`).waitFor();
    assert.equal(new URL(phone.url()).hash, '', 'the code left the address bar');
    // The same activation gave the app a TOTP account: a code, computed on the phone.
    await phone
      .locator('#otp-code')
      .filter({ hasText: /^\d{6}$/ })
      .waitFor();
    assert.match((await phone.locator('#otp-label').textContent())!, new RegExp(UPN));
    assert.match((await phone.locator('#otp-expires').textContent())!, /^New code in \d+ s$/);

    // The sign-in page reloads itself and moves on once the app is activated.
    await page.getByRole('heading', { name: 'App passwords' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('asks for notification permission only when "Turn on notifications" is pressed', async () => {
    const button = phone.getByRole('button', { name: 'Turn on notifications' });
    await button.waitFor();
    // Nothing was asked on load: headless Chromium answers any request with "denied".
    assert.equal(await phone.evaluate(() => Notification.permission), 'default');
    await button.click();
    await phone.waitForFunction(() => Notification.permission === 'denied');
    assert.equal(await button.isVisible(), false, 'not offered again once refused');

    // Once permission is granted, the app subscribes without a button.
    await phoneContext.grantPermissions(['notifications']);
    await phone.reload();
    await phone.getByText(`This app is set up for ${UPN}`).waitFor();
    await phone.waitForFunction(async () =>
      Boolean(await navigator.serviceWorker.getRegistration('/authenticator/')),
    );
    assert.equal(await button.isVisible(), false);
  });

  it('signs in when the phone approves with the number shown', async () => {
    await signIn();
    const number = await numberShown();
    assert.match((await phone.locator('#request-text').textContent())!, /From 127\.0\.0\.1 /);
    assert.equal(await phone.locator('#request-place').textContent(), 'Test lab');
    await phone.getByLabel('Number shown on the sign-in page').fill(number);
    await phone.getByRole('button', { name: 'Approve', exact: true }).click();
    await phone.getByText('Approved.').waitFor();
    await page.getByRole('heading', { name: 'My account' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('signs in with a code from the app instead; the request left on the phone holds up no one', async () => {
    await signIn();
    await numberShown();
    await page.getByRole('link', { name: 'Enter a code from the app instead' }).click();
    await page.getByLabel('Code').fill((await phone.locator('#otp-code').textContent())!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The phone still shows that sign-in's request: the next sign-in need not wait for it.
    const shown = await phone.locator('#request-text').textContent();
    await signIn();
    await numberShown();
    await phone.waitForFunction(
      (before) => document.getElementById('request-text')?.textContent !== before,
      shown,
    );
    // Not needed: deny it.
    await phone.getByRole('button', { name: 'Deny', exact: true }).click();
    await phone.getByText('The request was refused.').waitFor();
  });

  it('refuses a wrong number', async () => {
    await signIn();
    const number = await numberShown();
    await phone.getByLabel('Number shown on the sign-in page').fill(number === '10' ? '11' : '10');
    await phone.getByRole('button', { name: 'Approve', exact: true }).click();
    await phone.getByText('The request was refused.').waitFor();
    await page.getByText('No request is waiting in your app.').waitFor({ timeout: 15_000 });
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'My account' }).count(), 0);
  });

  it('deny and report fraud blocks the user', async () => {
    await signIn();
    await numberShown();
    await phone.getByRole('button', { name: 'Deny and report fraud' }).click();
    await phone.getByText('The request was refused.').waitFor();
    await signIn();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Verify your identity' }).count(), 0);
    const get = await runCli(['user', 'get', UPN, '--json'], db.env);
    assert.equal(JSON.parse(get.stdout).blockCredential, true);
  });
});
