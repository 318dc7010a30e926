// Migration 0026: system-preferred MFA is on for a new installation, and
// written off for one that already had users (they keep being asked for their
// default), keeping every other setting; a choice already made is kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { up } from '../../src/db/migrations/0026_system_preferred_mfa.ts';
import { getServiceSettings, updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('migration 0026: system-preferred MFA', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const stored = async () => {
    const row = await t.ctx.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'service')
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : undefined;
  };
  const current = async () => {
    t.ctx.dataCache.forget('settings');
    return (await getServiceSettings(t.ctx)).systemPreferredMfa;
  };

  it('leaves a new installation (no users) on', async () => {
    await up(t.ctx.db as never);
    assert.equal(await stored(), undefined);
    assert.equal(await current(), true);
  });

  it('turns it off where there were users, keeping the other settings, once', async () => {
    await t.addUser({ upn: 'old@contoso.com' });
    await up(t.ctx.db as never);
    assert.deepEqual(await stored(), { systemPreferredMfa: false });
    assert.equal(await current(), false);

    await t.ctx.db.deleteFrom('settings').where('key', '=', 'service').execute();
    await updateServiceSettings(t.ctx, { rememberDevicesDays: 30 });
    const before = (await stored())!;
    delete before.systemPreferredMfa;
    await t.ctx.db
      .updateTable('settings')
      .set({ value: JSON.stringify(before) })
      .where('key', '=', 'service')
      .execute();
    await up(t.ctx.db as never);
    assert.deepEqual(await stored(), { ...before, systemPreferredMfa: false });
    assert.equal((await getServiceSettings(t.ctx)).rememberDevicesDays, 30);

    // Turned on by an administrator: a second run changes nothing.
    await updateServiceSettings(t.ctx, { systemPreferredMfa: true });
    await up(t.ctx.db as never);
    assert.equal(await current(), true);
  });
});
