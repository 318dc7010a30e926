import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  appPasswordsOffCase,
  type LegacyMatrix,
  MATRIX_PASSWORD,
  type MatrixCase,
  seedLegacyMatrix,
} from '../helpers/legacy-matrix.ts';

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

// The same table through both HTTP fronts; LDAP and RADIUS run it with their
// real clients in test/e2e.
const fronts = {
  verify: (t: TestApp, m: LegacyMatrix, c: MatrixCase) =>
    t.app.request(`/legacy/v1/verify?app=${m.apps[c.app]}`, {
      method: 'POST',
      headers: { authorization: basic(c.upn, c.secret) },
    }),
  'forward-auth': (t: TestApp, m: LegacyMatrix, c: MatrixCase) =>
    t.app.request(`/legacy/v1/forward-auth?app=${m.apps[c.app]}`, {
      headers: {
        authorization: basic(c.upn, c.secret),
        'x-original-url': 'https://wiki.contoso.com/page',
      },
    }),
};

for (const [front, ask] of Object.entries(fronts)) {
  describe(`MFA state × credential on the ${front} front`, () => {
    let t: TestApp;
    let m: LegacyMatrix;
    before(async () => {
      t = await createTestApp();
      m = await seedLegacyMatrix(t.ctx, front);
    });
    after(() => t.close());

    it('accepts and refuses exactly as the table says', async () => {
      for (const c of m.cases) {
        t.clock.advance(1);
        const res = await ask(t, m, c);
        assert.equal(res.status, c.accept ? 200 : 401, c.title);
        if (c.accept && front === 'verify') {
          const body = (await res.json()) as { userPrincipalName: string; credential: string };
          assert.equal(body.userPrincipalName, c.upn, c.title);
          const credential = c.secret === MATRIX_PASSWORD ? 'password' : 'app password';
          assert.equal(body.credential, credential, c.title);
        }
        if (c.accept && front === 'forward-auth')
          assert.equal(res.headers.get('x-portcullis-user'), c.upn, c.title);
        if (!c.accept) assert.match(res.headers.get('www-authenticate') ?? '', /^Basic/, c.title);
      }
      await m.assertLogged(t.ctx, front);
    });

    it('refuses every app password while the organisation has them turned off', async () => {
      const off = appPasswordsOffCase(m);
      await updateServiceSettings(t.ctx, { appPasswordsAllowed: false });
      try {
        assert.equal((await ask(t, m, off)).status, 401);
      } finally {
        await updateServiceSettings(t.ctx, { appPasswordsAllowed: true });
      }
      assert.equal((await ask(t, m, off)).status, 200, 'accepted again once turned back on');
    });
  });
}
