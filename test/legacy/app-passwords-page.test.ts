import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLegacyApp } from '../../src/services/applications.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('Security info → App passwords', () => {
  let t: TestApp;
  let mail: string;
  let vpn: string;
  let b: FormClient;

  before(async () => {
    t = await createTestApp();
    mail = (await createLegacyApp(t.ctx, { name: 'Mail server' })).id;
    vpn = (await createLegacyApp(t.ctx, { name: 'VPN' })).id;
    await t.addUser({ upn: 'ana@contoso.com', displayName: 'Ana' });
    b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: 'ana@contoso.com', password: PASSWORD });
  });
  after(() => t.close());

  it('is linked from My account and needs a signed-in user', async () => {
    assert.match(b.lastHtml, /href="\/security-info\/app-passwords"/);
    const stranger = new FormClient((req) => t.app.request(req));
    const res = await stranger.get('/security-info/app-passwords');
    assert.equal(res.status, 303);
  });

  it('creates a named app password limited to chosen applications and shows it exactly once', async () => {
    const page = await b.page('/security-info/app-passwords');
    assert.match(textOf(page.html), /You have no app passwords/);
    assert.match(page.html, new RegExp(`value="${mail}"`));
    const res = await b.post('/security-info/app-passwords', {
      name: 'Thunderbird',
      scope: mail,
      expires: '90',
    });
    assert.equal(res.status, 303, 'post/redirect/get');
    const shown = await b.page(res.headers.get('location')!);
    assert.equal(shown.res.headers.get('cache-control'), 'no-store');
    const password = /id="new-app-password"[^>]*>([a-z2-9-]+)</.exec(b.lastHtml)?.[1];
    assert.ok(password, 'the new password is shown');
    assert.match(b.lastHtml, /data-copy="new-app-password"/);
    assert.match(textOf(b.lastHtml), /It will not be shown again/);
    const again = await b.page('/security-info/app-passwords');
    assert.ok(!again.html.includes(password), 'never shown again');
    const reloaded = await b.page(res.headers.get('location')!);
    assert.ok(!reloaded.html.includes(password), 'a reload shows it no more');
    const made = await t.ctx.db
      .selectFrom('app_passwords')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'Thunderbird')
      .executeTakeFirstOrThrow();
    assert.equal(Number(made.n), 1, 'and makes no second one');
    assert.match(textOf(again.html), /Thunderbird Mail server/);
    assert.match(textOf(again.html), /Never used/);

    const ok = await t.app.request(`/legacy/v1/verify?app=${mail}`, {
      method: 'POST',
      headers: { authorization: basic('ana@contoso.com', password) },
    });
    assert.equal(ok.status, 200);
    const other = await t.app.request(`/legacy/v1/verify?app=${vpn}`, {
      method: 'POST',
      headers: { authorization: basic('ana@contoso.com', password) },
    });
    assert.equal(other.status, 401);
    assert.doesNotMatch(
      textOf((await b.page('/security-info/app-passwords')).html),
      /Never used/,
      'last use is shown',
    );
  });

  it('asks for a name and refuses a made-up expiry', async () => {
    await b.page('/security-info/app-passwords');
    assert.equal((await b.post('/security-info/app-passwords', { name: '   ' })).status, 400);
    assert.match(textOf(b.lastHtml), /Give the app password a name/);
    await b.page('/security-info/app-passwords');
    assert.equal(
      (await b.post('/security-info/app-passwords', { name: 'x', expires: '7' })).status,
      400,
    );
  });

  it('deletes an app password, which then stops working', async () => {
    await b.page('/security-info/app-passwords');
    await b.submit('/security-info/app-passwords', { name: 'Old phone' });
    const password = /id="new-app-password"[^>]*>([a-z2-9-]+)</.exec(b.lastHtml)![1]!;
    const action = /action="(\/security-info\/app-passwords\/[^"]+\/delete)"/g;
    const forms = [...b.lastHtml.matchAll(action)].map((m) => m[1]!);
    assert.equal(forms.length, 2);
    const row = await t.ctx.db
      .selectFrom('app_passwords')
      .select('id')
      .where('name', '=', 'Old phone')
      .executeTakeFirstOrThrow();
    await b.submit(`/security-info/app-passwords/${row.id}/delete`, {});
    assert.match(textOf(b.lastHtml), /The app password was deleted/);
    const res = await t.app.request(`/legacy/v1/verify?app=${mail}`, {
      method: 'POST',
      headers: { authorization: basic('ana@contoso.com', password) },
    });
    assert.equal(res.status, 401);
  });

  it('says so when the organisation does not allow app passwords', async () => {
    await updateServiceSettings(t.ctx, { appPasswordsAllowed: false });
    try {
      await b.page('/security-info/app-passwords');
      assert.equal((await b.post('/security-info/app-passwords', { name: 'x' })).status, 403);
      assert.match(textOf(b.lastHtml), /does not allow app passwords/);
    } finally {
      await updateServiceSettings(t.ctx, { appPasswordsAllowed: true });
    }
  });

  it('refuses a form without the CSRF token, and brings a page whose token is out of date up to date; neither creates anything', async () => {
    await b.page('/security-info/app-passwords');
    const res = await b.post('/security-info/app-passwords', { name: 'forged' }, { csrf: false });
    assert.equal(res.status, 403);
    const stale = await b.post(
      '/security-info/app-passwords',
      { _csrf: 'an-old-token', name: 'forged' },
      { csrf: false },
    );
    assert.equal(stale.status, 303);
    const made = await t.ctx.db
      .selectFrom('app_passwords')
      .select('id')
      .where('name', '=', 'forged')
      .execute();
    assert.equal(made.length, 0, 'nothing was created');
  });
});
