import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acrFor, acrRequestOf, mfaNeeded } from '../../src/oidc/assurance.ts';

const MFA = 'urn:portcullis:acr:mfa';
const ONE = 'urn:portcullis:acr:1fa';

describe('what a relying party asks of a sign-in (acr)', () => {
  it('reads acr_values and the claims parameter, essential only from claims', () => {
    assert.deepEqual(acrRequestOf({ acr_values: `${MFA} ${ONE}` }), {
      values: [MFA, ONE],
      essential: false,
    });
    const claims = JSON.stringify({ id_token: { acr: { essential: true, value: MFA } } });
    assert.deepEqual(acrRequestOf({ claims }), { values: [MFA], essential: true });
    assert.deepEqual(acrRequestOf({ claims: '{not json' }), { values: [], essential: false });
    assert.deepEqual(acrRequestOf({}), { values: [], essential: false });
  });

  it('needs MFA when the application requires it or MFA is the only class asked for', () => {
    const none = { values: [], essential: false };
    assert.equal(mfaNeeded(true, none), true);
    assert.equal(mfaNeeded(false, none), false);
    assert.equal(mfaNeeded(false, { values: [MFA], essential: false }), true);
    assert.equal(mfaNeeded(false, { values: [ONE, MFA], essential: false }), false);
  });

  it('answers with what the session did; an essential demand it cannot meet is null', () => {
    const pwd = ['pwd'];
    const mfa = ['pwd', 'otp', 'mfa'];
    assert.equal(acrFor(pwd, { values: [], essential: false }), ONE);
    assert.equal(acrFor(mfa, { values: [], essential: false }), MFA);
    assert.equal(acrFor(mfa, { values: [ONE], essential: false }), MFA, 'a preference only');
    assert.equal(acrFor(mfa, { values: [ONE], essential: true }), ONE, 'MFA meets 1fa');
    assert.equal(acrFor(pwd, { values: [MFA], essential: true }), null);
    assert.equal(acrFor(pwd, { values: [MFA], essential: false }), ONE);
    assert.equal(acrFor(mfa, { values: ['urn:example:gold'], essential: true }), null);
    assert.equal(acrFor(mfa, { values: ['urn:example:gold'], essential: false }), MFA);
  });
});
