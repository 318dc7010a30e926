import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, type Person } from '../helpers/oidc-person.ts';
import { addOidcApp, databaseWithIssuer } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'trusted password 1';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SKIPPED = 'MFA skipped: trusted network';
const COMPLETED = 'multi-factor authentication completed';

// Trusted IPs against a real `portcullis serve` on loopback: the test's own
// connection comes from 127.0.0.1, and plays either a browser or, when
// PORTCULLIS_TRUSTED_PROXIES names 127.0.0.1, a reverse proxy that forwards
// X-Forwarded-For.
describe('trusted IPs and trusted proxies (a real server)', () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess | undefined;
  let issuer: string;

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' }));
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    // Enforced users with an authenticator app registered; each finishes a
    // sign-in with a code at most once, so one time step serves them all.
    for (const name of ['ann', 'bob', 'cat', 'cid', 'cyd', 'dan']) {
      const user = await createUser(ctx, {
        upn: `${name}@contoso.com`,
        displayName: `User ${name}`,
        password: PASSWORD,
        mfaState: 'Enforced',
      });
      await addRegistration(ctx, user.id, 'PhoneAppOTP', {
        ok: true,
        secret: TOTP_SECRET,
        details: {},
      });
    }
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  /** A browser at the server; `xff` is sent as X-Forwarded-For with every request. */
  const browser = (xff?: string) =>
    new FormClient((r) => {
      if (xff !== undefined) r.headers.set('x-forwarded-for', xff);
      return fetch(r);
    }, server!.url);

  async function signIn(name: string, xff?: string) {
    const b = browser(xff);
    await b.page('/');
    const page = await b.submit('/signin', { username: `${name}@contoso.com`, password: PASSWORD });
    return { b, text: textOf(page.html) };
  }

  /** Answers the code page and lands on the account page. */
  async function enterCode(b: FormClient) {
    const page = await b.submit('/signin/verify', { code: codeAt(TOTP_SECRET, Date.now()) });
    assert.match(textOf(page.html), /My account/);
  }

  const lastSignin = async (name: string) => {
    const [row] = await ctx.stores.signinLog.list({ upn: `${name}@contoso.com`, limit: 1 });
    assert.ok(row, `a sign-in of ${name} was logged`);
    return { result: row.result, reason: row.reason, ip: row.client_ip };
  };

  const signedInWithPasswordAlone = (text: string) => {
    assert.match(text, /My account/);
    assert.doesNotMatch(text, /Verify your identity/);
  };
  const askedForCode = (text: string) => {
    assert.match(text, /Verify your identity/);
    assert.doesNotMatch(text, /My account/);
  };

  describe('no trusted proxies, trustedIps 127.0.0.0/8', () => {
    let intranet: { id: string; clientSecret: string };
    let payroll: { id: string; clientSecret: string };
    before(async () => {
      await updateServiceSettings(ctx, { trustedIps: ['127.0.0.0/8'] });
      const redirect = ['--redirect-uri', 'http://127.0.0.1:9/cb', '--first-party'];
      intranet = await addOidcApp(['--name', 'Intranet', ...redirect], db.env);
      payroll = await addOidcApp(['--name', 'Payroll', ...redirect, '--require-mfa'], db.env);
      server = await startServerProcess(db.env);
    });
    after(async () => {
      await server?.stop();
      server = undefined;
    });

    it('(a) a browser on the trusted network signs in with the password alone', async () => {
      const { text } = await signIn('ann');
      signedInWithPasswordAlone(text);
      assert.match(text, /User ann/);
      assert.deepEqual(await lastSignin('ann'), {
        result: 'success',
        reason: SKIPPED,
        ip: '127.0.0.1',
      });
    });

    it('(a) its X-Forwarded-For is ignored: the connection is the client', async () => {
      const { text } = await signIn('ann', '203.0.113.9');
      signedInWithPasswordAlone(text);
      assert.deepEqual(await lastSignin('ann'), {
        result: 'success',
        reason: SKIPPED,
        ip: '127.0.0.1',
      });
    });

    it('(d) an application that requires MFA is not waived by the trusted network', async () => {
      const person: Person = { upn: 'dan@contoso.com', password: PASSWORD, secret: TOTP_SECRET };
      const b = new FormClient((r) => fetch(r), issuer);
      const plain = await authorize(
        b,
        await discover(issuer, intranet.id, intranet.clientSecret),
        person,
      );
      assert.deepEqual(plain.seen, ['password'], 'the intranet: the password alone');
      assert.equal((await plain.tokens()).claims()?.acr, 'urn:portcullis:acr:1fa');
      const strict = await authorize(
        new FormClient((r) => fetch(r), issuer),
        await discover(issuer, payroll.id, payroll.clientSecret),
        person,
      );
      assert.deepEqual(strict.seen, ['password', 'verify'], 'payroll asks for the code');
      assert.equal((await strict.tokens()).claims()?.acr, 'urn:portcullis:acr:mfa');
    });

    it('(b) trustedIps 10.1.0.0/16: a spoofed X-Forwarded-For 10.1.2.3 is asked for the code', async () => {
      await updateServiceSettings(ctx, { trustedIps: ['10.1.0.0/16'] });
      // The server reads settings through a one-second cache.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const { b, text } = await signIn('bob', '10.1.2.3');
      askedForCode(text);
      await enterCode(b);
      assert.deepEqual(await lastSignin('bob'), {
        result: 'success',
        reason: COMPLETED,
        ip: '127.0.0.1',
      });
    });
  });

  describe('PORTCULLIS_TRUSTED_PROXIES=127.0.0.1/32, trustedIps 10.1.0.0/16', () => {
    before(async () => {
      await updateServiceSettings(ctx, { trustedIps: ['10.1.0.0/16'] });
      server = await startServerProcess({ ...db.env, PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1/32' });
    });
    after(async () => {
      await server?.stop();
      server = undefined;
    });

    it('(c) the proxy forwards a client on the trusted network: the password alone', async () => {
      signedInWithPasswordAlone((await signIn('cat', '10.1.2.3')).text);
      assert.deepEqual(await lastSignin('cat'), {
        result: 'success',
        reason: SKIPPED,
        ip: '10.1.2.3',
      });
      // A port, or the IPv4-mapped form, is the same client.
      signedInWithPasswordAlone((await signIn('cat', '[::ffff:10.1.2.3]:51000')).text);
      assert.deepEqual(await lastSignin('cat'), {
        result: 'success',
        reason: SKIPPED,
        ip: '10.1.2.3',
      });
    });

    it('(c) a spoofed left-most entry: the right-most untrusted address decides, and is asked', async () => {
      const { b, text } = await signIn('cid', '10.1.2.3, 203.0.113.9');
      askedForCode(text);
      await enterCode(b);
      assert.deepEqual(await lastSignin('cid'), {
        result: 'success',
        reason: COMPLETED,
        ip: '203.0.113.9',
      });
    });

    it('(c) a malformed X-Forwarded-For never skips a step: the proxy is the client', async () => {
      const { b, text } = await signIn('cyd', '10.1.2.3, garbage');
      askedForCode(text);
      await enterCode(b);
      assert.deepEqual(await lastSignin('cyd'), {
        result: 'success',
        reason: COMPLETED,
        ip: '127.0.0.1',
      });
      for (const bad of [
        '10.1.2.3,',
        '10.1.2.3, unknown',
        '10.1.2.3:99999',
        `10.1.2.3${' x'.repeat(40)}`,
      ])
        askedForCode((await signIn('cyd', bad)).text);
      // No header at all: the proxy itself, which is not on the trusted network.
      askedForCode((await signIn('cyd')).text);
    });
  });
});
