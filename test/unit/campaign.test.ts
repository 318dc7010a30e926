// The registration campaign's step (nextStep): who is asked, when, and
// whether "Not now" is still offered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CampaignInput,
  type CompletedFactor,
  nextStep,
  type PolicyInput,
} from '../../src/policy/mfa.ts';

const at = 1;
const pwd: CompletedFactor = { method: 'password', factor: 'knowledge', amr: ['pwd'], at };
const sms: CompletedFactor = { method: 'OneWaySMS', factor: 'possession', amr: ['sms'], at };
const otp: CompletedFactor = { method: 'PhoneAppOTP', factor: 'possession', amr: ['otp'], at };
const campaign: CampaignInput = {
  targets: ['PhoneAppNotification', 'Passkey'],
  offer: ['PhoneAppNotification', 'Passkey'],
  triggers: ['OneWaySMS', 'TwoWayVoiceMobile'],
  snoozed: false,
  snoozesLeft: null,
  snoozeDays: 1,
};
const base: PolicyInput = {
  mfaState: 'Enforced',
  registered: ['OneWaySMS', 'PhoneAppOTP'],
  allowed: ['OneWaySMS', 'PhoneAppOTP', 'PhoneAppNotification', 'Passkey'],
  enrollable: ['OneWaySMS', 'PhoneAppOTP', 'PhoneAppNotification', 'Passkey'],
  factors: [pwd, sms],
  campaign,
};

describe('registration campaign (nextStep)', () => {
  it('asks after a text, offering its targets, once MFA is done', () => {
    assert.deepEqual(nextStep(base), {
      kind: 'proofup',
      offer: ['PhoneAppNotification', 'Passkey'],
      campaign: { snoozesLeft: null, snoozeDays: 1 },
    });
    assert.equal(nextStep({ ...base, factors: [pwd] }).kind, 'verify', 'MFA first');
  });
  it('not after an app code, not when put off, not without a campaign', () => {
    assert.deepEqual(nextStep({ ...base, factors: [pwd, otp] }), { kind: 'done' });
    assert.deepEqual(nextStep({ ...base, campaign: { ...campaign, snoozed: true } }), {
      kind: 'done',
    });
    assert.deepEqual(nextStep({ ...base, campaign: null }), { kind: 'done' });
  });
  it('not a user who has one of its targets, nor one who may register none', () => {
    assert.deepEqual(nextStep({ ...base, registered: ['OneWaySMS', 'Passkey'] }), {
      kind: 'done',
    });
    assert.deepEqual(nextStep({ ...base, campaign: { ...campaign, offer: [] } }), { kind: 'done' });
  });
  it('says how many "Not now"s are left; none left still asks', () => {
    const r = nextStep({ ...base, campaign: { ...campaign, snoozesLeft: 0 } });
    assert.deepEqual(r.kind === 'proofup' ? r.campaign : undefined, {
      snoozesLeft: 0,
      snoozeDays: 1,
    });
  });
  it('comes before a password change an administrator asked for', () => {
    assert.equal(nextStep({ ...base, mustChangePassword: true }).kind, 'proofup');
    assert.equal(
      nextStep({ ...base, mustChangePassword: true, campaign: { ...campaign, snoozed: true } })
        .kind,
      'change_password',
    );
  });
});
