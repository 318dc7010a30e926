import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  DAY_MS,
  keyState,
  NEXT_KEY_LEAD_MS,
  rotateSamlKey,
  SUPERSEDED_KEY_KEPT_MS,
  samlKeys,
} from '../../src/saml/keys.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/db.ts';

// The SAML signing keys: a certificate each, sealed like the OpenID Connect
// keys; a rotation publishes the next certificate before it signs.
describe('SAML signing keys', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('makes a key on first use: a self-signed RSA certificate over it, the private key sealed at rest', async () => {
    const first = await samlKeys(t.ctx);
    const cert = new X509Certificate(first.signing.certPem);
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    assert.ok(cert.checkIssued(cert), 'self-signed');
    assert.ok(cert.verify(cert.publicKey));
    assert.match(cert.subject, /Portcullis SAML signing/);
    assert.deepEqual(first.certs, [first.signing.certPem]);
    const row = await t.ctx.db.selectFrom('saml_keys').selectAll().executeTakeFirstOrThrow();
    assert.doesNotMatch(row.key_sealed, /PRIVATE KEY/);
    assert.equal((await samlKeys(t.ctx)).signing.kid, first.signing.kid, 'the same key later');
  });

  it('rotation: the next certificate is published at once, signs after the lead time, and the old one stays a week more', async () => {
    const old = (await samlKeys(t.ctx)).signing;
    const { kid } = await rotateSamlKey(t.ctx, cliActor());
    let now = await samlKeys(t.ctx);
    assert.equal(now.signing.kid, old.kid, 'the old key still signs');
    assert.equal(now.certs.length, 2, 'both published');
    t.clock.advance(NEXT_KEY_LEAD_MS + 1000);
    now = await samlKeys(t.ctx);
    assert.equal(now.signing.kid, kid, 'the new key signs');
    assert.ok(now.certs.includes(old.certPem), 'the old one is still published');
    t.clock.advance(SUPERSEDED_KEY_KEPT_MS);
    now = await samlKeys(t.ctx);
    assert.deepEqual(now.certs, [now.signing.certPem]);
    const audit = await t.ctx.stores.audit.list({ action: 'saml_signing_key_rotated', limit: 1 });
    assert.equal(audit[0]?.actor, 'cli');
    // At once (a compromise): signs now, the old still published.
    const urgent = await rotateSamlKey(t.ctx, cliActor(), 0);
    now = await samlKeys(t.ctx);
    assert.equal(now.signing.kid, urgent.kid);
    assert.equal(now.certs.length, 2);
  });

  it('keyState: two rotations while one is pending publish both; the newest started key signs', () => {
    const row = (kid: string, signsFrom: number) => ({
      kid,
      key_sealed: '',
      cert_pem: kid,
      created_at: 0,
      signs_from: signsFrom,
    });
    const rows = [row('a', 0), row('b', 10 * DAY_MS), row('c', 20 * DAY_MS)];
    const at = (day: number) => {
      const s = keyState(rows, day * DAY_MS);
      return { signing: s.signing?.kid, published: s.published.map((k) => k.kid) };
    };
    assert.deepEqual(at(1), { signing: 'a', published: ['a', 'b', 'c'] });
    assert.deepEqual(at(11), { signing: 'b', published: ['a', 'b', 'c'] });
    assert.deepEqual(at(18), { signing: 'b', published: ['b', 'c'] });
    assert.deepEqual(at(21), { signing: 'c', published: ['b', 'c'] });
    assert.deepEqual(at(26.9), { signing: 'c', published: ['b', 'c'] });
    assert.deepEqual(at(27.1), { signing: 'c', published: ['c'] });
  });
});

describe('portcullis keys rotate (SAML)', () => {
  it('adds the next SAML key and says when it signs; refuses a bad lead time', async () => {
    const db = await freshDatabase();
    try {
      const r = await runCli(['keys', 'rotate', '--saml-switch-in', '3', '--json'], db.env);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { saml: { kid: string; signsFrom: string } };
      const lead = Date.parse(out.saml.signsFrom) - Date.now();
      assert.ok(lead > 2.9 * DAY_MS && lead <= 3 * DAY_MS, `${lead}`);
      const bad = await runCli(['keys', 'rotate', '--saml-switch-in', 'soon'], db.env);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /--saml-switch-in is a number of days/);
    } finally {
      await db.drop();
    }
  });
});
