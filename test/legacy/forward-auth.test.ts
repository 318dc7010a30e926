import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
const traefik = {
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'wiki.contoso.com',
  'x-forwarded-uri': '/page?x=1',
};

describe('forward-auth front', () => {
  let t: TestApp;
  let wiki: string;
  let appPassword: string;
  const ask = (headers: Record<string, string>, app: string | null = wiki) =>
    t.app.request(`/legacy/v1/forward-auth${app ? `?app=${app}` : ''}`, { headers });

  before(async () => {
    t = await createTestApp({
      PORTCULLIS_PUBLIC_URL: 'https://login.contoso.com',
      PORTCULLIS_REDIRECT_HOSTS: 'wiki.contoso.com',
    });
    wiki = (await createLegacyApp(t.ctx, { name: 'Wiki', fronts: ['forward-auth'] })).id;
    await t.addUser({ upn: 'rob@contoso.com', displayName: 'Rob Ø', mfaState: 'Enforced' });
    const user = await t.ctx.stores.users.findByUpn('rob@contoso.com');
    appPassword = (await createAppPassword(t.ctx, user!.id, { name: 'curl' })).password;
    await t.addUser({ upn: 'dee@contoso.com', displayName: 'Dee' });
  });
  after(() => t.close());

  it('refuses a missing application and a missing or malformed original URL', async () => {
    assert.equal((await ask(traefik, null)).status, 400);
    assert.equal((await ask({})).status, 400);
    for (const bad of [
      'not a url',
      'javascript:alert(1)',
      'ftp://wiki.contoso.com/',
      'https://user:pw@wiki.contoso.com/',
    ]) {
      assert.equal((await ask({ 'x-original-url': bad })).status, 400, bad);
    }
    assert.equal((await ask({ ...traefik, 'x-forwarded-uri': 'no-slash' })).status, 400);
  });

  it('checks Basic credentials like HTTP verify: app passwords for an Enforced user', async () => {
    const ok = await ask({ ...traefik, authorization: basic('rob@contoso.com', appPassword) });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('x-portcullis-user'), 'rob@contoso.com');
    assert.equal(decodeURIComponent(ok.headers.get('x-portcullis-name')!), 'Rob Ø');
    const refused = await ask({ ...traefik, authorization: basic('rob@contoso.com', PASSWORD) });
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('www-authenticate') ?? '', /^Basic/);
    const [entry] = await t.ctx.stores.signinLog.list({ upn: 'rob@contoso.com', limit: 1 });
    assert.equal(entry?.front, 'forward-auth');
  });

  it('sends a browser without a session to sign in and back: 302 for Traefik/Caddy, 401 + Location for nginx', async () => {
    const viaTraefik = await ask(traefik);
    assert.equal(viaTraefik.status, 302);
    assert.equal(
      viaTraefik.headers.get('location'),
      `https://login.contoso.com/?rd=${encodeURIComponent('https://wiki.contoso.com/page?x=1')}`,
    );
    const viaNginx = await ask({ 'x-original-url': 'https://wiki.contoso.com/a' });
    assert.equal(viaNginx.status, 401);
    assert.match(
      viaNginx.headers.get('location') ?? '',
      /\?rd=https%3A%2F%2Fwiki\.contoso\.com%2Fa$/,
    );
  });

  it('signs in and goes back to the protected page; then the session is let through', async () => {
    const b = new FormClient((req) => t.app.request(req), 'https://login.contoso.com');
    const form = await b.page(`/?rd=${encodeURIComponent('https://wiki.contoso.com/page?x=1')}`);
    assert.match(form.html, /name="rd" value="https:\/\/wiki\.contoso\.com\/page\?x=1"/);
    const res = await b.post('/signin', {
      username: 'dee@contoso.com',
      password: PASSWORD,
      rd: 'https://wiki.contoso.com/page?x=1',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'https://wiki.contoso.com/page?x=1');
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const through = await ask({ ...traefik, cookie });
    assert.equal(through.status, 200);
    assert.equal(through.headers.get('x-portcullis-user'), 'dee@contoso.com');
    assert.equal(through.headers.get('x-portcullis-amr'), 'pwd');
  });

  it('never sends people to hosts it does not trust after sign-in', async () => {
    const b = new FormClient((req) => t.app.request(req), 'https://login.contoso.com');
    for (const evil of [
      'https://evil.example/',
      '//evil.example/',
      'javascript:alert(1)',
      'https://wiki.contoso.com.evil.example/',
    ]) {
      await b.page(`/?rd=${encodeURIComponent(evil)}`);
      assert.doesNotMatch(b.lastHtml, /name="rd"/, evil);
    }
    const res = await b.post('/signin', {
      username: 'dee@contoso.com',
      password: PASSWORD,
      rd: 'https://evil.example/',
    });
    assert.equal(res.headers.get('location'), '/');
  });

  it('refuses a return path with control characters (CR LF) instead of failing on its Location', async () => {
    const crlf = '/\r\nSet-Cookie: x=1';
    const b = new FormClient((req) => t.app.request(req), 'https://login.contoso.com');
    await b.page(`/?rd=${encodeURIComponent(crlf)}`);
    assert.doesNotMatch(b.lastHtml, /name="rd"/);
    const res = await b.post('/signin', {
      username: 'dee@contoso.com',
      password: PASSWORD,
      rd: crlf,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    // Signed in already: the sign-in page would send them on at once.
    const again = await b.get(`/?rd=${encodeURIComponent(crlf)}`);
    assert.ok(again.status < 500, String(again.status));
    assert.equal(again.headers.get('set-cookie')?.includes('x=1') ?? false, false);
  });
});
