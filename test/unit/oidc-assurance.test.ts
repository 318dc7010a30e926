import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acrFor, acrRequestOf, strengthNeeded } from '../../src/oidc/assurance.ts';

const MFA = 'urn:portcullis:acr:mfa';
const ONE = 'urn:portcullis:acr:1fa';
const PWLESS = 'urn:portcullis:acr:passwordless';
const PHISH = 'urn:portcullis:acr:phishing-resistant';

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

  it('needs the application’s strength, or the weakest class asked for when all are stronger', () => {
    const none = { values: [], essential: false };
    assert.equal(strengthNeeded('mfa', none), 'mfa');
    assert.equal(strengthNeeded('none', none), 'none');
    assert.equal(strengthNeeded('none', { values: [MFA], essential: false }), 'mfa');
    assert.equal(strengthNeeded('none', { values: [ONE, MFA], essential: false }), 'none');
    assert.equal(
      strengthNeeded('none', { values: [PHISH, PWLESS], essential: false }),
      'passwordless',
    );
    assert.equal(strengthNeeded('mfa', { values: [PHISH], essential: true }), 'phishing-resistant');
    assert.equal(
      strengthNeeded('phishing-resistant', { values: [MFA], essential: false }),
      'phishing-resistant',
    );
    assert.equal(strengthNeeded('mfa', { values: ['urn:example:gold'], essential: true }), 'mfa');
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

  it('names the strength met: the one asked for, or the application’s, never more than done', () => {
    const passkey = ['pwd', 'hwk', 'mfa'];
    const push = ['pwd', 'pop', 'mfa'];
    const none = { values: [], essential: false };
    // Without a request or an application strength, as before strengths: mfa.
    assert.equal(acrFor(passkey, none), MFA);
    assert.equal(acrFor(passkey, none, 'phishing-resistant'), PHISH);
    assert.equal(acrFor(passkey, none, 'passwordless'), PWLESS);
    assert.equal(acrFor(passkey, { values: [PHISH], essential: false }), PHISH);
    assert.equal(
      acrFor(passkey, { values: [PWLESS, PHISH], essential: true }),
      PHISH,
      'the strongest asked for',
    );
    assert.equal(acrFor(push, { values: [PHISH], essential: true }), null);
    assert.equal(acrFor(push, { values: [PHISH], essential: false }), MFA);
    assert.equal(acrFor(push, { values: [MFA, PHISH], essential: true }), MFA);
    // A strength not met (the check prompts first) is never claimed.
    assert.equal(acrFor(push, none, 'phishing-resistant'), MFA);
  });
});
