// Authentication strengths at the OpenID Connect front (issue 21, item 2): an
// application that requires a passwordless or phishing-resistant sign-in gets
// one — a session that falls short is asked only for what is missing (a
// passkey), the ID token's acr names the strength, and a relying party can ask
// for one with acr_values. A real server, a real relying party (openid-client)
// and a software passkey.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createOidcApp } from '../../src/services/applications.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { createUser } from '../../src/services/users.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, newBrowser, type Person, REDIRECT } from '../helpers/oidc-person.ts';
import { databaseWithIssuer, type OidcApp } from '../helpers/oidc-rp.ts';

const MFA = 'urn:portcullis:acr:mfa';
const PWLESS = 'urn:portcullis:acr:passwordless';
const PHISH = 'urn:portcullis:acr:phishing-resistant';

describe('OpenID Connect: authentication strengths', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let wiki: OidcApp;
  let payroll: OidcApp;
  let n = 0;

  async function person(mfaState: 'Disabled' | 'Enforced' = 'Disabled'): Promise<Person> {
    const p = { upn: `strength${++n}@contoso.com`, password: `password of user ${n}` };
    await createUser(server.ctx, { ...p, mfaState });
    return p;
  }
  const config = (app: OidcApp) => discover(issuer, app.id, app.clientSecret);

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    const add = async (name: string, strength: string) => {
      const { application, clientSecret } = await createOidcApp(server.ctx, {
        name,
        redirectUris: [REDIRECT],
        firstParty: true,
        strength,
      });
      return { id: application.id, clientSecret };
    };
    wiki = await add('Wiki', 'none');
    payroll = await add('Payroll', 'phishing-resistant');
  });
  after(async () => {
    await server?.close();
    await db?.drop();
  });

  it('discovery lists the strengths as acr values', async () => {
    const meta = (await config(wiki)).serverMetadata();
    for (const acr of [MFA, PWLESS, PHISH]) assert.ok(meta.acr_values_supported?.includes(acr));
  });

  it('a session with an app code steps up with a passkey only: no password, no code again; acr names the strength', async () => {
    const ann = await person('Enforced');
    const b = newBrowser(issuer);
    const first = await authorize(b, await config(wiki), ann);
    // (A first registration ends on the page that offers app passwords.)
    assert.deepEqual(first.seen, ['password', 'proofup', 'enrol', 'app-passwords']);
    const firstClaims = (await first.tokens()).claims()!;
    assert.equal(firstClaims.acr, MFA);

    const stepped = await authorize(b, await config(payroll), ann);
    // No passkey yet: registering one is offered (and only that); nothing else is asked.
    assert.deepEqual(stepped.seen, ['proofup', 'enrol-passkey', 'app-passwords']);
    const claims = (await stepped.tokens()).claims()!;
    assert.equal(claims.sub, firstClaims.sub);
    assert.equal(claims.acr, PHISH);
    assert.ok((claims.amr as string[]).includes('hwk'), `${claims.amr}`);

    // Met now: nothing asked, for this application or for one that asks for it.
    const again = await authorize(b, await config(payroll), ann);
    assert.deepEqual(again.seen, []);
    assert.equal((await again.tokens()).claims()!.acr, PHISH);
    const asked = await authorize(b, await config(wiki), ann, { acr_values: PWLESS });
    assert.deepEqual(asked.seen, []);
    assert.equal((await asked.tokens()).claims()!.acr, PWLESS);
    // Without a request or a strength, the claim stays what it was before strengths.
    assert.equal((await (await authorize(b, await config(wiki), ann)).tokens()).claims()!.acr, MFA);
  });

  it('a new sign-in to the application asks for the passkey, not the app code', async () => {
    const bo = await person('Enforced');
    const setup = newBrowser(issuer);
    await authorize(setup, await config(wiki), bo);
    await authorize(setup, await config(payroll), bo);
    assert.ok(bo.passkey, 'registered a passkey');
    const fresh = await authorize(newBrowser(issuer), await config(payroll), bo);
    assert.deepEqual(fresh.seen, ['password', 'passkey']);
    assert.equal((await fresh.tokens()).claims()!.acr, PHISH);
  });

  it('a fresh sign-in for the application asks for the strength from the start: no app code first', async () => {
    const di = await person('Enforced');
    await authorize(newBrowser(issuer), await config(wiki), di); // registers an authenticator app
    assert.ok(di.secret);
    const fresh = await authorize(newBrowser(issuer), await config(payroll), di);
    assert.deepEqual(fresh.seen, ['password', 'proofup', 'enrol-passkey', 'app-passwords']);
    assert.equal((await fresh.tokens()).claims()!.acr, PHISH);
  });

  it('a relying party asks for a strength with acr_values', async () => {
    const cy = await person();
    const b = newBrowser(issuer);
    const r = await authorize(b, await config(wiki), cy, { acr_values: PHISH });
    assert.deepEqual(r.seen, ['password', 'proofup', 'enrol-passkey', 'app-passwords']);
    assert.equal((await r.tokens()).claims()!.acr, PHISH);
  });

  it('no passkey allowed for the user: the relying party gets unmet_authentication_requirements', async () => {
    await changeMethodPolicy(server.ctx, 'passkey', { enabled: false });
    try {
      const r = await authorize(newBrowser(issuer), await config(payroll), await person());
      assert.equal(r.callback.searchParams.get('code'), null);
      assert.equal(r.callback.searchParams.get('error'), 'unmet_authentication_requirements');
      assert.match(r.callback.searchParams.get('error_description') ?? '', /passkey/);
    } finally {
      await changeMethodPolicy(server.ctx, 'passkey', { enabled: true });
    }
  });
});
