// The admin portal can require a phishing-resistant sign-in of administrators
// (issue 21, item 2): a weaker session steps up to a passkey — registering
// one if need be — and comes back; it cannot be turned on from a session
// that would lock itself out; API tokens are not sessions and are not asked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { relyingParty } from '../../src/methods/passkey/index.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { getServiceSettings, updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { SoftAuthenticator } from '../methods/passkey-authenticator.ts';

const PASSWORD = 'correct horse battery';
const challengeOf = (html: string) =>
  (
    JSON.parse(
      /<script type="application\/json" id="passkey-options">([^<]*)<\/script>/.exec(html)![1]!,
    ) as { challenge: string }
  ).challenge;

describe('admin portal: phishing-resistant sign-in for administrators', () => {
  let t: TestApp;
  const signIn = async (upn: string) => {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    return b;
  };

  before(async () => {
    t = await createTestApp();
    for (const upn of ['ada@contoso.com', 'bea@contoso.com', 'cal@contoso.com'])
      await t.addUser({ upn, isAdmin: true });
  });
  after(() => t.close());

  it('cannot be turned on from a session without a passkey', async () => {
    const ada = await signIn('ada@contoso.com');
    await ada.page('/admin/settings');
    const r = await ada.submit('/admin/settings', {
      ...Object.fromEntries(
        [...ada.lastHtml.matchAll(/<input type="number" name="(\w+)" value="(\d+)"/g)].map((m) => [
          m[1]!,
          m[2]!,
        ]),
      ),
      adminPhishingResistant: 'on',
    });
    assert.equal(r.res.status, 400);
    assert.match(textOf(r.html), /Sign in with a passkey first/);
    assert.equal((await getServiceSettings(t.ctx)).adminPhishingResistant, false);
  });

  it('steps a password session up to a passkey (registered on the way), then lets it in', async () => {
    await updateServiceSettings(t.ctx, { adminPhishingResistant: true });
    const bea = await signIn('bea@contoso.com');
    // A form sent from the weaker session is not acted on.
    const post = await bea.post('/admin/settings', { adminPhishingResistant: '' }, { csrf: false });
    assert.equal(post.status, 403);
    assert.equal((await getServiceSettings(t.ctx)).adminPhishingResistant, true);

    let page = await bea.page('/admin/users');
    assert.match(page.html, /name="method" value="Passkey"/, 'registration offers a passkey');
    assert.doesNotMatch(page.html, /value="PhoneAppOTP"/, 'and nothing weaker');
    page = await bea.submit('/signin/proofup', { method: 'Passkey' });
    const { rpID, origin } = relyingParty(t.ctx.methodContext);
    const key = new SoftAuthenticator(rpID, origin);
    const action = /<form method="post" action="([^"]+)"[^>]*data-passkey="register"/.exec(
      page.html,
    )![1]!;
    page = await bea.submit(action, {
      name: 'Laptop',
      response: JSON.stringify(key.register(challengeOf(page.html))),
    });
    page = await bea.pastAppPasswordsStep();
    assert.equal(page.res.status, 200);
    assert.match(textOf(page.html), /bea@contoso\.com/);
    assert.match(page.html, /<h1[^>]*>Users</);
  });

  it('an administrator who can use no passkey is told why, and API tokens still work', async () => {
    await changeMethodPolicy(t.ctx, 'passkey', { enabled: false });
    try {
      const cal = await signIn('cal@contoso.com');
      const { res, html } = await cal.page('/admin');
      assert.equal(res.status, 403);
      assert.match(textOf(html), /cannot use or register one/);
      assert.match(textOf(html), /portcullis settings set adminPhishingResistant off/);
      const { token } = await createApiToken(
        t.ctx,
        { name: 'test', ip: null },
        { name: 'script', scope: 'read' },
      );
      const api = await t.app.request('/api/v1/users', {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(api.status, 200);
    } finally {
      await changeMethodPolicy(t.ctx, 'passkey', { enabled: true });
    }
  });
});
