// The usage and registration report (issue 21, item 8): figures that agree
// with the users and methods behind them (blocked users left out), users by
// registration with paging and CSV, sign-ins per UTC day by method and result,
// and the portal page with its charts drawn on the server, and the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { recordSignin } from '../../src/flows/signin-log.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import {
  registrationDetails,
  registrationSummary,
  signinActivity,
} from '../../src/services/usage-report.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const DAY = 86_400_000;
const OTP = { ok: true as const, secret: 'JBSWY3DPEHPK3PXP', details: {} };
const SMS = { ok: true as const, secret: '+420601999912', details: { masked: '+•••••••••12' } };
const CODES = { ok: true as const, secret: null, details: {} };
const KEY = { ok: true as const, secret: null, details: { credentialId: 'c1', name: 'Key' } };

describe('usage and registration report', () => {
  let t: TestApp;
  let admin: FormClient;
  let token: string;
  const idOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.id;
  const give = async (
    upn: string,
    ...methods: [string, typeof OTP | typeof SMS | typeof CODES][]
  ) => {
    for (const [type, r] of methods) await addRegistration(t.ctx, await idOf(upn), type, r);
  };
  const api = async (path: string) =>
    t.app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const signin = (method: string | null, result: 'success' | 'failure') =>
    recordSignin(t.ctx, {
      upn: 'ann@contoso.com',
      userId: null,
      result,
      reason: result === 'success' ? '' : 'wrong code',
      method,
      client: { ip: null, userAgent: null },
    });

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'ann@contoso.com', mfaState: 'Enforced' });
    await t.addUser({ upn: 'bob@contoso.com', mfaState: 'Enabled' });
    for (const upn of ['cid', 'dee', 'eve', 'fin', 'gil'])
      await t.addUser({ upn: `${upn}@contoso.com` });
    await give('root@contoso.com', ['PhoneAppOTP', OTP]);
    await give('ann@contoso.com', ['PhoneAppOTP', OTP]);
    await give('bob@contoso.com', ['OneWaySMS', SMS]);
    await give('cid@contoso.com', ['OneWaySMS', SMS], ['RecoveryCode', CODES]);
    // dee has nothing; eve only recovery codes (no second factor on their own).
    await give('eve@contoso.com', ['RecoveryCode', CODES]);
    await give('fin@contoso.com', ['PhoneAppOTP', OTP]);
    await setBlocked(t.ctx, cliActor(), 'fin@contoso.com', true);
    await give('gil@contoso.com', ['Passkey', KEY], ['OneWaySMS', SMS]);

    // Sign-ins: 40 days ago (outside 30 days), yesterday, and today.
    const now = t.clock.now();
    t.clock.set(now - 40 * DAY);
    await signin('PhoneAppOTP', 'success');
    t.clock.set(now - DAY);
    await signin('Passkey', 'success');
    await signin('Passkey', 'success');
    t.clock.set(now);
    for (let i = 0; i < 3; i++) await signin('PhoneAppOTP', 'success');
    await signin('OneWaySMS', 'failure');
    await signin(null, 'success');

    token = (await createApiToken(t.ctx, cliActor(), { name: 'reports', scope: 'read' })).token;
    admin = new FormClient((req) => t.app.request(req));
    await admin.page('/');
    await admin.submit('/signin', {
      username: 'root@contoso.com',
      password: 'correct horse battery',
    });
  });
  after(() => t.close());

  it('counts users who may sign in: capable, without a method, texts and calls only, per method and state', async () => {
    const s = await registrationSummary(t.ctx);
    assert.equal(s.users, 7, 'the blocked user is left out');
    assert.equal(s.mfaCapable, 5, 'root, ann, bob, cid, gil');
    assert.equal(s.withoutMethod, 1, 'dee');
    assert.equal(s.phoneOnly, 2, 'bob, cid (recovery codes aside)');
    const per = Object.fromEntries(s.methods.map((m) => [m.methodType, m.users]));
    assert.deepEqual(
      [per.PhoneAppOTP, per.OneWaySMS, per.RecoveryCode, per.Passkey, per.TwoWayVoiceMobile],
      [2, 3, 2, 1, 0],
    );
    assert.deepEqual(s.mfaStates, { Disabled: 5, Enabled: 1, Enforced: 1 });
  });

  it('lists users by registration, filtered and paged, as Graph names the details', async () => {
    const names = async (filter: Parameters<typeof registrationDetails>[1]['filter']) =>
      (await registrationDetails(t.ctx, { filter })).items.map((u) => u.userPrincipalName);
    assert.deepEqual(await names('phoneOnly'), ['bob@contoso.com', 'cid@contoso.com']);
    assert.deepEqual(await names('noMethod'), ['dee@contoso.com']);
    assert.deepEqual(await names('notCapable'), ['dee@contoso.com', 'eve@contoso.com']);
    assert.deepEqual(await names('capable'), [
      'ann@contoso.com',
      'bob@contoso.com',
      'cid@contoso.com',
      'gil@contoso.com',
      'root@contoso.com',
    ]);
    const first = await registrationDetails(t.ctx, { filter: 'capable', limit: 2 });
    assert.equal(first.items.length, 2);
    const second = await registrationDetails(t.ctx, {
      filter: 'capable',
      limit: 2,
      cursor: first.nextCursor!,
    });
    assert.deepEqual(
      second.items.map((u) => u.userPrincipalName),
      ['cid@contoso.com', 'gil@contoso.com'],
    );
    const gil = second.items[1]!;
    assert.deepEqual(
      [gil.isMfaCapable, gil.isPhoneOnly, gil.methodsRegistered, gil.defaultMethod],
      [true, false, ['OneWaySMS', 'Passkey'], 'Passkey'],
    );
  });

  it('counts sign-ins per UTC day by method and result, over the days asked for', async () => {
    const a = await signinActivity(t.ctx, 30);
    assert.equal(a.dates.length, 30);
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now() - DAY).toISOString().slice(0, 10);
    assert.equal(a.dates.at(-1), today);
    assert.equal(a.dates.at(-2), yesterday);
    const key = (r: { date: string; method: string; result: string }) =>
      `${r.date} ${r.method} ${r.result}`;
    assert.deepEqual(
      a.rows.map((r) => [key(r), r.count]).sort(),
      [
        [`${today}  success`, 1],
        [`${today} OneWaySMS failure`, 1],
        [`${today} PhoneAppOTP success`, 3],
        // The administrator's own sign-in to the portal, with a password.
        [`${today} password success`, 1],
        [`${yesterday} Passkey success`, 2],
      ].sort(),
    );
    assert.equal((await signinActivity(t.ctx, 90)).rows.length, 6, '40 days ago counts in 90');
    for (const days of [0, 91, 1.5])
      await assert.rejects(signinActivity(t.ctx, days), /1 to 90 days/);
  });

  it('the portal page: figures, users by registration, and charts drawn as SVG with a table', async () => {
    const { res, html } = await admin.page('/admin/reports');
    assert.equal(res.status, 200);
    const text = textOf(html);
    assert.match(text, /Users who may sign in\s*7/);
    assert.match(text, /MFA capable \(a method that works on its own\)\s*5 \(71%\)/);
    assert.match(text, /Texts and calls only\s*2 \(29%\)/);
    assert.deepEqual(
      html.match(/<script[^>]*>/g),
      ['<script src="/static/local-time.js" defer="">'],
      'the charts need no script (only local times have one, on every page)',
    );
    const svgs = html.match(/<svg viewBox[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(svgs.length, 2, 'by result and by method');
    assert.match(
      svgs[0]!,
      /<title id="by-result-title">Sign-ins per day over the last 30 days, by result \(UTC\)<\/title>/,
    );
    // Today's bar by result: 5 successes and 1 failure, each a rect with its figure.
    assert.match(
      svgs[0]!,
      new RegExp(
        `<title>${new Date(t.clock.now()).toISOString().slice(0, 10)} · success: 5</title>`,
      ),
    );
    assert.match(svgs[1]!, /· Password alone, or none: 1<\/title>/);
    assert.match(svgs[1]!, /· Password: 1<\/title>/);
    assert.match(text, /Passkey/);
    const filtered = await admin.page('/admin/reports?filter=phoneOnly&days=7');
    assert.match(filtered.html, /<option value="phoneOnly" selected="">/);
    assert.match(textOf(filtered.html), /bob@contoso\.com.*cid@contoso\.com/);
    assert.doesNotMatch(textOf(filtered.html), /gil@contoso\.com/);
    assert.match(filtered.html, /href="\/admin\/reports\/registration\.csv\?filter=phoneOnly"/);

    const csv = await admin.get('/admin/reports/registration.csv?filter=phoneOnly');
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const rows = parseCsv(await csv.text(), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    assert.deepEqual(
      rows.map((r) => [r.User, r['Texts and calls only'], r['Methods registered']]),
      [
        ['bob@contoso.com', 'True', 'OneWaySMS'],
        ['cid@contoso.com', 'True', 'OneWaySMS RecoveryCode'],
      ],
    );
    const figures = parseCsv(await (await admin.get('/admin/reports/summary.csv')).text(), {
      columns: true,
    }) as { Measure: string; Users: string }[];
    const figure = (m: string) => figures.find((f) => f.Measure === m)?.Users;
    assert.deepEqual(
      [
        'users',
        'mfaCapable',
        'withoutMethod',
        'phoneOnly',
        'mfaState:Enforced',
        'method:OneWaySMS',
      ].map(figure),
      ['7', '5', '1', '2', '1', '3'],
    );
    const bad = await admin.get('/admin/reports/registration.csv?filter=everyone');
    assert.equal(bad.status, 400);
    const signins = parseCsv(await (await admin.get('/admin/reports/signins.csv?days=7')).text(), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    assert.equal(signins.length, 5, 'the last 7 days: all but the one 40 days ago');
    assert.deepEqual(
      signins.find((r) => r.Method === 'PhoneAppOTP'),
      {
        Date: new Date(t.clock.now()).toISOString().slice(0, 10),
        Method: 'PhoneAppOTP',
        Result: 'success',
        'Sign-ins': '3',
      },
    );
  });

  it('the API gives the same, as JSON and CSV, to a read-only token', async () => {
    const summary = (await (await api('/reports/registration')).json()) as { mfaCapable: number };
    assert.equal(summary.mfaCapable, 5);
    const figures = await (await api('/reports/registration?format=csv')).text();
    assert.match(figures, /^Measure,Users\n/);
    assert.match(figures, /\nphoneOnly,2\n/);
    const page = (await (await api('/reports/registration/users?filter=noMethod')).json()) as {
      items: { userPrincipalName: string }[];
    };
    assert.deepEqual(
      page.items.map((u) => u.userPrincipalName),
      ['dee@contoso.com'],
    );
    const csv = await api('/reports/registration/users?filter=capable&format=csv');
    const text = await csv.text();
    assert.equal((parseCsv(text, { columns: true }) as unknown[]).length, 5, text);
    const activity = (await (await api('/reports/signins?days=90')).json()) as {
      dates: string[];
      rows: unknown[];
    };
    assert.equal(activity.dates.length, 90);
    assert.equal(activity.rows.length, 6);
    assert.equal((await api('/reports/signins?days=365')).status, 400);
    assert.equal((await api('/reports/registration/users?filter=everyone')).status, 400);
  });
});
