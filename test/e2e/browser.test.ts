import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const skip = skipChromium || requireTool(hasOathtool, 'oathtool');

describe('browser journey in headless Chromium', { skip }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    const add = await runCli(
      [
        'user',
        'add',
        'nina@contoso.com',
        '--display-name',
        'Nina Newcomer',
        '--mfa-state',
        'Enforced',
        '--password-stdin',
      ],
      db.env,
      'Nina password 1',
    );
    assert.equal(add.code, 0, add.stderr);
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('walks an Enforced user with no method through proof-up to signed in, then signs in again with a second code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Username').fill('nina@contoso.com');
    await page.getByLabel('Password').fill('Nina password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    await page.getByLabel(/Authenticator app/).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await page.getByText("Can't scan the QR code?").click();
    const secret = (await page.locator('#secret-key').textContent())!.replace(/\s/g, '');
    assert.match((await page.locator('#otpauth-uri').textContent())!, /^otpauth:\/\/totp\//);
    const enrolAt = Date.now();
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(secret, enrolAt));
    await page.getByRole('button', { name: 'Verify' }).click();

    // As in the original: after proof-up, a word about app passwords.
    await page.getByRole('heading', { name: 'App passwords' }).waitFor();
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    assert.match((await page.textContent('body')) ?? '', /Nina Newcomer/);
    await page.screenshot({ path: `${db.env.PORTCULLIS_DATA_DIR}/signed-in.png` });
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill('nina@contoso.com');
    await page.getByLabel('Password').fill('Nina password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    // The enrolment code's step is used; the next step's code (one step of drift) is accepted.
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(secret, enrolAt + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await context.close();

    const get = await runCli(['user', 'get', 'nina@contoso.com', '--json'], db.env);
    const user = JSON.parse(get.stdout);
    assert.deepEqual(
      user.strongAuthenticationMethods.map((m: { methodType: string; isDefault: boolean }) => ({
        methodType: m.methodType,
        isDefault: m.isDefault,
      })),
      [{ methodType: 'PhoneAppOTP', isDefault: true }],
    );
  });
});
