// System-preferred MFA (src/policy/preferred-method.ts): the strongest
// registered method first, the default breaking a tie; off, the default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstToOffer } from '../../src/policy/preferred-method.ts';

const reg = (methodType: string, isDefault = false) => ({ methodType, isDefault });

describe('system-preferred MFA', () => {
  it('offers the strongest method first: passkey, notification, app code, text or call', () => {
    const sms = reg('OneWaySMS', true);
    const otp = reg('PhoneAppOTP');
    const push = reg('PhoneAppNotification');
    const passkey = reg('Passkey');
    const recovery = reg('RecoveryCode');
    assert.equal(firstToOffer([sms, otp, push, passkey, recovery], true), passkey);
    assert.equal(firstToOffer([sms, otp, push, recovery], true), push);
    assert.equal(firstToOffer([recovery, sms, otp], true), otp);
    // Texts and calls are one rank: the default decides, else the first.
    const call = reg('TwoWayVoiceMobile', true);
    assert.equal(firstToOffer([recovery, reg('OneWaySMS'), call], true), call);
    assert.equal(
      firstToOffer([recovery, reg('TwoWayVoiceOffice'), reg('OneWaySMS')], true)?.methodType,
      'TwoWayVoiceOffice',
    );
    assert.equal(firstToOffer([recovery], true), recovery);
    assert.equal(firstToOffer([], true), undefined);
  });

  it('breaks a tie with the default, and without the setting asks for the default', () => {
    const a = reg('PhoneAppOTP');
    const b = reg('PhoneAppOTP', true);
    assert.equal(firstToOffer([a, b], true), b);
    const sms = reg('OneWaySMS', true);
    const passkey = reg('Passkey');
    assert.equal(firstToOffer([passkey, sms], false), sms);
    assert.equal(
      firstToOffer([passkey, reg('OneWaySMS')], false),
      passkey,
      'no default: the first',
    );
  });
});
