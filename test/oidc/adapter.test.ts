import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oidcAdapter } from '../../src/oidc/adapter.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { onPostgres } from '../helpers/db.ts';

describe(`oidc-provider adapter (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let Adapter: ReturnType<typeof oidcAdapter>;
  before(async () => {
    t = await createTestApp();
    Adapter = oidcAdapter(t.ctx);
  });
  after(() => t.close());

  it('stores, finds (by id, uid, user code), replaces and destroys records per model', async () => {
    const sessions = new Adapter('Session');
    const codes = new Adapter('AuthorizationCode');
    await sessions.upsert('s1', { uid: 'u-1', accountId: 'a' }, 60);
    await codes.upsert('s1', { grantId: 'g1', userCode: 'ABCD-EFGH' }, 60);
    assert.deepEqual(await sessions.find('s1'), { uid: 'u-1', accountId: 'a' });
    assert.deepEqual(await sessions.findByUid('u-1'), { uid: 'u-1', accountId: 'a' });
    assert.equal((await codes.findByUserCode('ABCD-EFGH'))?.grantId, 'g1');
    assert.equal(await codes.findByUid('u-1'), undefined, 'models are apart');
    await sessions.upsert('s1', { uid: 'u-1', accountId: 'b' }, 60);
    assert.equal((await sessions.find('s1'))?.accountId, 'b');
    await sessions.destroy('s1');
    assert.equal(await sessions.find('s1'), undefined);
    assert.ok(await codes.find('s1'));
  });

  it('finds nothing by an id, uid or user code with a NUL (PostgreSQL refuses such text)', async () => {
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('n1', { uid: 'u-n', userCode: 'NNNN-NNNN' }, 60);
    assert.equal(await codes.find('n1\u0000'), undefined);
    assert.equal(await codes.findByUid('u-n\u0000'), undefined);
    assert.equal(await codes.findByUserCode('NNNN\u0000NNNN'), undefined);
    assert.ok(await codes.find('n1'));
  });

  it('forgets records once expired', async () => {
    const a = new Adapter('AccessToken');
    await a.upsert('at1', { grantId: 'g2' }, 30);
    assert.ok(await a.find('at1'));
    t.clock.advance(31_000);
    assert.equal(await a.find('at1'), undefined);
  });

  it('consumes a code exactly once, even when many redemptions race', async () => {
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('c0', { grantId: 'g2' }, 60);
    await codes.consume('c0');
    assert.equal(typeof (await codes.find('c0'))?.consumed, 'number', 'marked consumed');

    const grants = new Adapter('Grant');
    const tokens = new Adapter('AccessToken');
    await grants.upsert('g3', { accountId: 'a' }, 60);
    await codes.upsert('c1', { grantId: 'g3' }, 60);
    await tokens.upsert('t-other', { grantId: 'g-other' }, 60);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => codes.consume('c1')));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results)
      if (r.status === 'rejected') assert.equal((r.reason as Error).name, 'InvalidGrant');
    // Losing the race is a reuse: the grant and everything it issued are gone.
    assert.equal(await grants.find('g3'), undefined, 'grant revoked');
    assert.equal(await codes.find('c1'), undefined);
    assert.ok(await tokens.find('t-other'), 'other grants untouched');
  });

  it('revokes everything issued for a grant', async () => {
    const tokens = new Adapter('AccessToken');
    const refresh = new Adapter('RefreshToken');
    await tokens.upsert('t1', { grantId: 'g4' }, 60);
    await refresh.upsert('r1', { grantId: 'g4' }, 60);
    await tokens.upsert('t2', { grantId: 'other' }, 60);
    await tokens.revokeByGrantId('g4');
    assert.equal(await tokens.find('t1'), undefined);
    assert.equal(await refresh.find('r1'), undefined);
    assert.ok(await tokens.find('t2'));
  });
});
