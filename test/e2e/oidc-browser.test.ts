import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { addOidcApp, databaseWithIssuer, type OidcApp, oauthError } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

const ACR_MFA = 'urn:portcullis:acr:mfa';
const ACR_1FA = 'urn:portcullis:acr:1fa';
/** The user's authenticator app: an RFC 6238 generator that is not Portcullis's code. */
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const authenticator = new TOTP({
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  secret: Secret.fromBase32(TOTP_SECRET),
});

// A real relying party: openid-client does discovery and builds the request,
// headless Chromium signs in on the Portcullis pages, and the browser lands on
// the relying party's own loopback server with the code.
describe('OpenID Connect relying party with a real browser (headless Chromium)', {
  skip: skipChromium,
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let rp: http.Server;
  let issuer: string;
  let redirectUri: string;
  let intranet: OidcApp;
  let partner: OidcApp;
  const users = { mfa: '', password: '' };
  /** Every URL the relying party's callback endpoint was asked for. */
  const callbacks: string[] = [];
  /** A code is accepted once per time step: each sign-in gets a step not used before. */
  const usedSteps = new Set<number>();
  const nextCode = () => {
    const now = Math.floor(Date.now() / 30_000);
    const step = [now, now + 1, now - 1].find((s) => !usedSteps.has(s));
    assert.ok(step !== undefined, 'no unused TOTP step within the accepted window');
    usedSteps.add(step);
    return authenticator.generate({ timestamp: step * 30_000 });
  };

  before(async () => {
    // The relying party's redirect target: a loopback server that only says "back".
    rp = http.createServer((req, res) => {
      callbacks.push(`http://${req.headers.host}${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><title>Relying party</title><h1>Back at the relying party</h1>');
    });
    await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://127.0.0.1:${(rp.address() as net.AddressInfo).port}/cb`;

    ({ db, issuer } = await databaseWithIssuer({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' }));
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    // Enforced, with an authenticator app already registered (as after proof-up).
    users.mfa = (
      await createUser(ctx, {
        upn: 'mallory@contoso.com',
        displayName: 'Mallory Manager',
        password: 'mallory password 1',
        mfaState: 'Enforced',
      })
    ).id;
    await addRegistration(ctx, users.mfa, 'PhoneAppOTP', {
      ok: true,
      secret: TOTP_SECRET,
      details: {},
    });
    // Disabled: a password is all it takes.
    users.password = (
      await createUser(ctx, {
        upn: 'dave@contoso.com',
        displayName: 'Dave',
        password: 'dave password 1',
        mfaState: 'Disabled',
      })
    ).id;
    await ctx.db.destroy();

    intranet = await addOidcApp(
      ['--name', 'Intranet', '--redirect-uri', redirectUri, '--first-party'],
      db.env,
    );
    partner = await addOidcApp(['--name', 'Partner portal', '--redirect-uri', redirectUri], db.env);
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => rp?.close(resolve));
    await db?.drop();
  });

  const discover = (app: OidcApp) =>
    client.discovery(
      new URL(issuer),
      app.id,
      undefined,
      client.ClientSecretBasic(app.clientSecret),
      {
        execute: [client.allowInsecureRequests],
      },
    );

  /**
   * Builds the authorization request with openid-client, walks it in a fresh
   * Chromium context (password, then the authenticator code when `totp`, then
   * Allow when `consent`), and returns where the browser landed.
   */
  async function signInWithBrowser(
    app: OidcApp,
    opts: { username: string; password: string; totp: boolean; consent?: string },
  ) {
    const config = await discover(app);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email offline_access',
      // oidc-provider only grants offline_access (a refresh token) with prompt=consent.
      prompt: 'consent',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    assert.equal(authUrl.origin + authUrl.pathname, `${issuer}/oidc/auth`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // What the browser complained about (a blocked navigation shows up here, e.g. CSP).
      const browserLog: string[] = [];
      page.on('console', (m) => browserLog.push(m.text()));
      const landed = (u: URL) => u.href.startsWith(redirectUri);
      await page.goto(authUrl.href);
      // Signed out: oidc-provider hands over to the Portcullis sign-in page.
      assert.equal(new URL(page.url()).origin, issuer);
      await page.getByLabel('Username').fill(opts.username);
      await page.getByLabel('Password').fill(opts.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      if (opts.totp) {
        await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
        assert.ok(!landed(new URL(page.url())), 'no code before the second factor');
        await page.getByLabel('Code', { exact: true }).fill(nextCode());
        await page.getByRole('button', { name: 'Verify' }).click();
      }
      if (opts.consent) {
        await page.getByRole('heading', { name: `Allow ${opts.consent}?` }).waitFor();
        const text = (await page.textContent('body')) ?? '';
        assert.match(text, new RegExp(`${opts.consent} wants to sign you in`));
        assert.match(text, /profile, email, offline_access/);
        assert.ok(!landed(new URL(page.url())), 'no code before consent');
        await page.getByRole('button', { name: 'Allow' }).click();
      }
      await page.waitForURL(landed, { timeout: 10_000 }).catch((e: Error) => {
        throw new Error(
          `the browser never reached the relying party; it is at ${page.url()}.\nBrowser console:\n${browserLog.join('\n')}`,
          { cause: e },
        );
      });
      assert.match(
        (await page.textContent('h1')) ?? '',
        /Back at the relying party/,
        'the browser really loaded the relying party',
      );
      const callback = new URL(page.url());
      assert.ok(callbacks.includes(callback.href), 'the relying party got the callback request');
      return { config, verifier, state, nonce, callback };
    } finally {
      await context.close();
    }
  }

  it('Enforced user: password + TOTP in Chromium, code with PKCE, ID token verified against the JWKS with amr/acr, userinfo, refresh rotation, revocation', async () => {
    const { config, verifier, state, nonce, callback } = await signInWithBrowser(intranet, {
      username: 'mallory@contoso.com',
      password: 'mallory password 1',
      totp: true,
    });
    assert.ok(callback.searchParams.get('code'));
    assert.equal(callback.searchParams.get('state'), state);
    assert.equal(callback.searchParams.get('iss'), issuer, 'RFC 9207 issuer in the response');

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.ok(tokens.access_token && tokens.refresh_token && tokens.id_token);

    // The ID token's signature checks out against the published keys, independently of openid-client.
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token!, jwks, {
      issuer,
      audience: intranet.id,
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.nonce, nonce);
    assert.equal(payload.sub, users.mfa);
    const amr = payload.amr as string[];
    for (const m of ['pwd', 'otp', 'mfa']) assert.ok(amr.includes(m), `amr ${amr} has ${m}`);
    assert.equal(payload.acr, ACR_MFA);

    const info = await client.fetchUserInfo(config, tokens.access_token, users.mfa);
    assert.equal(info.sub, users.mfa);
    assert.equal(info.preferred_username, 'mallory@contoso.com');
    assert.equal(info.name, 'Mallory Manager');
    assert.equal(info.email, 'mallory@contoso.com');

    const live = await client.tokenIntrospection(config, tokens.access_token);
    assert.equal(live.active, true);
    assert.equal(live.sub, users.mfa);
    assert.equal(live.client_id, intranet.id);

    // Refresh rotates the refresh token; the new tokens work and keep the sign-in's assurance.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.refresh_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'rotated');
    assert.notEqual(refreshed.access_token, tokens.access_token);
    const again = refreshed.claims()!;
    assert.equal(again.sub, users.mfa);
    assert.equal(again.acr, ACR_MFA, 'a refreshed ID token keeps the sign-in assurance');
    assert.ok((again.amr as string[]).includes('mfa'));
    assert.equal(
      (await client.fetchUserInfo(config, refreshed.access_token, users.mfa)).sub,
      users.mfa,
    );
    // The spent refresh token is no longer active.
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token!)).active, false);

    // Revoking the access token ends it, and (oidc-provider revokes by grant) the refresh token too.
    await client.tokenRevocation(config, refreshed.access_token);
    assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, false);
    await assert.rejects(
      client.fetchUserInfo(config, refreshed.access_token, users.mfa),
      (e) => oauthError(e) === 'invalid_token',
    );
    assert.equal((await client.tokenIntrospection(config, refreshed.refresh_token!)).active, false);
    await assert.rejects(
      client.refreshTokenGrant(config, refreshed.refresh_token!),
      (e) => oauthError(e) === 'invalid_grant',
    );
  });

  it('a third-party application shows the consent page after password + TOTP; Allow gives a code for an MFA ID token', async () => {
    const { config, verifier, state, nonce, callback } = await signInWithBrowser(partner, {
      username: 'mallory@contoso.com',
      password: 'mallory password 1',
      totp: true,
      consent: 'Partner portal',
    });
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: partner.id });
    assert.equal(payload.sub, users.mfa);
    assert.equal(payload.acr, ACR_MFA);
    assert.ok((payload.amr as string[]).includes('mfa'));
    assert.equal(
      (await client.fetchUserInfo(config, tokens.access_token, users.mfa)).sub,
      users.mfa,
    );

    // A spent refresh token presented again is refused, and ends the tokens that replaced it.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.equal((await client.tokenIntrospection(config, refreshed.refresh_token!)).active, true);
    await assert.rejects(
      client.refreshTokenGrant(config, tokens.refresh_token!),
      (e) => oauthError(e) === 'invalid_grant',
    );
    assert.equal((await client.tokenIntrospection(config, refreshed.refresh_token!)).active, false);
    assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, false);
  });

  it('Disabled user: password only, straight back with a code; the ID token says amr [pwd] and acr 1fa', async () => {
    const { config, verifier, state, nonce, callback } = await signInWithBrowser(intranet, {
      username: 'dave@contoso.com',
      password: 'dave password 1',
      totp: false,
    });
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: intranet.id });
    assert.equal(payload.sub, users.password);
    assert.deepEqual(payload.amr, ['pwd']);
    assert.equal(payload.acr, ACR_1FA);
    const info = await client.fetchUserInfo(config, tokens.access_token, users.password);
    assert.equal(info.preferred_username, 'dave@contoso.com');

    // Revoking the refresh token ends it and the access token it came with.
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token!)).active, true);
    await client.tokenRevocation(config, tokens.refresh_token!);
    assert.equal((await client.tokenIntrospection(config, tokens.refresh_token!)).active, false);
    assert.equal((await client.tokenIntrospection(config, tokens.access_token)).active, false);
  });
});
