// Authentication strengths: what each meets, and what a sign-in asks for to
// meet the one an application requires (issue 21, item 2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assuranceOf } from '../../src/policy/assurance.ts';
import { type CompletedFactor, nextStep, type PolicyInput } from '../../src/policy/mfa.ts';
import { meets, STRENGTHS, type Strength, strongestMet } from '../../src/policy/strength.ts';

const at = 1;
const pwd: CompletedFactor = { method: 'password', factor: 'knowledge', amr: ['pwd'], at };
const f = (method: string, amr: string[], extra: Partial<CompletedFactor> = {}) =>
  ({ method, factor: 'possession', amr, at, ...extra }) as CompletedFactor;
const otp = f('PhoneAppOTP', ['otp']);
const sms = f('OneWaySMS', ['sms']);
const push = f('PhoneAppNotification', ['pop']);
const passkey = f('Passkey', ['hwk']);
const remembered = f('RememberedDevice', []);
const tap = f('TemporaryAccessPass', [], { temporary: true });
// A passwordless passkey sign-in: the key, and the user verification it did.
const passkeyAlone = [
  f('Passkey', ['hwk']),
  { method: 'Passkey', factor: 'knowledge', amr: ['user'], at } as CompletedFactor,
];
const amrOf = (factors: CompletedFactor[]) => assuranceOf(factors).amr;

describe('authentication strengths: what a sign-in meets', () => {
  const cases: [string, CompletedFactor[], Strength | null][] = [
    ['password alone', [pwd], null],
    ['password + app code', [pwd, otp], 'mfa'],
    ['password + text', [pwd, sms], 'mfa'],
    ['password + notification', [pwd, push], 'mfa'],
    ['password + remembered device', [pwd, remembered], 'mfa'],
    ['password + passkey', [pwd, passkey], 'phishing-resistant'],
    ['passkey alone (with user verification)', passkeyAlone, 'phishing-resistant'],
    [
      'notification without a password',
      [push, { ...pwd, method: 'Push', amr: ['user'] }],
      'passwordless',
    ],
  ];
  for (const [name, factors, strongest] of cases)
    it(`${name}: ${strongest ?? 'single-factor'}`, () => {
      const amr = amrOf(factors);
      assert.equal(strongestMet(amr), strongest);
      // Each strength is met exactly up to the strongest one.
      for (const s of STRENGTHS)
        assert.equal(
          meets(amr, s),
          strongest !== null && STRENGTHS.indexOf(s) <= STRENGTHS.indexOf(strongest),
          `${name} / ${s}`,
        );
    });
  it('a passkey without a second kind of factor meets nothing', () => {
    assert.equal(strongestMet(['hwk']), null);
  });
});

describe('authentication strengths: what a sign-in asks for (nextStep)', () => {
  const base: PolicyInput = {
    mfaState: 'Disabled',
    registered: ['PhoneAppOTP', 'Passkey'],
    allowed: ['PhoneAppOTP', 'OneWaySMS', 'Passkey'],
    enrollable: ['PhoneAppOTP', 'OneWaySMS', 'Passkey'],
    factors: [pwd],
  };
  it('mfa: any method, even for a Disabled user', () => {
    assert.deepEqual(nextStep({ ...base, strength: 'mfa' }), {
      kind: 'verify',
      usable: ['PhoneAppOTP', 'Passkey'],
    });
    assert.deepEqual(nextStep({ ...base, strength: 'mfa', factors: [pwd, otp] }), { kind: 'done' });
  });
  for (const strength of ['passwordless', 'phishing-resistant'] as const) {
    it(`${strength}: only a passkey is asked for; an app code or a remembered device is not enough`, () => {
      const only = { kind: 'verify', usable: ['Passkey'] };
      assert.deepEqual(nextStep({ ...base, strength }), only);
      assert.deepEqual(nextStep({ ...base, strength, factors: [pwd, otp] }), only, 'step-up');
      assert.deepEqual(nextStep({ ...base, strength, factors: [pwd, remembered] }), only);
      assert.deepEqual(nextStep({ ...base, strength, factors: [pwd, passkey] }), { kind: 'done' });
      assert.deepEqual(nextStep({ ...base, strength, factors: passkeyAlone }), { kind: 'done' });
    });
  }
  it('no passkey yet: registration offers only a passkey, with no postponing', () => {
    const p = { ...base, mfaState: 'Enabled' as const, registered: ['PhoneAppOTP'] };
    const grace = { days: 14, since: null, now: 0, postponed: true };
    assert.deepEqual(nextStep({ ...p, strength: 'phishing-resistant', grace }), {
      kind: 'proofup',
      offer: ['Passkey'],
    });
    // A Temporary Access Pass lets the user in to register one, not past the strength.
    assert.deepEqual(
      nextStep({ ...p, registered: [], strength: 'phishing-resistant', factors: [pwd, tap] }),
      { kind: 'proofup', offer: ['Passkey'] },
    );
  });
  it('passkeys not allowed for the user (methods policy): no way in, saying why', () => {
    const r = nextStep({
      ...base,
      allowed: ['PhoneAppOTP'],
      enrollable: ['PhoneAppOTP'],
      strength: 'passwordless',
    });
    assert.equal(r.kind, 'no_method');
    assert.match(r.kind === 'no_method' ? r.reason : '', /passwordless strength/);
  });
  it('a trusted network waives the user’s MFA, not the application’s strength', () => {
    assert.equal(
      nextStep({
        ...base,
        mfaState: 'Enforced',
        trustedNetwork: true,
        strength: 'phishing-resistant',
      }).kind,
      'verify',
    );
    assert.equal(nextStep({ ...base, mfaState: 'Enforced', trustedNetwork: true }).kind, 'done');
  });
});
