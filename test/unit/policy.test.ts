import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACR_MULTI_FACTOR, ACR_SINGLE_FACTOR, assuranceOf } from '../../src/policy/assurance.ts';
import { DELAYS, delayAfter, RULES } from '../../src/policy/limits.ts';
import { type CompletedFactor, nextStep, type PolicyInput } from '../../src/policy/mfa.ts';

const pwd: CompletedFactor = { method: 'password', factor: 'knowledge', amr: ['pwd'], at: 1 };
const otp: CompletedFactor = { method: 'PhoneAppOTP', factor: 'possession', amr: ['otp'], at: 2 };
const base: PolicyInput = {
  mfaState: 'Disabled',
  registered: [],
  allowed: ['PhoneAppOTP'],
  enrollable: ['PhoneAppOTP'],
  factors: [pwd],
};

describe('MFA policy (nextStep)', () => {
  it('asks for the password first', () => {
    assert.deepEqual(nextStep({ ...base, factors: [] }), { kind: 'password' });
  });
  it('Disabled: the password alone signs in', () => {
    assert.deepEqual(nextStep(base), { kind: 'done' });
  });
  it('Enabled or Enforced with no method: proof-up with the allowed methods', () => {
    for (const mfaState of ['Enabled', 'Enforced'] as const) {
      assert.deepEqual(nextStep({ ...base, mfaState }), {
        kind: 'proofup',
        offer: ['PhoneAppOTP'],
      });
    }
  });
  it('a registered method: verify it; done once a second factor is in', () => {
    const p = { ...base, mfaState: 'Enforced' as const, registered: ['PhoneAppOTP'] };
    assert.deepEqual(nextStep(p), { kind: 'verify', usable: ['PhoneAppOTP'] });
    assert.deepEqual(nextStep({ ...p, factors: [pwd, otp] }), { kind: 'done' });
  });
  it('an application that requires MFA overrides Disabled', () => {
    assert.equal(nextStep({ ...base, applicationRequiresMfa: true }).kind, 'proofup');
  });
  it('registered methods the organisation no longer allows do not count', () => {
    const r = nextStep({
      ...base,
      mfaState: 'Enforced',
      registered: ['PhoneAppOTP'],
      allowed: [],
      enrollable: [],
    });
    assert.equal(r.kind, 'no_method');
  });
  it('a second factor never stands in for the password', () => {
    assert.deepEqual(
      nextStep({ ...base, mfaState: 'Enforced', registered: ['PhoneAppOTP'], factors: [otp] }),
      { kind: 'password' },
    );
  });
});

describe('a password reset by an admin (mustChangePassword)', () => {
  it('asks for a new password only once MFA is satisfied', () => {
    assert.deepEqual(nextStep({ ...base, mustChangePassword: true }), { kind: 'change_password' });
    const enforced = { ...base, mfaState: 'Enforced' as const, registered: ['PhoneAppOTP'] };
    assert.equal(nextStep({ ...enforced, mustChangePassword: true }).kind, 'verify');
    assert.deepEqual(nextStep({ ...enforced, mustChangePassword: true, factors: [pwd, otp] }), {
      kind: 'change_password',
    });
    assert.equal(nextStep({ ...base, mustChangePassword: true, factors: [] }).kind, 'password');
  });
});

describe('assurance', () => {
  it('computes amr and acr from the factors done', () => {
    assert.deepEqual(assuranceOf([pwd]), { amr: ['pwd'], acr: ACR_SINGLE_FACTOR });
    assert.deepEqual(assuranceOf([pwd, otp]), {
      amr: ['pwd', 'otp', 'mfa'],
      acr: ACR_MULTI_FACTOR,
    });
  });
});

describe('throttle delays', () => {
  it('are free at first, then grow, and stay bounded', () => {
    const free = RULES.account.free;
    assert.equal(delayAfter(free - 1, free), 0);
    assert.ok(delayAfter(free + 1, free) > delayAfter(free, free));
    assert.equal(delayAfter(1000, free), DELAYS.maxMs);
    assert.ok(DELAYS.maxMs <= 5 * 60_000);
    assert.ok(RULES.account.lockAt <= 100, 'NIST SP 800-63B: at most 100 consecutive failures');
  });
});
