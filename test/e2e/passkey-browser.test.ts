// Passkeys in headless Chromium with the DevTools-protocol virtual authenticator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createOidcApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { issueTemporaryAccessPass } from '../../src/services/temporary-access-pass.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { freePort } from '../helpers/ports.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'Passkey password 1';
/** Where the relying party would get the browser back: nothing listens; the request is enough. */
const RP_CALLBACK = 'http://127.0.0.1:9/cb';
const VIC_PHONE = '+420601000777';
const SID_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('passkeys in headless Chromium', { skip: skipChromium }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  /** WebAuthn wants a domain as RP ID (not an IP address): the page and the public URL are on localhost. */
  let origin: string;
  /** An OpenID Connect client that requires a phishing-resistant sign-in. */
  let payroll: { id: string; clientSecret: string };
  const apps: Record<string, { id: string; clientSecret: string }> = {};

  async function signIn(page: Page, upn: string) {
    await page.goto(origin);
    await page.getByLabel('Username').fill(upn);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function withAuthenticator(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    return { cdp, authenticatorId };
  }

  const credentials = async (cdp: CDPSession, authenticatorId: string) =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

  before(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    db = await freshDatabase({ PORT: String(port), PORTCULLIS_PUBLIC_URL: origin });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'pia@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    await createUser(ctx, { upn: 'quin@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    await createUser(ctx, { upn: 'rae@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    await createUser(ctx, { upn: 'tia@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    // Sid has an authenticator app (his default) from before; he adds a passkey.
    await createUser(ctx, { upn: 'sid@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    const sid = (await ctx.stores.users.findByUpn('sid@contoso.com'))!;
    await addRegistration(ctx, sid.id, 'PhoneAppOTP', {
      ok: true,
      secret: SID_SECRET,
      details: {},
    });
    await createUser(ctx, { upn: 'uma@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    const uma = (await ctx.stores.users.findByUpn('uma@contoso.com'))!;
    await addRegistration(ctx, uma.id, 'PhoneAppOTP', {
      ok: true,
      secret: SID_SECRET,
      details: {},
    });
    const created = await createOidcApp(ctx, {
      name: 'Payroll',
      redirectUris: [RP_CALLBACK],
      firstParty: true,
      strength: 'phishing-resistant',
    });
    payroll = { id: created.application.id, clientSecret: created.clientSecret };
    for (const [name, strength] of [
      ['Wiki', 'mfa'],
      ['Expenses', 'passwordless'],
    ] as const) {
      const app = await createOidcApp(ctx, {
        name,
        redirectUris: [RP_CALLBACK],
        firstParty: true,
        strength,
      });
      apps[strength] = { id: app.application.id, clientSecret: app.clientSecret };
    }
    // Wes needs no MFA himself, and has an authenticator app.
    await createUser(ctx, { upn: 'wes@contoso.com', password: PASSWORD, mfaState: 'Disabled' });
    await addRegistration(
      ctx,
      (await ctx.stores.users.findByUpn('wes@contoso.com'))!.id,
      'PhoneAppOTP',
      {
        ok: true,
        secret: SID_SECRET,
        details: {},
      },
    );
    // Vic signs in by text; the registration campaign asks him for something stronger.
    await createUser(ctx, { upn: 'vic@contoso.com', password: PASSWORD, mfaState: 'Enforced' });
    const vic = (await ctx.stores.users.findByUpn('vic@contoso.com'))!;
    await addRegistration(ctx, vic.id, 'OneWaySMS', {
      ok: true,
      secret: VIC_PHONE,
      details: { masked: '+••••••••••77' },
    });
    await changeMethodPolicy(ctx, 'registrationCampaign', { enabled: true, snoozeDays: 1 });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('registers a passkey in proof-up, signs in with it, and adds another in security info', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { cdp, authenticatorId } = await withAuthenticator(context, page);

    await signIn(page, 'pia@contoso.com');
    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    await page.getByLabel(/^Passkey/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Name of the passkey').fill('Pia laptop');
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('link', { name: 'Done' }).waitFor();
    const [credential] = await credentials(cdp, authenticatorId);
    assert.ok(credential, 'the authenticator holds the new credential');
    assert.equal(credential.rpId, 'localhost');
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The next time: password, then the passkey.
    await signIn(page, 'pia@contoso.com');
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    const [posted] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && !!r.postData()?.includes('response=')),
      page.getByRole('button', { name: 'Use passkey' }).click(),
    ]);
    await page.getByRole('heading', { name: /Signed in|My account/ }).waitFor();
    const [used] = await credentials(cdp, authenticatorId);
    assert.ok(used!.signCount > credential.signCount, 'the counter moved on');
    const assertion = new URLSearchParams(posted.postData()!).get('response')!;

    // A captured assertion sent again in a new sign-in attempt is refused.
    await page.goto(origin);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'pia@contoso.com');
    await page.getByRole('button', { name: 'Use passkey' }).waitFor();
    await page.evaluate((value) => {
      const form = document.querySelector<HTMLFormElement>('form[data-passkey]')!;
      (form.elements.namedItem('response') as HTMLInputElement).value = value;
      form.submit();
    }, assertion);
    await page.getByRole('button', { name: 'Use passkey' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: /Signed in|My account/ }).count(), 0);
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Use passkey' }).click();
    await page.getByRole('heading', { name: /Signed in|My account/ }).waitFor();

    // Security info → Add method: verify with the passkey, then create one on a second authenticator.
    await page.goto(origin);
    await page.getByRole('link', { name: 'Security info' }).click();
    await page.getByLabel('Method to add').selectOption({ label: 'Passkey' });
    await page.getByRole('button', { name: 'Add method' }).click();
    const verify = page.getByRole('button', { name: 'Use passkey' });
    const add = page.getByRole('heading', { name: 'Add Passkey' });
    await Promise.race([verify.waitFor(), add.waitFor()]);
    if (await verify.isVisible()) await verify.click();
    await add.waitFor();
    // The first authenticator is excluded (it holds a passkey already): use another one.
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    const second = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await page.getByLabel('Name of the passkey').fill('Security key');
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByText('The method was added.').waitFor();
    assert.equal((await credentials(cdp, second.authenticatorId)).length, 1);
    assert.match((await page.textContent('table')) ?? '', /Security key/, 'named in the list');
    await context.close();
  });

  it('signs in with a passkey alone, without a user name or password, once the organisation allows it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { cdp, authenticatorId } = await withAuthenticator(context, page);
    await page.goto(origin);
    assert.equal(
      await page.getByRole('button', { name: 'Sign in with a passkey' }).count(),
      0,
      'not offered while the setting is off',
    );
    // Register a passkey through proof-up, then sign out.
    await signIn(page, 'quin@contoso.com');
    await page.getByLabel(/^Passkey/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const [credential] = await credentials(cdp, authenticatorId);
    assert.ok(credential?.isResidentCredential, 'a discoverable credential, which names its user');

    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      await updateServiceSettings(ctx, { passwordlessSignin: true });
    } finally {
      await ctx.db.destroy();
    }
    // The server reads settings again within a second.
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    for (let i = 0; i < 20 && (await button.count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await page.goto(origin);
    }
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await button.click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    assert.match((await page.textContent('main')) ?? '', /quin@contoso\.com/);
    const [used] = await credentials(cdp, authenticatorId);
    assert.ok(used!.signCount > credential!.signCount, 'the counter moved on');

    // The session is multi-factor: security info opens without asking for the passkey again.
    await page.getByRole('link', { name: 'Security info' }).click();
    await page.locator('table').first().waitFor();
    assert.match((await page.locator('table').first().textContent()) ?? '', /Passkey \(default\)/);
    assert.equal(await page.getByRole('button', { name: 'Use passkey' }).count(), 0);
    await context.close();
  });

  it('registers and accepts only the authenticator models the methods policy allows', async () => {
    /** Chromium's virtual authenticator states this model (device/fido/virtual_ctap2_device.cc). */
    const VIRTUAL = '01020304-0506-0708-0102-030405060708';
    const YUBIKEY_5 = 'ee882879-721c-4913-9775-3dfcce97072a';
    const ctx = createContext(db.config, { log: createLogger('silent') });
    const allow = (allowedAaguids: string[]) =>
      changeMethodPolicy(ctx, 'passkey', { allowedAaguids });
    try {
      await allow([YUBIKEY_5]);
      const context = await browser.newContext();
      const page = await context.newPage();
      const { cdp, authenticatorId } = await withAuthenticator(context, page);
      await signIn(page, 'rae@contoso.com');
      await page.getByLabel(/^Passkey/).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
      await page.getByRole('button', { name: 'Create passkey' }).click();
      await page.getByText("doesn't allow this make or model of passkey").waitFor();
      const stored = () =>
        ctx.db
          .selectFrom('passkeys')
          .innerJoin('users', 'users.id', 'passkeys.user_id')
          .select('passkeys.aaguid')
          .where('users.upn', '=', 'rae@contoso.com')
          .execute();
      assert.deepEqual(await stored(), [], 'nothing registered');

      // Allowed: the same authenticator registers, and its model is kept.
      await allow([YUBIKEY_5, VIRTUAL.toUpperCase()]);
      await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
      await page.waitForLoadState('load');
      await page.getByRole('button', { name: 'Create passkey' }).click();
      await page.getByRole('link', { name: 'Done' }).click();
      assert.deepEqual(await stored(), [{ aaguid: VIRTUAL }]);
      await page.getByRole('button', { name: 'Sign out' }).click();

      // No longer allowed: the passkey registered is refused at sign-in, saying why.
      await allow([YUBIKEY_5]);
      await signIn(page, 'rae@contoso.com');
      await page.waitForLoadState('load');
      await page.getByRole('button', { name: 'Use passkey' }).click();
      await page.getByText("doesn't allow this make or model of passkey").waitFor();
      assert.equal(await page.getByRole('heading', { name: /Signed in|My account/ }).count(), 0);
      // The right key of a model no longer allowed: not counted as a wrong guess.
      const rae = (await ctx.stores.users.findByUpn('rae@contoso.com'))!;
      const [codes] = await ctx.stores.limits.find([`code:${rae.id}`]);
      assert.equal(codes?.failures ?? 0, 0);
      await context.close();
    } finally {
      await allow([]);
      await ctx.db.destroy();
    }
  });

  it('onboards with a Temporary Access Pass alone: the pass, a passkey registered, then signed in with it', async () => {
    const ctx = createContext(db.config, { log: createLogger('silent') });
    let pass: string;
    try {
      await changeMethodPolicy(ctx, 'temporaryAccessPass', { enabled: true });
      pass = (await issueTemporaryAccessPass(ctx, cliActor(), 'tia@contoso.com', { oneTime: true }))
        .temporaryAccessPass;
    } finally {
      await ctx.db.destroy();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const { cdp, authenticatorId } = await withAuthenticator(context, page);
    const link = page.getByRole('link', { name: 'Sign in with a Temporary Access Pass' });
    // The server reads the policy again within a second.
    for (let i = 0; i < 20 && (await link.count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await page.goto(origin);
    }
    await link.click();
    await page.getByLabel('Username').fill('tia@contoso.com');
    await page.getByLabel('Temporary Access Pass').fill(pass);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // No other method: straight to registering one, with nothing more asked.
    await page.getByRole('heading', { name: 'More information required' }).waitFor();
    await page.getByLabel(/^Passkey/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    assert.equal((await credentials(cdp, authenticatorId)).length, 1);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The pass was for one sign-in; the passkey now does the second step.
    await page.goto(`${origin}/signin/pass`);
    await page.getByLabel('Username').fill('tia@contoso.com');
    await page.getByLabel('Temporary Access Pass').fill(pass);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Your account or password is incorrect.').waitFor();
    await signIn(page, 'tia@contoso.com');
    await page.waitForLoadState('load');
    await page.getByRole('button', { name: 'Use passkey' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await context.close();
  });

  it('asks first for the passkey a user added, not the authenticator app that is his default (system-preferred MFA); the app is still offered', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await withAuthenticator(context, page);
    const code = () => codeAt(SID_SECRET, Date.now());
    await signIn(page, 'sid@contoso.com');
    await page.getByLabel('Code').fill(code());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('link', { name: 'Security info' }).click();
    await page.getByLabel('Method to add').selectOption({ label: 'Passkey' });
    await page.getByRole('button', { name: 'Add method' }).click();
    await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByText('The method was added.').waitFor();
    assert.match((await page.textContent('table')) ?? '', /Authenticator app \(default\)/);
    await page.goto(origin);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, 'sid@contoso.com');
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await page.waitForLoadState('load');
    assert.equal(await page.getByLabel('Code').count(), 0, 'not the code first');
    // The default is one click away.
    await page.getByText('Use a different verification option').click();
    assert.ok(await page.getByRole('link', { name: /Authenticator app/ }).isVisible());
    await page.getByRole('button', { name: 'Use passkey' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await context.close();
  });

  /** A relying party's request for `app`, played in the page until it comes back with a code; the ID token's claims. */
  async function authorizeIn(
    page: Page,
    app: { id: string; clientSecret: string },
    play: () => Promise<void>,
  ) {
    const config = await client.discovery(
      new URL(origin),
      app.id,
      undefined,
      client.ClientSecretBasic(app.clientSecret),
      { execute: [client.allowInsecureRequests] },
    );
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: RP_CALLBACK,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const [back] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith(RP_CALLBACK), { timeout: 30_000 }),
      (async () => {
        await page.goto(url.href);
        await play();
      })(),
    ]);
    const tokens = await client.authorizationCodeGrant(config, new URL(back.url()), {
      pkceCodeVerifier: verifier,
    });
    return tokens.claims()!;
  }

  it('an application that requires a phishing-resistant sign-in gets a passkey, never the app code; its ID token says so', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await withAuthenticator(context, page);
    const authorize = (play: () => Promise<void>) => authorizeIn(page, payroll, play);

    // Uma has an authenticator app; this application needs more: she registers a passkey.
    const first = await authorize(async () => {
      await page.getByLabel('Username').fill('uma@contoso.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'More information required' }).waitFor();
      assert.equal(await page.getByLabel(/Authenticator app/).count(), 0, 'only a passkey');
      await page.getByLabel(/^Passkey/).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForLoadState('load'); // passkey.js (deferred) must be listening
      await page.getByRole('button', { name: 'Create passkey' }).click();
      await page.getByRole('link', { name: 'Done' }).click();
    });
    assert.equal(first.acr, 'urn:portcullis:acr:phishing-resistant');
    assert.ok((first.amr as string[]).includes('hwk'));

    // Signed out, the next sign-in asks for the passkey and not her app's code.
    await page.goto(origin);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const second = await authorize(async () => {
      await page.getByLabel('Username').fill('uma@contoso.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
      await page.waitForLoadState('load');
      assert.equal(await page.getByLabel('Code').count(), 0, 'no code asked');
      await page.getByRole('button', { name: 'Use passkey' }).click();
    });
    assert.equal(second.acr, 'urn:portcullis:acr:phishing-resistant');
    await context.close();
  });

  it('each strength in the browser: mfa asks a user who needs no MFA for his app code; passwordless then asks only for a passkey', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await withAuthenticator(context, page);
    const wiki = await authorizeIn(page, apps.mfa!, async () => {
      await page.getByLabel('Username').fill('wes@contoso.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
      await page.getByLabel('Code').fill(codeAt(SID_SECRET, Date.now()));
      await page.getByRole('button', { name: 'Verify' }).click();
    });
    assert.equal(wiki.acr, 'urn:portcullis:acr:mfa');
    assert.deepEqual([...(wiki.amr as string[])].sort(), ['mfa', 'otp', 'pwd']);

    // The same session is not enough for Expenses: only a passkey is asked for (and registered).
    // (A new tab: the first still loads the error page of the callback nobody answers.)
    const tab = await context.newPage();
    tab.setDefaultTimeout(20_000);
    await withAuthenticator(context, tab);
    const expenses = await authorizeIn(tab, apps.passwordless!, async () => {
      await tab.getByRole('heading', { name: 'More information required' }).waitFor();
      assert.equal(await tab.getByLabel(/Authenticator app/).count(), 0, 'only a passkey');
      await tab.getByLabel(/^Passkey/).check();
      await tab.getByRole('button', { name: 'Next' }).click();
      await tab.waitForLoadState('load');
      await tab.getByRole('button', { name: 'Create passkey' }).click();
      await tab.getByRole('link', { name: 'Done' }).click();
    });
    assert.equal(expenses.acr, 'urn:portcullis:acr:passwordless');
    assert.ok((expenses.amr as string[]).includes('hwk'));
    await context.close();
  });

  it('asks a user who signed in by text to set up something stronger; Not now lets him in and puts it off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    /** The code in the last text to Vic (the outbox, read as the phone would). */
    const textedCode = async () => {
      const ctx = createContext(db.config, { log: createLogger('silent') });
      try {
        const sms = await ctx.db
          .selectFrom('outbox')
          .select('body')
          .where('to_number', '=', VIC_PHONE)
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow();
        return /\b(\d{6})\b/.exec(sms.body)![1]!;
      } finally {
        await ctx.db.destroy();
      }
    };
    await signIn(page, 'vic@contoso.com');
    await page.getByLabel('Code').fill(await textedCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Make your sign-ins safer' }).waitFor();
    assert.ok(await page.getByLabel(/^Passkey/).isVisible());
    assert.equal(await page.getByLabel(/^Text message/).count(), 0, 'only stronger methods');
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Put off for a day: the next sign-in by text goes straight in.
    await signIn(page, 'vic@contoso.com');
    await page.getByLabel('Code').fill(await textedCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await context.close();
  });

  it('serves the scripts under the CSP, and the options as a JSON data block', async () => {
    const res = await fetch(`${origin}/static/simplewebauthn.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.match(await res.text(), /SimpleWebAuthnBrowser/);
    const own = await fetch(`${origin}/static/passkey.js`);
    assert.equal(own.status, 200);
    assert.match(await own.text(), /passkey-options/);
  });
});
