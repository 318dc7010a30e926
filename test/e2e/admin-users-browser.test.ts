// The admin portal's user work in headless Chromium: create a user with an
// invitation and one with a one-time password, edit, select every user on a
// page, delete after a confirmation; import 10,000 users from a CSV file
// (preview, then apply with progress) and export the list.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { listMailbox } from '../../src/mail/mailbox.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const skip = skipChromium || requireTool(hasOathtool, 'oathtool');
const ADMIN_SECRET = 'JBSWY3DPEHPK3PXP';

describe('admin portal in headless Chromium: users made, edited, deleted, imported and exported', {
  skip,
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const withCtx = async <T>(work: (ctx: ReturnType<typeof createContext>) => Promise<T>) => {
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      return await work(ctx);
    } finally {
      await ctx.db.destroy();
    }
  };
  const row = (upn: string) => withCtx((ctx) => ctx.stores.users.findByUpn(upn));

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'first admin password' });
    await withCtx(async (ctx) => {
      await migrate(ctx.db, ctx.dialect);
      const admin = await createUser(ctx, {
        upn: 'ada@contoso.com',
        displayName: 'Ada Admin',
        password: 'ada password 1',
        isAdmin: true,
        mfaState: 'Enforced',
      });
      await addRegistration(ctx, admin.id, 'PhoneAppOTP', {
        ok: true,
        secret: ADMIN_SECRET,
        details: {},
      });
    });
    server = await startServerProcess(db.env);
    browser = await launchChromium();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Username').fill('ada@contoso.com');
    await page.getByLabel('Password').fill('ada password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(ADMIN_SECRET, Date.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('creates a user with an invitation, and one with a one-time password shown once', async () => {
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByLabel('User name (UPN)').fill('ivy@contoso.com');
    await page.getByLabel('Display name').fill('Ivy Invited');
    await page.getByLabel(/^Email address/).fill('ivy@contoso.com');
    await page.getByLabel(/^Mobile phone/).fill('+44 7700 900123');
    await page.getByLabel('MFA state').selectOption('Enforced');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('An invitation was sent to ivy@contoso.com.').waitFor();
    const mail = await withCtx((ctx) =>
      listMailbox(ctx, { personalData: true }, { to: 'ivy@contoso.com' }),
    );
    assert.match(mail[0]?.text ?? '', /\/invite\//);
    const ivy = await row('ivy@contoso.com');
    assert.equal(ivy?.mfa_state, 'Enforced');
    assert.equal(ivy?.password_hash, '');

    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel('User name (UPN)').fill('otto@contoso.com');
    await page.getByLabel(/one-time password/).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const otp = (await page.locator('#otp').textContent())!.trim();
    assert.match(otp, /^\w{7}-\w{7}-\w{7}$/);
    const otto = await row('otto@contoso.com');
    assert.equal(otto?.must_change_password, 1);

    // A mistake comes back with what was typed and a clear message; nothing is made.
    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel('User name (UPN)').fill('otto@contoso.com');
    await page.getByLabel(/one-time password/).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('alert').getByText('A user with that user name already exists.').waitFor();
  });

  it('edits a user (and a rename keeps them), then deletes one after a confirmation', async () => {
    await page.goto(`${server.url}/admin/users/otto@contoso.com`);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('User name (UPN)').fill('otto.m@contoso.com');
    await page.getByLabel('Display name').fill('Otto Mann');
    await page.getByLabel('Language (e.g. en, de, fr-CA)').fill('de');
    await page.getByLabel('Administrator').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const otto = await row('otto.m@contoso.com');
    assert.deepEqual(
      [otto?.display_name, otto?.preferred_language, otto?.is_admin],
      ['Otto Mann', 'de', 1],
    );

    await page.getByRole('button', { name: 'Delete user…' }).click();
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
    assert.equal(await row('otto.m@contoso.com').then(Boolean), true, 'nothing yet');
    await page.getByRole('button', { name: 'Delete otto.m@contoso.com' }).click();
    await page.getByText('Deleted otto.m@contoso.com.').waitFor();
    assert.equal(await row('otto.m@contoso.com'), undefined);
  });

  it('imports 10,000 users: a preview that changes nothing, then one apply with progress', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-import-'));
    const file = path.join(dir, 'users.csv');
    const lines = ['UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email'];
    for (let i = 0; i < 10_000; i++)
      lines.push(
        `p${String(i).padStart(5, '0')}@fabrikam.com,Person ${i},,en,${i % 3 ? 'Enabled' : 'Enforced'},`,
      );
    lines.push('not-a-upn,Broken,,,,', 'p00001@fabrikam.com,Twice,,,,');
    writeFileSync(file, lines.join('\r\n'));

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the template' }).click();
    const template = readFileSync(await (await download).path(), 'utf8');
    assert.match(
      template,
      /^\uFEFF?UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email\r\n/,
    );

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    const preview = (await page.locator('.counts').textContent()) ?? '';
    assert.match(preview, /9,999 to create/);
    assert.match(preview, /3 with errors/);
    assert.match(
      (await page.locator('tr.row-error').first().textContent()) ?? '',
      /duplicate row|not a user name/,
    );
    assert.equal(await row('p00005@fabrikam.com'), undefined, 'the preview changed nothing');

    await page.getByRole('button', { name: /Apply 9,999 changes/ }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor({ timeout: 120_000 });
    assert.ok((await page.locator('progress').count()) > 0, 'progress was shown');
    const result = (await page.locator('.counts').last().textContent()) ?? '';
    assert.match(result, /9,999 created/);
    assert.match(result, /9,999 invited by email/);
    const p5 = await row('p00005@fabrikam.com');
    assert.equal(p5?.mfa_state, 'Enabled');
    assert.equal(p5?.directory_mail, 'p00005@fabrikam.com');
  });

  it('pages the list, selects every user on a page at once, and exports the filtered list', async () => {
    await page.goto(`${server.url}/admin/users?q=fabrikam&size=100`);
    assert.equal(await page.locator('input[name="users"]').count(), 100);
    await page.getByLabel('Select every user on this page').check();
    assert.equal(await page.locator('input[name="users"]:checked').count(), 100);
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
    await page.getByRole('button', { name: 'Disable 100 users' }).click();
    await page.getByText('Done: 100 users disabled.').waitFor();
    await page.goto(`${server.url}/admin/users?q=fabrikam&size=100`);
    await page.getByRole('link', { name: 'Next page' }).click();
    assert.equal(await page.locator('input[name="users"]').count(), 100, 'the second page');

    await page.goto(`${server.url}/admin/users?state=Disabled`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export these users as CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    assert.match(csv[0]!, /^UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email,/);
    assert.equal(csv.length - 1, 100, 'the hundred disabled, no one else');
    assert.ok(csv.slice(1).every((l) => /,Disabled,/.test(l)));
  });

  it('makes a group, adds members, gives it the administrator role, sets its members’ MFA state, deletes it', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Finance');
    await page.getByLabel('Description').fill('Money people');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: 'Finance' }).waitFor();
    await page
      .getByLabel(/Add users/)
      .fill('p00010@fabrikam.com, p00011@fabrikam.com\nghost@fabrikam.com');
    await page.getByRole('button', { name: 'Add' }).click();
    await page
      .getByRole('alert')
      .getByText(/ghost@fabrikam\.com/)
      .waitFor();
    await page.getByLabel(/Add users/).fill('p00010@fabrikam.com p00011@fabrikam.com');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Members added.').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 2);

    await page.getByLabel('Members are administrators').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(
      (await row('p00010@fabrikam.com'))?.is_admin,
      1,
      'a member of an admin group is an admin',
    );

    await page.getByLabel('Set to').selectOption('Enforced');
    await page.getByRole('button', { name: 'Change…' }).click();
    await page.getByRole('button', { name: 'Set Enforced' }).click();
    await page.getByText(/MFA state set for the members/).waitFor();
    assert.equal((await row('p00011@fabrikam.com'))?.mfa_state, 'Enforced');

    await page.getByRole('button', { name: 'Remove p00011@fabrikam.com' }).click();
    await page.getByText('Member removed.').waitFor();
    assert.equal((await row('p00011@fabrikam.com'))?.is_admin, 0);

    await page.getByRole('button', { name: 'Delete group…' }).click();
    await page.getByRole('button', { name: 'Delete Finance' }).click();
    await page.getByText('Deleted the group Finance.').waitFor();
    assert.equal((await row('p00010@fabrikam.com'))?.is_admin, 0, 'the role went with the group');
  });
});
