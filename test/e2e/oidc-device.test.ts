import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/load.ts';
import { sha256 } from '../../src/crypto/hash.ts';
import { startServer } from '../../src/server.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { addOidcApp, databaseWithIssuer, type OidcApp, oauthError } from '../helpers/oidc-rp.ts';
import { codeAt } from '../helpers/totp.ts';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ACR_MFA = 'urn:portcullis:acr:mfa';

// The OAuth device authorization grant (RFC 8628): a command-line tool
// (openid-client, as a device would use it) shows a code; its user types it
// at /device in a browser and signs in there with the usual policy.
describe('OpenID Connect: the device authorization grant', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let cli: OidcApp;
  let strict: OidcApp;
  /** A TOTP step not used before (each is accepted once). */
  let lastStep = 0;
  const nextCode = () => {
    lastStep = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
    return codeAt(TOTP_SECRET, lastStep * 30_000);
  };

  const discover = (app: OidcApp) =>
    client.discovery(new URL(issuer), app.id, undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
  /** One poll of the token endpoint, as a device makes it; its OAuth error, if any. */
  const poll = async (app: OidcApp, deviceCode: string, from?: string) => {
    const res = await fetch(`${issuer}/oidc/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(from ? { 'x-forwarded-for': from } : {}),
      },
      body: new URLSearchParams({
        grant_type: DEVICE_GRANT,
        device_code: deviceCode,
        client_id: app.id,
      }),
    });
    return ((await res.json()) as { error?: string; access_token?: string }).error ?? 'tokens';
  };
  /** The /device page in a fresh form client (its own oidc-provider cookies and xsrf). */
  const codePage = async (from: string) => {
    const b = new FormClient((r) => {
      r.headers.set('x-forwarded-for', from);
      return fetch(r);
    }, issuer);
    const { html } = await b.page('/device');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(xsrf, 'the code page carries its cross-site token');
    return {
      b,
      enter: async (userCode: string) => {
        const res = await b.post('/device', { xsrf, user_code: userCode }, { csrf: false });
        return { status: res.status, text: textOf(await res.text()) };
      },
    };
  };

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer({
      // The tests' guesses come "through a proxy" from addresses of their own.
      PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1',
    }));
    server = await startServer(loadConfig(db.env), () => {});
    const { id } = await createUser(server.ctx, {
      upn: 'mallory@contoso.com',
      displayName: 'Mallory Manager',
      password: 'mallory password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(server.ctx, id, 'PhoneAppOTP', {
      ok: true,
      secret: TOTP_SECRET,
      details: {},
    });
    await createUser(server.ctx, {
      upn: 'dave@contoso.com',
      password: 'dave password 1',
      mfaState: 'Disabled',
    });
    cli = await addOidcApp(['--name', 'Deploy CLI', '--device'], db.env);
    strict = await addOidcApp(['--name', 'Payroll TV', '--device', '--require-mfa'], db.env);
  });
  after(async () => {
    await server?.close();
    await db?.drop();
  });

  it('registers a public client: no secret, the device grant and refresh tokens only, no redirect URIs', async () => {
    assert.equal(cli.clientSecret, undefined);
    const app = await server.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', cli.id)
      .executeTakeFirstOrThrow();
    assert.equal(app.client_secret_sealed, null);
    assert.deepEqual(JSON.parse(app.grant_types), [DEVICE_GRANT, 'refresh_token']);
    assert.deepEqual(JSON.parse(app.redirect_uris), []);
    const meta = (await discover(cli)).serverMetadata();
    assert.equal(meta.device_authorization_endpoint, `${issuer}/oidc/device/auth`);
    assert.ok(meta.grant_types_supported?.includes(DEVICE_GRANT));
    // A web client may not start the flow (it was not registered for it).
    const web = await addOidcApp(
      ['--name', 'Wiki', '--redirect-uri', 'https://wiki.test/cb'],
      db.env,
    );
    const res = await fetch(`${issuer}/oidc/device/auth`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${web.id}:${web.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ scope: 'openid' }),
    });
    const refusal = (await res.json()) as { error: string; error_description: string };
    assert.equal(res.status, 400, JSON.stringify(refusal));
    assert.match(refusal.error_description, /device_code is not allowed for this client/);
  });

  it('Chromium types the user code at /device, signs in with password and authenticator code; the device gets tokens that say mfa', {
    skip: skipChromium,
  }, async () => {
    const config = await discover(cli);
    const started = await client.initiateDeviceAuthorization(config, {
      scope: 'openid profile offline_access',
    });
    assert.equal(started.verification_uri, `${issuer}/device`);
    assert.equal(started.interval, 5);
    assert.match(started.user_code, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    // The device polls (at the interval it was given) while its user signs in.
    const polled = client.pollDeviceAuthorizationGrant(config, started);
    const browser: Browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${issuer}/device`);
      // Typed as people do: lower case, without the dash.
      await page.getByLabel('Code').fill(started.user_code.replace('-', '').toLowerCase());
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Sign in to Deploy CLI?' }).waitFor();
      assert.match((await page.textContent('body')) ?? '', new RegExp(started.user_code));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Username').fill('mallory@contoso.com');
      await page.getByLabel('Password').fill('mallory password 1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
      await page.getByLabel('Code', { exact: true }).fill(nextCode());
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { name: 'Allow Deploy CLI?' }).waitFor();
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.getByRole('heading', { name: 'You are signed in' }).waitFor();
      assert.match(
        (await page.textContent('body')) ?? '',
        /Deploy CLI on your device is now signed in/,
      );
      // The link with the code in it (a QR code's) goes straight to the confirmation.
      const another = await client.initiateDeviceAuthorization(config, { scope: 'openid' });
      const linked = await browser.newPage();
      await linked.goto(another.verification_uri_complete!);
      await linked.getByRole('heading', { name: 'Sign in to Deploy CLI?' }).waitFor();
      assert.match((await linked.textContent('body')) ?? '', new RegExp(another.user_code));
    } finally {
      await browser.close();
    }
    const tokens = await polled;
    const claims = tokens.claims()!;
    const mallory = await server.ctx.stores.users.findByUpn('mallory@contoso.com');
    assert.equal(claims.sub, mallory!.id);
    assert.equal(claims.acr, ACR_MFA);
    assert.ok((claims.amr as string[]).includes('otp'));
    assert.ok(tokens.refresh_token, 'offline_access: a refresh token for the device');
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.access_token);
    // Used once: the device code is spent.
    assert.equal(await poll(cli, started.device_code), 'invalid_grant');
    const log = await server.ctx.db
      .selectFrom('signin_log')
      .select(['result'])
      .where('upn', '=', 'mallory@contoso.com')
      .execute();
    assert.ok(
      log.some((r) => r.result === 'success'),
      'the sign-in is in the sign-in log',
    );
  });

  it('an application that requires MFA steps a Disabled user up at /device; cancelling leaves the device with access_denied', async () => {
    const config = await discover(strict);
    const started = await client.initiateDeviceAuthorization(config, { scope: 'openid' });
    const { b, enter } = await codePage('198.51.100.20');
    const confirm = await enter(started.user_code);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, /Payroll TV is asking to sign in as you on a device/);
    assert.match(confirm.text, /The request came from 127\.0\.0\.1\./, "the device's address");
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(b.lastHtml)![1]!;
    let res = await b.post(
      '/device',
      { xsrf, user_code: started.user_code, confirm: 'yes' },
      { csrf: false },
    );
    // Into the Portcullis sign-in: the password, then (the application requires MFA) a method to register.
    const seen: string[] = [];
    for (let i = 0; i < 12 && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get('location')!, issuer);
      res = await b.get(next.pathname + next.search);
      if (res.status !== 200) continue;
      const html = b.lastHtml;
      if (/action="\/signin\/proofup"/.test(html)) {
        seen.push('proofup');
        break;
      }
      if (/name="password"/.test(html)) {
        seen.push('password');
        res = await b.post('/signin', {
          username: 'dave@contoso.com',
          password: 'dave password 1',
          rd: /name="rd" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'),
        });
      }
    }
    assert.deepEqual(seen, ['password', 'proofup'], 'a Disabled user is stepped up to MFA');
    // The device is still waiting: nothing was issued on a password alone.
    assert.equal(await poll(strict, started.device_code), 'authorization_pending');

    // Another code, cancelled on the confirmation page.
    const other = await client.initiateDeviceAuthorization(config, { scope: 'openid' });
    const second = await codePage('198.51.100.21');
    await second.enter(other.user_code);
    const xsrf2 = /name="xsrf" value="([^"]+)"/.exec(second.b.lastHtml)![1]!;
    const cancelled = await second.b.post(
      '/device',
      { xsrf: xsrf2, user_code: other.user_code, abort: 'yes' },
      { csrf: false },
    );
    assert.match(textOf(await cancelled.text()), /You cancelled the sign-in/);
    assert.equal(await poll(strict, other.device_code), 'access_denied');
  });

  it('polls fired together: one is on time (authorization_pending), the rest hear slow_down; the interval grows', async () => {
    const started = await client.initiateDeviceAuthorization(await discover(cli), {
      scope: 'openid',
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => poll(cli, started.device_code)),
    );
    assert.deepEqual(
      answers.sort(),
      ['authorization_pending', ...Array(7).fill('slow_down')].sort(),
      answers.join(','),
    );
    assert.equal(await poll(cli, started.device_code), 'slow_down');
    const row = await server.ctx.db
      .selectFrom('oauth_device_polls')
      .select('interval_seconds')
      .where('id', '=', sha256(started.device_code))
      .executeTakeFirstOrThrow();
    assert.ok(row.interval_seconds > 5, `interval ${row.interval_seconds}`);
  });

  it('an expired code: the device hears expired_token, the page says it expired', async () => {
    const started = await client.initiateDeviceAuthorization(await discover(cli), {
      scope: 'openid',
    });
    // Its ten minutes are up: the record as it would be stored ten minutes earlier.
    const row = await server.ctx.db
      .selectFrom('oidc_payloads')
      .select(['id', 'payload', 'expires_at'])
      .where('model', '=', 'DeviceCode')
      .where('id', '=', started.device_code)
      .executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload) as { exp: number; iat: number };
    const shift = payload.exp - payload.iat + 1;
    payload.exp -= shift;
    payload.iat -= shift;
    await server.ctx.db
      .updateTable('oidc_payloads')
      .set({ payload: JSON.stringify(payload), expires_at: row.expires_at! - shift * 1000 })
      .where('model', '=', 'DeviceCode')
      .where('id', '=', row.id)
      .execute();
    assert.equal(await poll(cli, started.device_code), 'expired_token');
    const { enter } = await codePage('198.51.100.30');
    const page = await enter(started.user_code);
    assert.match(page.text, /That code has expired/);
  });

  it('the code page speaks the browser’s language', async () => {
    const res = await fetch(`${issuer}/device`, {
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
    });
    const html = await res.text();
    assert.match(html, /<html lang="de">/);
    assert.match(textOf(html), /Auf einem anderen Gerät anmelden/);
  });

  it('user codes guessed together from many sockets do not get past the limit, and the right one waits too', async () => {
    const started = await client.initiateDeviceAuthorization(await discover(cli), {
      scope: 'openid',
    });
    const from = '203.0.113.9';
    const pages = await Promise.all(Array.from({ length: 12 }, () => codePage(from)));
    const guesses = await Promise.all(pages.map((p, i) => p.enter(`BBBB-BB${'BCDFGHJKLMNP'[i]}B`)));
    const wrong = guesses.filter((g) => g.status === 200 && /That code is not right/.test(g.text));
    const refused = guesses.filter((g) => g.status === 429 && /Too many wrong codes/.test(g.text));
    assert.equal(wrong.length, 5, guesses.map((g) => g.status).join(','));
    assert.equal(refused.length, 7);
    // The right code from the same address waits as well; from another it goes through.
    const late = await (await codePage(from)).enter(started.user_code);
    assert.equal(late.status, 429);
    const elsewhere = await (await codePage('203.0.113.10')).enter(started.user_code);
    assert.equal(elsewhere.status, 200);
    assert.match(elsewhere.text, /Deploy CLI is asking to sign in as you/);
  });

  it('a device client has no secret to present: client credentials with a guessed one are refused', async () => {
    const r = await fetch(`${issuer}/oidc/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${cli.id}:guess`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    assert.equal(r.status, 401);
    assert.equal(oauthError((await r.json()) as object), 'invalid_client');
  });
});
