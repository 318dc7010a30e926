import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { closeContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
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

  it('makes one key per algorithm on first use, sealed at rest, the same on every later call', async () => {
    const keys = await signingKeys(t.ctx);
    assert.deepEqual(
      keys.map((k) => [k.alg, k.kty, k.crv ?? null]),
      [
        ['RS256', 'RSA', null],
        ['ES256', 'EC', 'P-256'],
      ],
      'RS256 first: the default',
    );
    for (const k of keys) assert.ok(k.d, 'a private key');
    assert.deepEqual(await signingKeys(t.ctx), keys);
    const rows = await t.ctx.db.selectFrom('signing_keys').selectAll().execute();
    assert.equal(rows.length, 2);
    for (const [i, row] of rows.entries())
      assert.ok(!row.jwk_sealed.includes(keys[i]!.d!), 'never stored in clear');
  });

  it('adds the ES256 key to a key set from before it existed', async () => {
    const db = await freshDatabase();
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      await migrate(ctx.db, ctx.dialect);
      const [rs] = await signingKeys(ctx);
      await ctx.db.deleteFrom('signing_keys').where('alg', '=', 'ES256').execute();
      const keys = await signingKeys(ctx);
      assert.equal(keys[0]!.kid, rs!.kid, 'the RS256 key stays');
      assert.equal(keys[1]!.alg, 'ES256');
    } finally {
      await closeContext(ctx);
      await db.drop();
    }
  });

  it('rotation: the new keys sign, the old stay published until their tokens expire', async () => {
    const old = await signingKeys(t.ctx);
    t.clock.advance(1000);
    const { kid, kids } = await rotateSigningKeys(t.ctx, cliActor());
    assert.equal(kid, kids.RS256);
    const keys = await signingKeys(t.ctx);
    assert.deepEqual(
      keys.slice(0, 2).map((k) => k.kid),
      [kids.RS256, kids.ES256],
      'the new keys sign',
    );
    assert.deepEqual(
      keys
        .slice(2)
        .map((k) => k.kid)
        .sort(),
      old.map((k) => k.kid).sort(),
    );
    // Tokens signed by the old keys still verify with the published old keys.
    for (const key of old) {
      const alg = key.alg!;
      const jws = await new CompactSign(new TextEncoder().encode('x'))
        .setProtectedHeader({ alg, kid: key.kid! })
        .sign(await importJWK(key, alg));
      const published = keys.find((k) => k.kid === key.kid)!;
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = published;
      await compactVerify(jws, await importJWK(pub, alg));
    }
    t.clock.advance(RETIRED_KEY_KEPT_MS + 1);
    assert.deepEqual(
      (await signingKeys(t.ctx)).map((k) => k.kid),
      [kids.RS256, kids.ES256],
    );
    const audit = await t.ctx.stores.audit.list({ action: 'signing_keys_rotated', limit: 1 });
    assert.equal(audit[0]?.actor, 'cli');
  });
});

describe('portcullis keys rotate', () => {
  it('rotates from the command line: one signing key per algorithm active, the old ones retired', async () => {
    const db = await freshDatabase();
    try {
      const first = await runCli(['keys', 'rotate', '--json'], db.env);
      assert.equal(first.code, 0, first.stderr);
      const second = await runCli(['keys', 'rotate', '--json'], db.env);
      const { kids } = JSON.parse(second.stdout) as { kids: Record<string, string> };
      const ctx = createContext(db.config, { log: createLogger('silent') });
      try {
        const rows = await ctx.db
          .selectFrom('signing_keys')
          .select(['kid', 'retired_at'])
          .execute();
        assert.equal(rows.length, 4);
        assert.deepEqual(
          rows
            .filter((r) => r.retired_at === null)
            .map((r) => r.kid)
            .sort(),
          [kids.RS256, kids.ES256].sort(),
        );
      } finally {
        await ctx.db.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});
