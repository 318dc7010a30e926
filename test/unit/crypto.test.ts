import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeEqual } from '../../src/crypto/hash.ts';
import { deriveKeys, parseMasterKey } from '../../src/crypto/keys.ts';
import { uuidV7 } from '../../src/crypto/random.ts';
import { SecretBox } from '../../src/crypto/secret-box.ts';

const box = new SecretBox(deriveKeys(Buffer.alloc(32, 7)).secretsAtRest);

describe('SecretBox (AES-256-GCM)', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'auth_methods:1');
    assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
    assert.equal(box.open(sealed, 'auth_methods:1'), 'JBSWY3DPEHPK3PXP');
  });
  it('refuses a ciphertext moved to another row', () => {
    const sealed = box.seal('secret', 'auth_methods:1');
    assert.throws(() => box.open(sealed, 'auth_methods:2'));
  });
  it('refuses a tampered ciphertext', () => {
    const sealed = box.seal('secret', 'x');
    // Change one character of the tag for a different one (never the same by chance).
    const at = sealed.length - 2;
    const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    assert.notEqual(tampered, sealed);
    assert.throws(() => box.open(tampered, 'x'));
  });
  it('refuses with another key', () => {
    const other = new SecretBox(deriveKeys(Buffer.alloc(32, 8)).secretsAtRest);
    assert.throws(() => other.open(box.seal('secret', 'x'), 'x'));
  });
});

describe('keys and comparison', () => {
  it('parses hex and base64 master keys of 32 bytes only', () => {
    assert.equal(parseMasterKey('ab'.repeat(32)).length, 32);
    assert.equal(parseMasterKey(Buffer.alloc(32, 1).toString('base64')).length, 32);
    assert.throws(() => parseMasterKey('abcd'));
  });
  it('derives distinct keys per purpose', () => {
    const k = deriveKeys(Buffer.alloc(32, 1));
    assert.notDeepEqual(k.secretsAtRest, k.credentialHmac);
  });
  it('safeEqual compares exactly', () => {
    assert.equal(safeEqual('abc', 'abc'), true);
    assert.equal(safeEqual('abc', 'abd'), false);
    assert.equal(safeEqual('abc', 'abcd'), false);
  });
});

describe('uuidV7', () => {
  it('makes RFC 9562 version 7 ids that sort by time', () => {
    const ids = [0, 1, 1, 2, 1_000_000, 1796354364859].map((t) => uuidV7(t));
    for (const id of ids)
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(
      ids[0]! < ids[1]! &&
        ids[0]! < ids[2]! &&
        ids[2]! < ids[3]! &&
        ids[3]! < ids[4]! &&
        ids[4]! < ids[5]!,
    );
    assert.equal(
      ids[5]!.replace(/-/g, '').slice(0, 12),
      (1796354364859).toString(16).padStart(12, '0'),
    );
    assert.notEqual(ids[1], ids[2], 'random within one millisecond');
  });
});
