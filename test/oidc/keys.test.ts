import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { createContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { RETIRED_KEY_KEPT_MS, rotateSigningKeys, signingKeys } from '../../src/oidc/keys.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/db.ts';

describe('signing keys', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('makes one key on first use, sealed at rest, the same on every later call', async () => {
    const [first, ...rest] = await signingKeys(t.ctx);
    assert.equal(rest.length, 0);
    assert.equal(first?.alg, 'RS256');
    assert.ok(first?.d, 'a private key');
    assert.deepEqual(await signingKeys(t.ctx), [first]);
    const row = await t.ctx.db.selectFrom('signing_keys').selectAll().executeTakeFirstOrThrow();
    assert.ok(!row.jwk_sealed.includes(first!.d!), 'never stored in clear');
  });

  it('rotation: the new key signs, the old stays published until its tokens expire', async () => {
    const [old] = await signingKeys(t.ctx);
    t.clock.advance(1000);
    const { kid } = await rotateSigningKeys(t.ctx, cliActor());
    const keys = await signingKeys(t.ctx);
    assert.deepEqual(
      keys.map((k) => k.kid),
      [kid, old!.kid],
    );
    // A token signed by the old key still verifies with the published old key.
    const jws = await new CompactSign(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'RS256', kid: old!.kid! })
      .sign(await importJWK(old!, 'RS256'));
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = keys[1]!;
    await compactVerify(jws, await importJWK(pub, 'RS256'));
    t.clock.advance(RETIRED_KEY_KEPT_MS + 1);
    assert.deepEqual(
      (await signingKeys(t.ctx)).map((k) => k.kid),
      [kid],
    );
    const audit = await t.ctx.stores.audit.list({ action: 'signing_keys_rotated', limit: 1 });
    assert.equal(audit[0]?.actor, 'cli');
  });
});

describe('portcullis keys rotate', () => {
  it('rotates from the command line: one signing key active, the old one retired', async () => {
    const db = await freshDatabase();
    try {
      const first = await runCli(['keys', 'rotate', '--json'], db.env);
      assert.equal(first.code, 0, first.stderr);
      const second = await runCli(['keys', 'rotate', '--json'], db.env);
      const { kid } = JSON.parse(second.stdout) as { kid: string };
      const ctx = createContext(db.config, { log: createLogger('silent') });
      try {
        const rows = await ctx.db
          .selectFrom('signing_keys')
          .select(['kid', 'retired_at'])
          .execute();
        assert.equal(rows.length, 2);
        assert.deepEqual(
          rows.filter((r) => r.retired_at === null).map((r) => r.kid),
          [kid],
        );
      } finally {
        await ctx.db.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});
