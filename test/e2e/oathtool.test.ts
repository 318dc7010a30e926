import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool } from '../helpers/server.ts';
import { secretFromPage } from '../helpers/totp.ts';

describe('codes from oathtool (an authenticator that is not ours)', {
  skip: requireTool(hasOathtool, 'oathtool'),
}, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'olga@contoso.com', displayName: 'Olga', mfaState: 'Enabled' });
  });
  after(() => t.close());

  it('enrols with an oathtool code and signs in with later ones, in every accepted step', async () => {
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    await b.submit('/signin', { username: 'olga@contoso.com', password: 'correct horse battery' });
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', {
      code: oathtoolCode(secret, t.clock.now()),
    });
    const done = await b.pastAppPasswordsStep();
    assert.match(textOf(done.html), /My account/);

    // The authenticator's clock 30 s behind, then 30 s ahead: both accepted (one step of drift).
    for (const drift of [-30_000, 30_000]) {
      t.clock.advance(90_000);
      const c = new FormClient((r) => t.app.request(r));
      await c.page('/');
      await c.submit('/signin', {
        username: 'olga@contoso.com',
        password: 'correct horse battery',
      });
      const r = await c.submit('/signin/verify', {
        code: oathtoolCode(secret, t.clock.now() + drift),
      });
      assert.match(textOf(r.html), /My account/, `drift ${drift}`);
    }
    // Two steps off is refused.
    t.clock.advance(90_000);
    const c = new FormClient((r) => t.app.request(r));
    await c.page('/');
    await c.submit('/signin', { username: 'olga@contoso.com', password: 'correct horse battery' });
    const r = await c.submit('/signin/verify', {
      code: oathtoolCode(secret, t.clock.now() + 60_000),
    });
    assert.equal(r.res.status, 401);
  });
});
