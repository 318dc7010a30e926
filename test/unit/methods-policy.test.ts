// The authentication methods policy (src/policy/methods-policy.ts): the old
// organisation-wide list becomes a policy that allows exactly the same, for
// every subset of methods; groups include and exclude (exclusion wins);
// texts can be kept for recovery only; the schema refuses what makes no
// sense with a message an administrator can act on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { methodTypes } from '../../src/methods/catalogue.ts';
import {
  fromAllowedMethods,
  groupsNamed,
  isFor,
  type MethodsPolicy,
  MethodsPolicySchema,
  methodTypesFor,
  StoredMethodsPolicySchema,
  withAllowedMethods,
} from '../../src/policy/methods-policy.ts';

const none = new Set<string>();
const sorted = (l: readonly string[]) => [...l].sort();

describe('authentication methods policy', () => {
  it('allows exactly what the old list allowed, for every list of methods', () => {
    // All 2^9 subsets of the catalogue.
    for (let mask = 0; mask < 1 << methodTypes.length; mask++) {
      const allowed = methodTypes.filter((_, i) => mask & (1 << i));
      const policy = fromAllowedMethods(allowed);
      assert.ok(MethodsPolicySchema.safeParse(policy).success, allowed.join());
      for (const groups of [none, new Set(['g1'])])
        for (const purpose of ['register', 'signin'] as const)
          assert.deepEqual(
            sorted(methodTypesFor(policy, groups, purpose)),
            sorted(allowed),
            `${allowed.join()} (${purpose})`,
          );
      assert.equal(isFor(policy, 'temporaryAccessPass', none), false);
    }
  });

  const policy = (change: Partial<MethodsPolicy>): MethodsPolicy => ({
    ...fromAllowedMethods(methodTypes),
    ...change,
  });

  it('gives a method to members of its groups only, and never to members of an excluded group', () => {
    const p = policy({
      passkey: {
        enabled: true,
        include: ['engineering', 'sales'],
        exclude: ['contractors'],
        attestationRequired: false,
        allowedAaguids: [],
      },
    });
    assert.equal(isFor(p, 'passkey', none), false);
    assert.equal(isFor(p, 'passkey', new Set(['sales'])), true);
    assert.equal(isFor(p, 'passkey', new Set(['engineering', 'contractors'])), false);
    assert.ok(methodTypesFor(p, new Set(['sales']), 'register').includes('Passkey'));
    assert.ok(!methodTypesFor(p, new Set(['finance']), 'register').includes('Passkey'));
    // Exclusion applies to "all" too; a disabled method is for no one.
    const q = policy({ totp: { enabled: true, include: 'all', exclude: ['kiosk'] } });
    assert.equal(isFor(q, 'totp', new Set(['kiosk'])), false);
    assert.equal(isFor(q, 'totp', none), true);
    const off = policy({ totp: { enabled: false, include: ['kiosk'], exclude: [] } });
    assert.equal(isFor(off, 'totp', new Set(['kiosk'])), false);
    assert.deepEqual(groupsNamed(p), ['engineering', 'sales', 'contractors']);
  });

  it('keeps texts for recovery only when they are not for sign-in', () => {
    const p = policy({ sms: { enabled: true, include: 'all', exclude: [], useForSignIn: false } });
    assert.ok(methodTypesFor(p, none, 'register').includes('OneWaySMS'));
    assert.ok(!methodTypesFor(p, none, 'signin').includes('OneWaySMS'));
  });

  it('rings only the phones calls are allowed to', () => {
    const p = policy({ voice: { enabled: true, include: 'all', exclude: [], phones: ['office'] } });
    const types = methodTypesFor(p, none, 'signin');
    assert.ok(types.includes('TwoWayVoiceOffice'));
    assert.ok(!types.includes('TwoWayVoiceMobile'));
    assert.ok(!types.includes('TwoWayVoiceAlternateMobile'));
  });

  it('takes an old-style list as which methods are on, keeping whom each is for and its options', () => {
    const p = policy({
      passkey: {
        enabled: true,
        include: ['engineering'],
        exclude: [],
        attestationRequired: true,
        allowedAaguids: [],
      },
      temporaryAccessPass: {
        enabled: true,
        include: 'all',
        exclude: [],
        defaultLifetimeMinutes: 60,
        maxLifetimeMinutes: 480,
        defaultLength: 8,
        oneTimeOnly: false,
      },
    });
    const q = withAllowedMethods(p, ['Passkey', 'TwoWayVoiceOffice']);
    assert.deepEqual(q.passkey, p.passkey);
    assert.equal(q.totp.enabled, false);
    assert.deepEqual(q.voice.phones, ['office']);
    assert.equal(q.voice.enabled, true);
    assert.equal(q.temporaryAccessPass.enabled, true, 'a list cannot name a pass');
    const r = withAllowedMethods(q, ['PhoneAppOTP']);
    assert.equal(r.voice.enabled, false);
    assert.deepEqual(r.voice.phones, ['office'], 'off, calls keep the phones they had');
    assert.deepEqual(withAllowedMethods(r, ['Passkey']).passkey, p.passkey);
  });

  it('refuses a policy that makes no sense, saying why', () => {
    const base = fromAllowedMethods(methodTypes);
    const problem = (p: unknown) => {
      const r = MethodsPolicySchema.safeParse(p);
      assert.equal(r.success, false);
      return r.error!.issues[0]!.message;
    };
    assert.match(
      problem({ ...base, voice: { ...base.voice, phones: [] } }),
      /at least one kind of phone/,
    );
    assert.match(
      problem({ ...base, passkey: { ...base.passkey, allowedAaguids: ['not-an-aaguid'] } }),
      /8-4-4-4-12/,
    );
    problem({ ...base, totp: { ...base.totp, include: 'some' } });
    problem({ ...base, fido: base.passkey });
    const { sms: _, ...withoutSms } = base;
    problem(withoutSms);
    // AAGUIDs are kept in one spelling.
    const ok = MethodsPolicySchema.parse({
      ...base,
      passkey: { ...base.passkey, allowedAaguids: [' EE882879-721C-4913-9775-3DFCCE97072A '] },
    });
    assert.deepEqual(ok.passkey.allowedAaguids, ['ee882879-721c-4913-9775-3dfcce97072a']);
    // A Temporary Access Pass: lifetimes of 10 minutes to 30 days, 8 to 48 characters,
    // the default no longer than the longest.
    const tap = (change: Record<string, unknown>) =>
      problem({ ...base, temporaryAccessPass: { ...base.temporaryAccessPass, ...change } });
    assert.match(tap({ maxLifetimeMinutes: 9 }), /10 minutes to 30 days/);
    assert.match(tap({ maxLifetimeMinutes: 43201 }), /10 minutes to 30 days/);
    assert.match(tap({ defaultLength: 7 }), /8 to 48 characters/);
    assert.match(tap({ defaultLength: 49 }), /8 to 48 characters/);
    assert.match(
      tap({ defaultLifetimeMinutes: 600, maxLifetimeMinutes: 480 }),
      /longer than the longest/,
    );
  });

  it('reads a policy saved before the pass had options with their defaults', () => {
    const { temporaryAccessPass, ...rest } = fromAllowedMethods(methodTypes);
    const { enabled, include, exclude } = temporaryAccessPass;
    const read = StoredMethodsPolicySchema.parse({
      ...rest,
      temporaryAccessPass: { enabled, include, exclude },
    });
    assert.deepEqual(read.temporaryAccessPass, temporaryAccessPass);
    assert.deepEqual(
      [read.temporaryAccessPass.defaultLifetimeMinutes, read.temporaryAccessPass.defaultLength],
      [60, 8],
    );
  });
});
