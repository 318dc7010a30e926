import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret } from 'otpauth';
import { matchingStep, normaliseCode, totpFor } from '../../src/methods/totp/codes.ts';

// RFC 6238 Appendix B, SHA-1 seed "12345678901234567890". The RFC prints
// 8-digit codes; a 6-digit code is the same value mod 10^6 (RFC 4226 §5.3).
const seed = Secret.fromUTF8('12345678901234567890').base32;
const vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [t, eight] of vectors) {
    it(`matches the RFC test vector at T=${t}`, () => {
      const six = eight.slice(2);
      assert.equal(totpFor(seed).generate({ timestamp: t * 1000 }), six);
      assert.equal(matchingStep(seed, six, t * 1000), Math.floor(t / 30));
    });
  }

  it('accepts the step before and after, and no further', () => {
    const t = 1_800_000_000_000;
    const code = totpFor(seed).generate({ timestamp: t });
    const step = Math.floor(t / 30_000);
    assert.equal(matchingStep(seed, code, t + 30_000), step);
    assert.equal(matchingStep(seed, code, t - 30_000), step);
    assert.equal(matchingStep(seed, code, t + 61_000), null);
    assert.equal(matchingStep(seed, code, t - 61_000), null);
  });

  it('normalises typed codes and rejects anything else', () => {
    assert.equal(normaliseCode(' 123 456 '), '123456');
    assert.equal(normaliseCode('123-456'), '123456');
    assert.equal(normaliseCode('12345'), null);
    assert.equal(normaliseCode('12345a'), null);
    assert.equal(normaliseCode(undefined), null);
  });
});
