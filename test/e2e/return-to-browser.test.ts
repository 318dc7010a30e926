// Return paths in a real browser (issue 15, finding 4): Chromium removes a
// tab from a URL (WHATWG URL §4.4), so a Done link to `/<TAB>/evil.example/`
// is followed to http://evil.example/. Here a signed-in person opens the
// app-passwords step with such a `next`, clicks Done and must stay on
// Portcullis; and the same for sign-in with such an `rd`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppContext } from '../../src/context.ts';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

const PASSWORD = 'a long enough password 1';
const UPN = 'nia@contoso.com';
/** What the finding's request carries: a tab (%09) the browser drops, leaving //evil.example/. */
const HOSTILE = [
  '/%09/evil.example/',
  '/%0A/evil.example/',
  '/%5C/evil.example/',
  '/%252F/evil.example/',
];

describe('return paths in headless Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let browser: Browser;

  /** A browser context in which any request off Portcullis is answered here, and noted. */
  async function guarded(): Promise<{ context: BrowserContext; page: Page; elsewhere: string[] }> {
    const context = await browser.newContext();
    const elsewhere: string[] = [];
    const origin = new URL(server.url).origin;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      elsewhere.push(url);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Evil</title><h1>Evil</h1>',
      });
    });
    return { context, page: await context.newPage(), elsewhere };
  }

  async function signIn(page: Page, path = '/') {
    await page.goto(server.url + path);
    await page.getByLabel('Username').fill(UPN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
  }

  before(async () => {
    db = await freshDatabase();
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    // MFA Disabled: the password alone signs in (the redirect is what is tested).
    await createUser(ctx, { upn: UPN, password: PASSWORD, mfaState: 'Disabled' });
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('app-passwords step: Done with next=/%09/evil.example/ stays on Portcullis', async () => {
    const { context, page, elsewhere } = await guarded();
    try {
      await signIn(page);
      await page.getByRole('heading', { name: 'My account' }).waitFor();
      for (const next of HOSTILE) {
        await page.goto(`${server.url}/security-info/app-passwords/intro?next=${next}`);
        await page.getByRole('link', { name: 'Done' }).click();
        await page.waitForLoadState('load');
        assert.equal(
          new URL(page.url()).origin,
          new URL(server.url).origin,
          `${next}: ${page.url()}`,
        );
        await page.getByRole('heading', { name: 'My account' }).waitFor();
      }
      assert.deepEqual(elsewhere, [], 'no request left Portcullis');
    } finally {
      await context.close();
    }
  });

  it('app-passwords step: Done still goes back to a path on Portcullis', async () => {
    const { context, page, elsewhere } = await guarded();
    try {
      await signIn(page);
      await page.goto(
        `${server.url}/security-info/app-passwords/intro?next=${encodeURIComponent('/security-info?done=added')}`,
      );
      await page.getByRole('link', { name: 'Done' }).click();
      await page.getByText('The method was added.').waitFor();
      assert.equal(new URL(page.url()).pathname, '/security-info');
      assert.deepEqual(elsewhere, []);
    } finally {
      await context.close();
    }
  });

  it('sign-in with rd=/%09/evil.example/ lands on Portcullis', async () => {
    for (const rd of HOSTILE) {
      const { context, page, elsewhere } = await guarded();
      try {
        await signIn(page, `/?rd=${rd}`);
        assert.equal(
          new URL(page.url()).origin,
          new URL(server.url).origin,
          `${rd}: ${page.url()}`,
        );
        assert.equal(new URL(page.url()).pathname, '/', `${rd}: ${page.url()}`);
        await page.getByRole('heading', { name: 'My account' }).waitFor();
        assert.deepEqual(elsewhere, [], rd);
      } finally {
        await context.close();
      }
    }
  });
});
