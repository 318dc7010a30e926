import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { reportSuspiciousActivity } from '../../src/services/risk.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { updateUser } from '../../src/services/user-admin.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('admin guard rails under races and escalation', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('two admins demoting each other at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const a = `a${round}@contoso.com`;
      const b = `b${round}@contoso.com`;
      await t.addUser({ upn: a, isAdmin: true });
      await t.addUser({ upn: b, isAdmin: true });
      // Every other administrator is blocked for this round, so a and b are the last two.
      await t.ctx.db
        .updateTable('users')
        .set({ blocked: 1 })
        .where('is_admin', '=', 1)
        .where('upn_normalized', 'not in', [a, b])
        .execute();
      const results = await Promise.allSettled([
        updateUser(t.ctx, { name: a, ip: null, personalData: false }, b, { isAdmin: false }),
        updateUser(t.ctx, { name: b, ip: null, personalData: false }, a, { isAdmin: false }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const left = await t.ctx.db
        .selectFrom('users')
        .select('upn')
        .where('is_admin', '=', 1)
        .where('blocked', '=', 0)
        .execute();
      assert.equal(left.length, 1);
    }
  });

  it('a token cannot create a token with a right it lacks', async () => {
    const plain = (await createApiToken(t.ctx, cliActor(), { name: 'plain' })).token;
    const privileged = (
      await createApiToken(t.ctx, cliActor(), { name: 'privileged', rights: ['personal-data'] })
    ).token;
    const mint = (token: string) =>
      t.app.request('/api/v1/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'child', personalData: true }),
      });
    const refused = await mint(plain);
    assert.equal(refused.status, 403);
    assert.equal(
      (await t.ctx.db.selectFrom('api_tokens').select('id').where('name', '=', 'child').execute())
        .length,
      0,
    );
    const minted = await mint(privileged);
    assert.equal(minted.status, 201);
    assert.equal(
      minted.headers.get('cache-control'),
      'no-store',
      'a token shown once is never cached',
    );
  });
});

describe('service settings take effect', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PORTCULLIS_SEND_LIMIT_PER_USER: '7' });
  });
  after(() => t.close());

  it('code lifetimes and send limits come from the settings, defaulting to the configuration', async () => {
    assert.equal((await t.ctx.methodContext.limits()).sendLimitPerUser, 7);
    await updateServiceSettings(t.ctx, { sendLimitPerUser: 2, phoneCodeMinutes: 3 });
    const limits = await t.ctx.methodContext.limits();
    assert.equal(limits.sendLimitPerUser, 2);
    assert.equal(limits.phoneCodeMinutes, 3);
  });

  it('with fraud alert off, "this wasn\'t me" neither blocks nor records fraud', async () => {
    await t.addUser({ upn: 'fran@contoso.com' });
    const id = (await t.ctx.stores.users.findByUpn('fran@contoso.com'))!.id;
    await updateServiceSettings(t.ctx, { fraudAlertEnabled: false });
    await reportSuspiciousActivity(t.ctx, id, 'call');
    let user = await t.ctx.stores.users.findById(id);
    assert.equal(user?.blocked, 0);
    assert.equal(user?.fraud_reported_at, null);
    await updateServiceSettings(t.ctx, { fraudAlertEnabled: true });
    await reportSuspiciousActivity(t.ctx, id, 'call');
    user = await t.ctx.stores.users.findById(id);
    assert.equal(user?.blocked, 1);
    assert.notEqual(user?.fraud_reported_at, null);
  });
});
