// Users from CSV through the admin API: the preview changes nothing, the apply
// writes every good row in one transaction and invites the new users, rows
// with errors are reported by line and never applied; existing users are
// updated where a column says something new; the export goes round.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import type { ImportResult } from '../../src/services/user-import.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('user import and export (admin API)', () => {
  let t: TestApp;
  let token: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return res;
  };
  const importCsv = async (csv: string, extra: Record<string, unknown> = {}) => {
    const res = await call('POST', '/users/import', { csv, ...extra });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    return JSON.parse(text) as ImportResult;
  };
  const count = async (table: 'users' | 'mail' | 'invitations') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops', rights: ['personal-data'] }))
      .token;
    await t.addUser({ upn: 'kim@contoso.com', displayName: 'Kim', email: 'kim@contoso.com' });
  });
  after(() => t.close());

  const FILE = [
    '\ufeffUserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email',
    'lena@contoso.com,Lena Lind,+46 70 123 45 67,sv,Enabled,lena.lind@contoso.com',
    'KIM@contoso.com,Kim Kowalski,,pl,Enforced,',
    'mo@contoso.com,,,,,',
    'bad name,X,,,,',
    'zed@contoso.com,Zed,not a number,,,',
    'yan@contoso.com,Yan,,,Sometimes,',
    'lena@contoso.com,Lena again,,,,',
  ].join('\r\n');

  it('the template downloads with the documented header', async () => {
    const res = await call('GET', '/users/import/template');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      await res.text(),
      /^UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email\r\n/,
    );
  });

  it('a preview reports each row and changes nothing', async () => {
    const users = await count('users');
    const r = await importCsv(FILE, { dryRun: true });
    assert.equal(r.applied, false);
    assert.deepEqual(
      r.rows.map((x) => [x.line, x.action, x.error ?? x.changes?.join(' ')]),
      [
        [2, 'error', 'duplicate row: this user is on lines 2, 8'],
        [3, 'update', 'displayName language mfaState'],
        [4, 'create', 'email'],
        [5, 'error', 'not a user name (name@domain)'],
        [6, 'error', '"not a number" is not a phone number.'],
        [7, 'error', '"Sometimes" is not an MFA state (Disabled, Enabled, Enforced)'],
        [8, 'error', 'duplicate row: this user is on lines 2, 8'],
      ],
    );
    assert.equal(await count('users'), users);
  });

  it('apply writes the good rows, invites the new users, and never the bad rows', async () => {
    const fixed = FILE.replace('\r\nlena@contoso.com,Lena again,,,,', '');
    const r = await importCsv(fixed);
    assert.equal(r.applied, true);
    assert.deepEqual([r.created, r.updated, r.errors, r.invited], [2, 1, 3, 2]);
    const lena = await t.ctx.stores.users.findByUpn('lena@contoso.com');
    assert.equal(lena?.display_name, 'Lena Lind');
    assert.equal(lena?.mfa_state, 'Enabled');
    assert.equal(lena?.preferred_language, 'sv');
    assert.equal(lena?.directory_mail, 'lena.lind@contoso.com');
    assert.equal(lena?.password_hash, '', 'no password: the invitation sets it');
    const mo = await t.ctx.stores.users.findByUpn('mo@contoso.com');
    assert.equal(mo?.directory_mail, 'mo@contoso.com', 'the user name is the address by default');
    const kim = await t.ctx.stores.users.findByUpn('kim@contoso.com');
    assert.deepEqual(
      [kim?.display_name, kim?.mfa_state, kim?.preferred_language],
      ['Kim Kowalski', 'Enforced', 'pl'],
    );
    assert.equal(
      await t.ctx.stores.users.findByUpn('zed@contoso.com'),
      undefined,
      'rows with errors: never',
    );
    assert.equal(await count('invitations'), 2);
    const again = await importCsv(fixed, { dryRun: true });
    assert.deepEqual(
      again.rows.filter((x) => x.action !== 'error').map((x) => x.action),
      ['unchanged', 'unchanged', 'unchanged'],
      'a second import changes nothing',
    );
  });

  it('a file that is not the template is refused whole', async () => {
    const res = await call('POST', '/users/import', { csv: 'Name,Phone\nx,y' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { detail: string }).detail, /UserPrincipalName/);
  });

  it('exports the filtered list in the template’s columns, and the file goes round', async () => {
    const res = await call('GET', '/users/export?mfaState=Enabled');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => [r.UserPrincipalName, r.Mobile, r['MFA Status'], r.Email]),
      // A leading + is quoted away from spreadsheet formulas (CSV injection); the import undoes it.
      [['lena@contoso.com', "'+46 70 123 45 67", 'Enabled', 'lena.lind@contoso.com']],
    );
    const all = await (await call('GET', '/users/export')).text();
    const back = await importCsv(all, { dryRun: true });
    assert.equal(back.errors, 0);
    assert.equal(back.created + back.updated, 0, 'an export imports as unchanged');
  });

  it('10,000 rows: previewed, then applied in one go with 10,000 invitations', async () => {
    const lines = ['UserPrincipalName,DisplayName,Language,MFA Status'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`bulk${i}@fabrikam.com,Person ${i},en,${i % 2 ? 'Enabled' : 'Disabled'}`);
    const csv = lines.join('\n');
    const users = await count('users');
    const preview = await importCsv(csv, { dryRun: true });
    assert.equal(preview.rows.filter((r) => r.action === 'create').length, 10_000);
    assert.equal(await count('users'), users);
    const mail = await count('mail');
    const applied = await importCsv(csv);
    assert.deepEqual([applied.created, applied.invited, applied.errors], [10_000, 10_000, 0]);
    assert.equal(await count('users'), users + 10_000);
    assert.equal(await count('mail'), mail + 10_000);
  });
});
