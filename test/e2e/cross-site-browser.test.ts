// Issue 15, finding 8, in a real browser: a form on a sibling origin (same
// site, so Chromium sends the SameSite=Lax session cookie along) that has
// somehow got the user's CSRF token still cannot act for them — Chromium says
// where the form was (Sec-Fetch-Site, Origin) and Portcullis refuses it.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

describe('a form from another origin in Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let sibling: http.Server;
  let siblingUrl: string;
  /** The page the sibling origin serves: a sign-out form carrying the stolen token. */
  let trap = '';

  before(async () => {
    db = await freshDatabase();
    const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'dan@contoso.com', password: 'dan password 1' });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    // Same host, another port: another origin but the same site (RFC 6265bis), so
    // Chromium sends Portcullis's Lax cookies with its form posts.
    sibling = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(trap);
    });
    await new Promise<void>((resolve) => sibling.listen(0, '127.0.0.1', resolve));
    siblingUrl = `http://127.0.0.1:${(sibling.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (sibling ? sibling.close(() => resolve()) : resolve()));
    await server?.stop();
    await db?.drop();
  });

  it('refuses a sign-out posted from a sibling origin with a valid token; our own page signs out', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Username').fill('dan@contoso.com');
    await page.getByLabel('Password').fill('dan password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    assert.ok(token);

    trap = `<!DOCTYPE html><form method="post" action="${server.url}/signout">
      <input type="hidden" name="_csrf" value="${token}">
      <button type="submit">Claim your prize</button></form>`;
    await page.goto(siblingUrl);
    const sent = page.waitForRequest((r) => r.url() === `${server.url}/signout`);
    const answered = page.waitForResponse((r) => r.url() === `${server.url}/signout`);
    await page.getByRole('button', { name: 'Claim your prize' }).click();
    const headers = await (await sent).allHeaders();
    assert.equal(headers['sec-fetch-site'], 'same-site', 'Chromium says where the form was');
    assert.equal(headers.origin, new URL(siblingUrl).origin);
    assert.match(headers.cookie ?? '', /portcullis=/, 'and sends the session cookie along');
    assert.equal((await answered).status(), 403);
    assert.match(
      (await page.textContent('body')) ?? '',
      /This form has expired or was not sent from this site/,
    );

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
