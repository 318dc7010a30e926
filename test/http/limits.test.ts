// Issue 15: what the limits do over time, in process with a hand-set clock:
// an account locks after 100 consecutive failures and stays locked whatever the
// wait until an administrator unlocks it; the legacy fronts count apart from the
// browser; proof-up registers through the one enrolment flow (audited).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { ACCOUNT_LOCK_AT, DELAYS } from '../../src/policy/limits.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';

describe('guessing limits over time', () => {
  let t: TestApp;
  let token: string;
  let app: string;
  const client = () => new FormClient((req) => t.app.request(req));
  const signIn = async (upn: string, password = PASSWORD) => {
    const b = client();
    await b.page('/');
    return { b, ...(await b.submit('/signin', { username: upn, password })) };
  };
  const verify = (upn: string, password: string) =>
    t.app.request(`/legacy/v1/verify?app=${app}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${upn}:${password}`).toString('base64')}` },
    });
  /** Past any wait the limits may have set. */
  const waitOut = () => t.clock.advance(DELAYS.maxMs + 1000);

  before(async () => {
    // A cheap hash: this file judges hundreds of wrong passwords.
    t = await createTestApp({
      PORTCULLIS_ARGON2_MEMORY_KIB: '1024',
      PORTCULLIS_ARGON2_ITERATIONS: '1',
    });
    for (const upn of ['lock', 'mail', 'gil'])
      await t.addUser({
        upn: `${upn}@contoso.com`,
        mfaState: upn === 'gil' ? 'Enabled' : 'Disabled',
      });
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops' })).token;
    app = (await createLegacyApp(t.ctx, { name: 'Mail' })).id;
  });
  after(() => t.close());

  it(`locks an account after ${ACCOUNT_LOCK_AT} consecutive wrong passwords: no wait opens it, an administrator's unlock does`, async () => {
    for (let i = 0; i < ACCOUNT_LOCK_AT; i++) {
      waitOut();
      const r = await signIn('lock@contoso.com', `wrong ${i}`);
      assert.equal(r.res.status, 401, `failure ${i + 1} is judged`);
    }
    t.clock.advance(7 * 24 * 3_600_000);
    const locked = await signIn('lock@contoso.com');
    assert.equal(locked.res.status, 429, 'a week later, even the right password is refused');
    assert.match(textOf(locked.html), /locked for this account/);
    assert.equal(locked.res.headers.get('retry-after'), null, 'no wait is promised');
    const unlock = await t.app.request('/api/v1/user-actions/unlock-signin', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ users: ['LOCK@contoso.com'] }),
    });
    assert.equal(unlock.status, 200);
    assert.deepEqual((await unlock.json()).results, [
      { userPrincipalName: 'lock@contoso.com', removed: 1 },
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', 'lock@contoso.com')
      .execute();
    assert.ok(audit.some((a) => a.action === 'signin_unlocked'));
    assert.match(textOf((await signIn('lock@contoso.com')).html), /My account/);
  });

  it('counts a stale mail client apart: locked out of the legacy fronts, never out of the browser', async () => {
    for (let i = 0; i < ACCOUNT_LOCK_AT; i++) {
      waitOut();
      assert.equal((await verify('mail@contoso.com', 'an old password')).status, 401);
    }
    waitOut();
    assert.equal(
      (await verify('mail@contoso.com', PASSWORD)).status,
      401,
      'the legacy fronts are locked for the account, right password or not',
    );
    const reasons = (
      await t.ctx.db
        .selectFrom('signin_log')
        .select('reason')
        .where('upn', '=', 'mail@contoso.com')
        .orderBy('at', 'desc')
        .execute()
    ).map((r) => r.reason);
    assert.match(reasons[0]!, /^locked/);
    assert.match(
      textOf((await signIn('mail@contoso.com')).html),
      /My account/,
      'the browser is not',
    );
  });

  it('proof-up registers through the one enrolment: the method and Enabled → Enforced are audited, the user told', async () => {
    const { b } = await signIn('gil@contoso.com');
    const form = await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    const action = /<form method="post" action="([^"]+)"/.exec(form.html)![1]!;
    await b.submit(action, { country: 'CZ', number: '601111222' });
    const texts = async () =>
      (await outboxStore(t.ctx.db).list({ number: '+420601111222', limit: 10 })).map(
        (m) => m.body ?? '',
      );
    const code = /\b(\d{6})\b/.exec((await texts())[0] ?? '')![1]!;
    await b.submit(action, { code });
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'detail'])
      .where('target', '=', 'gil@contoso.com')
      .execute();
    const added = entries.find((e) => e.action === 'method_added');
    assert.ok(added, JSON.stringify(entries));
    assert.equal(added.actor, 'gil@contoso.com');
    assert.equal(JSON.parse(added.detail).during, 'proof-up');
    const state = entries.find((e) => e.action === 'mfa_state_set');
    assert.ok(state, 'the automatic Enabled → Enforced change is audited');
    assert.deepEqual(
      [JSON.parse(state.detail).from, JSON.parse(state.detail).to, JSON.parse(state.detail).via],
      ['Enabled', 'Enforced', 'proof-up'],
    );
    assert.ok(
      (await texts()).some((s) => /was added/.test(s)),
      'told on the new channel, as security info does',
    );
  });
});
