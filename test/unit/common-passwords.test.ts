import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isAppError } from '../../src/errors.ts';
import { commonPasswords, isCommonPassword } from '../../src/services/common-passwords.ts';
import { checkNewPassword, PASSWORD_MIN } from '../../src/services/validation.ts';

describe('the shipped list of common passwords', () => {
  it('loads once, without its header, in lower case', () => {
    const list = commonPasswords();
    assert.equal(commonPasswords(), list, 'read once');
    assert.ok(list.size > 15_000, `${list.size} entries`);
    for (const p of list) {
      assert.ok(!p.startsWith('#'), p);
      assert.equal(p, p.toLowerCase());
      assert.ok(p.length >= PASSWORD_MIN, p);
    }
  });

  it('knows the usual suspects, whatever their case, and not a random password', () => {
    for (const p of ['password', 'password1', '123456789', 'qwertyuiop', 'iloveyou', 'Trustno1'])
      assert.ok(isCommonPassword(p), p);
    assert.ok(!isCommonPassword(randomBytes(12).toString('base64url')));
    assert.ok(!isCommonPassword('correct horse battery'));
  });

  it('checkNewPassword: 8 to 256 characters, not common, no composition rules', () => {
    assert.equal(checkNewPassword('only lowercase words'), 'only lowercase words');
    assert.equal(checkNewPassword('12345098'.repeat(2)), '1234509812345098');
    for (const [p, why] of [
      ['seven77', /8 to 256/],
      ['x'.repeat(257), /8 to 256/],
      ['Password1', /too common/],
    ] as const)
      assert.throws(
        () => checkNewPassword(p),
        (e) => isAppError(e) && e.code === 'weak_password' && why.test(e.message),
      );
  });
});
