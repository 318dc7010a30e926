import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const skip = skipChromium || requireTool(hasOathtool, 'oathtool');
const ADMIN_SECRET = 'JBSWY3DPEHPK3PXP';
const RITA_SECRET = 'KRSXG5CTMVRXEZLU';

describe('admin portal in headless Chromium: bulk enforce from CSV, then reset a user’s methods', {
  skip,
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const stateOf = async (upn: string) => {
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      return (await ctx.stores.users.findByUpn(upn))?.mfa_state;
    } finally {
      await ctx.db.destroy();
    }
  };

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'first admin password' });
    const ctx = createContext(db.config, { log: createLogger('silent') });
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
    for (const upn of ['sam@contoso.com', 'tom@contoso.com'])
      await createUser(ctx, { upn, password: 'user password 1' });
    const rita = await createUser(ctx, {
      upn: 'rita@contoso.com',
      displayName: 'Rita Reset',
      password: 'rita password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, rita.id, 'PhoneAppOTP', {
      ok: true,
      secret: RITA_SECRET,
      details: {},
    });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('signs the admin in with MFA, previews a CSV with a bad row, applies the good rows, resets a user, who then proves up again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Signed out: /admin sends to sign-in, then back.
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Username').fill('ada@contoso.com');
    await page.getByLabel('Password').fill('ada password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(ADMIN_SECRET, Date.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();

    // Bulk update: the preview shows the bad row; nothing changes yet.
    await page.getByRole('link', { name: 'Bulk update' }).click();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'mfa.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFUsername,MFA Status\r\nsam@contoso.com,Enforced\r\nghost@contoso.com,Enforced\r\ntom@contoso.com,Enforced\r\n',
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    const preview = (await page.textContent('main')) ?? '';
    assert.match(preview, /ghost@contoso\.com.*Error: unknown user/s);
    assert.equal(await stateOf('sam@contoso.com'), 'Disabled');
    await page.getByRole('button', { name: /Apply 2 changes \(skip 1 row with errors\)/ }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    assert.match((await page.textContent('main')) ?? '', /2 changed.*1 with errors, not applied/s);
    assert.equal(await stateOf('sam@contoso.com'), 'Enforced');
    assert.equal(await stateOf('tom@contoso.com'), 'Enforced');

    // Reset one user's methods, by keyboard where it matters: the confirmation has focus.
    await page.getByRole('link', { name: 'Back to users' }).click();
    await page.getByLabel('Search by name or user name').fill('rita');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Rita Reset' }).click();
    await page.getByRole('heading', { name: 'Rita Reset' }).waitFor();
    await page.getByLabel('Require the user to provide contact methods again').check();
    await page.getByRole('button', { name: 'Continue…' }).click();
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Methods removed: the user registers again at next sign-in.').waitFor();
    assert.match((await page.textContent('main')) ?? '', /No method registered/);
    await context.close();

    // Rita signs in: proof-up again.
    const rita = await browser.newContext({ javaScriptEnabled: false });
    const p2 = await rita.newPage();
    await p2.goto(server.url);
    await p2.getByLabel('Username').fill('rita@contoso.com');
    await p2.getByLabel('Password').fill('rita password 1');
    await p2.getByRole('button', { name: 'Sign in' }).click();
    await p2.getByRole('heading', { name: 'More information required' }).waitFor();
    await rita.close();
  });
});
