// Report suspicious activity (issue 21, item 6): a report makes the user's
// risk high; the high-risk action says what that does (block, a password
// change after MFA, registering again, or nothing more); a secure password
// change remediates it and an administrator dismisses it — in the API, the
// portal and the settings, with `blockOnFraud` kept for older scripts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { changeOwnPassword } from '../../src/services/password-change.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { reportSuspiciousActivity } from '../../src/services/risk.ts';
import { getServiceSettings, updateServiceSettings } from '../../src/services/settings.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import type { UserPage, UserView } from '../../src/services/users.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';

describe('user risk: report suspicious activity', () => {
  let t: TestApp;
  let token: string;
  let admin: FormClient;

  const userOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!;
  const report = async (upn: string) =>
    reportSuspiciousActivity(t.ctx, (await userOf(upn)).id, 'call');
  const sessionsOf = async (upn: string) =>
    (
      await t.ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', (await userOf(upn)).id)
        .execute()
    ).length;
  const signIn = async (upn: string, password = PASSWORD) => {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    return { b, ...(await b.submit('/signin', { username: upn, password })) };
  };
  const api = async <T>(method: string, path: string, status = 200): Promise<T> => {
    const r = await t.app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await r.text();
    assert.equal(r.status, status, text);
    return JSON.parse(text) as T;
  };
  const withTotp = async (upn: string) =>
    addRegistration(t.ctx, (await userOf(upn)).id, 'PhoneAppOTP', {
      ok: true,
      secret: SECRET,
      details: {},
    });

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops' })).token;
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    admin = (await signIn('root@contoso.com')).b;
  });
  after(() => t.close());

  it('by default a report blocks sign-in and ends sessions; the API shows and lists the risk; dismissing lifts the block', async () => {
    await t.addUser({ upn: 'ann@contoso.com', displayName: 'Ann' });
    await t.addUser({ upn: 'bob@contoso.com' });
    await signIn('ann@contoso.com');
    assert.equal(await sessionsOf('ann@contoso.com'), 1);
    t.clock.advance(1000);
    await report('ann@contoso.com');
    const row = await userOf('ann@contoso.com');
    assert.deepEqual(
      [row.blocked, row.blocked_by, row.risk_level, row.risk_state, row.risk_detail],
      [1, 'risk', 'high', 'atRisk', 'userReportedSuspiciousActivity'],
    );
    assert.equal(await sessionsOf('ann@contoso.com'), 0, 'open sessions end');
    assert.equal((await signIn('ann@contoso.com')).res.status, 401);

    const seen = await api<UserView>('GET', '/users/ann@contoso.com');
    assert.equal(seen.riskLevel, 'high');
    assert.equal(seen.riskState, 'atRisk');
    assert.equal(seen.riskDetail, 'userReportedSuspiciousActivity');
    assert.equal(seen.riskLastUpdatedDateTime, new Date(t.clock.now()).toISOString());
    const risky = await api<UserPage>('GET', '/users?riskLevel=high');
    assert.deepEqual(
      risky.items.map((u) => u.userPrincipalName),
      ['ann@contoso.com'],
    );
    const bad = await t.app.request('/api/v1/users?riskLevel=medium', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(bad.status, 400);

    t.clock.advance(1000);
    const dismissed = await api<{ dismissed: boolean; user: UserView }>(
      'POST',
      '/users/ann@contoso.com/dismiss-risk',
    );
    assert.equal(dismissed.dismissed, true);
    assert.equal(dismissed.user.riskLevel, 'none');
    assert.equal(dismissed.user.riskState, 'dismissed');
    assert.equal(dismissed.user.riskDetail, 'adminDismissedAllRiskForUser');
    assert.equal(dismissed.user.blockCredential, false, 'the block the report set is lifted');
    assert.match(textOf((await signIn('ann@contoso.com')).html), /My account/);
    const audit = await t.ctx.stores.audit.list({ target: 'ann@contoso.com', limit: 5 });
    assert.equal(audit[0]?.action, 'risk_dismissed');
    assert.equal(audit[0]?.actor, 'token ops');
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}'), { unblocked: true });
    assert.equal(audit[1]?.action, 'fraud_reported');
    assert.deepEqual(JSON.parse(audit[1]?.detail ?? '{}'), {
      via: 'call',
      riskLevel: 'high',
      action: 'block',
    });

    const again = await api<{ dismissed: boolean }>('POST', '/users/ann@contoso.com/dismiss-risk');
    assert.equal(again.dismissed, false, 'no risk: nothing to dismiss');
    assert.equal(
      (await t.ctx.stores.audit.list({ target: 'ann@contoso.com', limit: 5 }))[0]?.id,
      audit[0]?.id,
      'and nothing audited',
    );
    const ghost = await t.app.request('/api/v1/users/ghost@contoso.com/dismiss-risk', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(ghost.status, 404);
  });

  it('two administrators dismissing at once: one dismisses, one finds nothing to do, one audit entry', async () => {
    await t.addUser({ upn: 'duo@contoso.com' });
    await report('duo@contoso.com');
    t.clock.advance(1000);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        api<{ dismissed: boolean }>('POST', '/users/duo@contoso.com/dismiss-risk'),
      ),
    );
    assert.deepEqual(results.map((r) => r.dismissed).sort(), [false, false, true]);
    const audit = await t.ctx.stores.audit.list({ target: 'duo@contoso.com', limit: 10 });
    assert.equal(audit.filter((a) => a.action === 'risk_dismissed').length, 1);
  });

  it('dismissing leaves a block by an administrator in place', async () => {
    await t.addUser({ upn: 'cid@contoso.com' });
    await setBlocked(t.ctx, cliActor(), 'cid@contoso.com', true);
    await report('cid@contoso.com');
    assert.equal((await userOf('cid@contoso.com')).blocked_by, 'admin');
    await api('POST', '/users/cid@contoso.com/dismiss-risk');
    const row = await userOf('cid@contoso.com');
    assert.deepEqual([row.risk_level, row.blocked], ['none', 1]);
  });

  it('changePassword: the user proves MFA, then must choose a new password, which remediates the risk', async () => {
    await updateServiceSettings(t.ctx, { highRiskAction: 'changePassword' });
    await t.addUser({ upn: 'dee@contoso.com', mfaState: 'Enforced' });
    await withTotp('dee@contoso.com');
    await report('dee@contoso.com');
    const row = await userOf('dee@contoso.com');
    assert.deepEqual([row.blocked, row.must_change_password, row.risk_level], [0, 1, 'high']);

    const { b, html } = await signIn('dee@contoso.com');
    assert.doesNotMatch(textOf(html), /Choose a new password/, 'the password alone is not enough');
    t.clock.advance(60_000);
    const asked = await b.submit('/signin/verify', { code: codeAt(SECRET, t.clock.now()) });
    assert.match(textOf(asked.html), /someone else may know your password/);
    const same = await b.submit('/signin/password', { password: PASSWORD, confirm: PASSWORD });
    assert.match(textOf(same.html), /other than your current one/);
    assert.equal((await userOf('dee@contoso.com')).risk_level, 'high');
    const done = await b.submit('/signin/password', {
      password: 'a brand new secret',
      confirm: 'a brand new secret',
    });
    assert.match(textOf(done.html), /My account/);
    const after = await userOf('dee@contoso.com');
    assert.deepEqual(
      [after.risk_level, after.risk_state, after.risk_detail, after.must_change_password],
      ['none', 'remediated', 'userPerformedSecuredPasswordChange', 0],
    );
    const audit = await t.ctx.stores.audit.list({ target: 'dee@contoso.com', limit: 1 });
    assert.equal(audit[0]?.action, 'password_changed');
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}'), { after: 'high risk' });
  });

  it("changePassword: a directory user's password is the directory's, so they are blocked instead", async () => {
    await t.addUser({ upn: 'eve@contoso.com' });
    await t.ctx.db
      .updateTable('users')
      .set({ source: 'directory', directory_id: 'e1', directory_dn: 'uid=eve,dc=contoso' })
      .where('upn', '=', 'eve@contoso.com')
      .execute();
    t.clock.advance(1000);
    await report('eve@contoso.com');
    const row = await userOf('eve@contoso.com');
    assert.deepEqual([row.blocked, row.blocked_by, row.must_change_password], [1, 'risk', 0]);
    const audit = await t.ctx.stores.audit.list({ target: 'eve@contoso.com', limit: 1 });
    assert.equal(JSON.parse(audit[0]?.detail ?? '{}').action, 'block');
  });

  it('reregister: the methods go, and the next sign-in registers again', async () => {
    await updateServiceSettings(t.ctx, { highRiskAction: 'reregister' });
    await t.addUser({ upn: 'fin@contoso.com', mfaState: 'Enforced' });
    await withTotp('fin@contoso.com');
    await report('fin@contoso.com');
    const methods = await t.ctx.stores.methods.listForUsers([(await userOf('fin@contoso.com')).id]);
    assert.equal(methods.length, 0);
    assert.equal((await userOf('fin@contoso.com')).blocked, 0);
    const { html } = await signIn('fin@contoso.com');
    assert.match(textOf(html), /More information required/);
  });

  it('none: the risk is recorded and nothing else changes; a self-service password change remediates it', async () => {
    await updateServiceSettings(t.ctx, { highRiskAction: 'none' });
    await t.addUser({ upn: 'gil@contoso.com' });
    await signIn('gil@contoso.com');
    await report('gil@contoso.com');
    const row = await userOf('gil@contoso.com');
    assert.deepEqual([row.risk_level, row.blocked, row.must_change_password], ['high', 0, 0]);
    assert.equal(await sessionsOf('gil@contoso.com'), 1, 'sessions are kept');
    t.clock.advance(1000);
    const r = await changeOwnPassword(
      t.ctx,
      row,
      PASSWORD,
      'gil new password',
      'gil new password',
      null,
    );
    assert.equal(r.riskRemediated, true);
    const [changed] = await t.ctx.stores.audit.list({ target: 'gil@contoso.com', limit: 1 });
    assert.equal(changed?.action, 'password_changed');
    assert.equal(JSON.parse(changed?.detail ?? '{}').riskRemediated, true);
    assert.equal((await userOf('gil@contoso.com')).risk_state, 'remediated');
    const r2 = await changeOwnPassword(
      t.ctx,
      await userOf('gil@contoso.com'),
      'gil new password',
      'gil newer password',
      'gil newer password',
      null,
    );
    assert.equal(r2.riskRemediated, false, 'only a high risk is remediated');
  });

  it('with reports turned off, nothing is recorded', async () => {
    await updateServiceSettings(t.ctx, { fraudAlertEnabled: false, highRiskAction: 'block' });
    await t.addUser({ upn: 'hal@contoso.com' });
    await report('hal@contoso.com');
    const row = await userOf('hal@contoso.com');
    assert.deepEqual([row.risk_level, row.blocked, row.fraud_reported_at], ['none', 0, null]);
    await updateServiceSettings(t.ctx, { fraudAlertEnabled: true });
  });

  it('blockOnFraud stays as the older name of the action: either changes both, and a stored switch alone is read', async () => {
    assert.equal(
      (await updateServiceSettings(t.ctx, { blockOnFraud: false })).highRiskAction,
      'none',
    );
    const set = await updateServiceSettings(t.ctx, { highRiskAction: 'reregister' });
    assert.equal(set.blockOnFraud, false);
    t.clock.advance(1000);
    assert.equal(
      (await updateServiceSettings(t.ctx, { blockOnFraud: true })).highRiskAction,
      'block',
    );
    const audit = await t.ctx.stores.audit.list({ action: 'settings_changed', limit: 1 });
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}'), {
      highRiskAction: { from: 'reregister', to: 'block' },
      blockOnFraud: { from: false, to: true },
    });
    await assert.rejects(updateServiceSettings(t.ctx, { highRiskAction: 'explode' }), (e: Error) =>
      /block, changePassword, reregister or none/.test(e.message),
    );
    // As an older release left it: the switch, no action.
    for (const [stored, action] of [
      [false, 'none'],
      [true, 'block'],
    ] as const) {
      await t.ctx.stores.settings.set('service', { blockOnFraud: stored }, t.clock.now());
      t.ctx.dataCache.forget('settings');
      assert.equal((await getServiceSettings(t.ctx)).highRiskAction, action);
    }
  });

  it('the portal shows the risk, lists risky users, and dismisses after confirming', async () => {
    await t.addUser({ upn: 'ivy@contoso.com', displayName: 'Ivy' });
    t.clock.advance(1000);
    await report('ivy@contoso.com');
    const list = await admin.page('/admin/users?risk=high');
    assert.match(textOf(list.html), /Ivy\s*blocked\s*high risk/);
    assert.doesNotMatch(list.html, /bob@contoso\.com/, 'only users at high risk');
    assert.match(list.html, /href="\/admin\/users\/export\.csv\?risk=high"/);
    const csv = await admin.get('/admin/users/export.csv?risk=high');
    const exported = (await csv.text())
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(',')[0]);
    const atRisk = await t.ctx.db
      .selectFrom('users')
      .select('upn')
      .where('risk_level', '=', 'high')
      .orderBy('upn_normalized')
      .execute();
    assert.deepEqual(
      exported,
      atRisk.map((u) => u.upn),
    );
    assert.ok(exported.includes('ivy@contoso.com'));

    const page = await admin.page('/admin/users/ivy@contoso.com');
    assert.match(textOf(page.html), /Risk\s*High: the user reported suspicious activity/);
    const confirm = await admin.submit('/admin/users/ivy@contoso.com/dismiss-risk', {});
    assert.match(textOf(confirm.html), /Dismiss the risk once the report is reviewed/);
    assert.equal((await userOf('ivy@contoso.com')).risk_level, 'high', 'not before confirming');
    t.clock.advance(1000);
    const done = await admin.submit('/admin/users/ivy@contoso.com/dismiss-risk', {
      confirm: 'yes',
    });
    assert.match(textOf(done.html), /The risk was dismissed/);
    assert.match(textOf(done.html), /Risk\s*None: dismissed by an administrator/);
    const row = await userOf('ivy@contoso.com');
    assert.deepEqual([row.risk_level, row.blocked], ['none', 0]);
    const audit = await t.ctx.stores.audit.list({ target: 'ivy@contoso.com', limit: 1 });
    assert.equal(audit[0]?.action, 'risk_dismissed');
    assert.equal(audit[0]?.actor, 'root@contoso.com');
  });
});
