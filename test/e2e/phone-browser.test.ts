import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

describe('phone methods in headless Chromium, with the phone simulator', {
  skip: skipChromium,
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;

  const addUser = async (upn: string) => {
    const r = await runCli(
      ['user', 'add', upn, '--mfa-state', 'Enforced', '--password-stdin'],
      db.env,
      'Phone password 1',
    );
    assert.equal(r.code, 0, r.stderr);
  };
  /** The newest outbox entry for a number, read through the CLI (as a tester would). */
  const outbox = async (number: string) => {
    const r = await runCli(['outbox', '--number', number, '--json'], db.env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { id: string; kind: string; text: string; status: string }[];
  };
  async function signIn(page: Page, upn: string) {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(upn);
    await page.getByLabel('Password').fill('Phone password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  /** The original's "Authentication phone" page: country, number, then text me or call me. */
  async function registerMobile(
    page: Page,
    upn: string,
    number: string,
    how: 'Send me a code by text message' | 'Call me',
  ) {
    await signIn(page, upn);
    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    await page.getByLabel(/^Text message/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Country or region').selectOption('CZ');
    // The number's box is styled like every other text box (not the browser's small default).
    const [tel, other] = await page.evaluate(() => {
      const number = document.querySelector('input[type="tel"]')!;
      const text = document.createElement('input'); // a text box, as on the other pages
      number.after(text);
      // (No named function in here: the page has no __name helper.)
      const both = [number, text].map((e) => {
        const s = getComputedStyle(e);
        return `${s.fontSize} ${s.padding} ${s.borderTopWidth} ${e.getBoundingClientRect().height}`;
      });
      text.remove();
      return both;
    });
    assert.equal(tel, other, 'the phone number box matches the other fields');
    await page.getByLabel('Phone number').fill(number);
    await page.getByLabel(how).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }

  before(async () => {
    // The simulator is off by default; the server listens on loopback, where it answers.
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_PHONE_SIMULATOR: 'true',
    });
    await addUser('mia@contoso.com');
    await addUser('fritz@contoso.com');
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('registers a mobile number by text message, then signs in by a call answered with # on the simulator', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await registerMobile(page, 'mia@contoso.com', '601 234 567', 'Send me a code by text message');
    await page.getByText(/We sent a text message with a code to \+420 601 234 567/).waitFor();
    const [sms] = await outbox('+420601234567');
    assert.equal(sms?.kind, 'sms');
    const code = /\d{6}/.exec(sms!.text)![0];
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    // As in the original: after proof-up, a word about app passwords.
    await page.getByRole('heading', { name: 'App passwords' }).waitFor();
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'mia@contoso.com');
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await page.getByText('Use a different verification option', { exact: true }).click();
    await page.getByRole('link', { name: 'Phone call' }).click();
    await page.getByText(/We're calling \+•+67/).waitFor();

    const phone = await context.newPage();
    await phone.goto(`${server.url}/_dev/phone?number=${encodeURIComponent('+420601234567')}`);
    await phone.getByRole('button', { name: 'Answer and press #' }).click();
    await phone.getByText('answered').first().waitFor();

    // The waiting page reloads itself (no script) and lands on My account.
    await page.getByRole('heading', { name: 'My account' }).waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('a user who reports fraud with 0# is refused sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await registerMobile(page, 'fritz@contoso.com', '602 345 678', 'Call me');
    await page.getByText(/We're calling/).waitFor();
    const phone = await context.newPage();
    await phone.goto(`${server.url}/_dev/phone?number=${encodeURIComponent('+420602345678')}`);
    await phone.getByRole('button', { name: 'Press 0# (report fraud)' }).click();
    await phone.getByText('fraud').first().waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });

    await signIn(page, 'fritz@contoso.com');
    await page.getByText('Your account or password is incorrect.').waitFor();
    const user = JSON.parse(
      (await runCli(['user', 'get', 'fritz@contoso.com', '--json'], db.env)).stdout,
    );
    assert.equal(user.blockCredential, true);
    assert.ok(user.fraudReportedAt);
    await context.close();
  });
});
