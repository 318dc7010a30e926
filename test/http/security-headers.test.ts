// Security headers on every page (issue 9): each HTML page the app serves —
// found from the app's own routes, as a visitor, a user half-way through
// sign-in, a signed-in user and an administrator, and the error pages — has a
// Content-Security-Policy that allows no inline script and no framing. Over
// https every answer also carries HSTS, and every cookie is __Host- and Secure;
// over http there is neither. The pages oidc-provider writes itself (its
// errors, the sign-out question, form_post) carry the same headers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createOidcApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient } from '../helpers/browser.ts';
import { serveWithOidc } from '../helpers/oidc-server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';
const YEAR_S = 365 * 24 * 3600;

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/**
 * Strict: scripts from this origin only (no inline, no eval), no framing, no
 * plugins, no <base>. `hashed` allows inline scripts whose hash the policy lists.
 */
function assertStrictPage(where: string, res: Response, html: string, hashed = false) {
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, `${where}: a Content-Security-Policy`);
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  assert.deepEqual(scripts, ["'self'", ...(hashed ? inline : [])], `${where}: script-src (${csp})`);
  assert.deepEqual(d.get('default-src'), ["'self'"], `${where}: default-src (${csp})`);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${where}: frame-ancestors (${csp})`);
  assert.deepEqual(d.get('object-src'), ["'none'"], `${where}: object-src (${csp})`);
  assert.deepEqual(d.get('base-uri'), ["'none'"], `${where}: base-uri (${csp})`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes/, where);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', where);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', where);
  // What the policy forbids is also not written: no inline script or handlers.
  if (!hashed)
    for (const tag of html.matchAll(/<script\b[^>]*>/gi))
      assert.match(tag[0], /\bsrc="|type="application\/json"/, `${where}: inline ${tag[0]}`);
  assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, `${where}: an inline event handler`);
  assert.doesNotMatch(
    html,
    /(href|action|src)\s*=\s*"\s*javascript:/i,
    `${where}: javascript: URL`,
  );
}

/** A signed-in browser at `base` (password only), or half-way (MFA users stop at the step). */
async function signIn(t: TestApp, upn: string, base?: string) {
  const b = new FormClient((r) => t.app.request(r), base);
  await b.page('/');
  await b.submit('/signin', { username: upn, password: PASSWORD });
  return b;
}

describe('a strict Content-Security-Policy on every HTML page', () => {
  let t: TestApp;
  let routes: string[];
  const pages = new Map<string, { res: Response; html: string }>();

  /** Opens a page, following redirects, and keeps it for the checks if it is HTML. */
  async function visit(who: string, b: FormClient, path: string) {
    const { res, html } = await b.page(path);
    if ((res.headers.get('content-type') ?? '').startsWith('text/html'))
      pages.set(`${path} as ${who} (${res.status})`, { res, html });
  }

  before(async () => {
    // The phone simulator on, so its page is among those checked (administrators see it).
    t = await createTestApp({ PORTCULLIS_PHONE_SIMULATOR: 'true' });
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'plain@contoso.com' });
    await t.addUser({ upn: 'mfa@contoso.com', mfaState: 'Enforced' });
    await t.addUser({ upn: 'new@contoso.com', mfaState: 'Enforced' });
    const totp = { ok: true as const, secret: SECRET, details: {} };
    const mfa = await t.ctx.stores.users.findByUpn('mfa@contoso.com');
    await addRegistration(t.ctx, mfa!.id, 'PhoneAppOTP', totp);
    const plain = await t.ctx.stores.users.findByUpn('plain@contoso.com');
    const method = await addRegistration(t.ctx, plain!.id, 'PhoneAppOTP', totp);
    // Every page the app has without a parameter, and the ones with a user in the path.
    routes = [
      ...new Set(
        t.app.routes
          .filter((r) => (r.method === 'GET' || r.method === 'ALL') && !/[*]/.test(r.path))
          .map((r) => r.path.replace(':upn', 'plain@contoso.com'))
          .filter((p) => !p.includes(':')),
      ),
    ];

    const visitor = new FormClient((r) => t.app.request(r));
    const user = await signIn(t, 'plain@contoso.com');
    const admin = await signIn(t, 'root@contoso.com');
    for (const path of routes) {
      await visit('visitor', visitor, path);
      await visit('user', user, path);
      await visit('admin', admin, path);
    }
    // The sign-in steps: a code, and proof-up for a user without a method.
    pages.set(
      '/signin/step (code)',
      await (await signIn(t, 'mfa@contoso.com')).page('/signin/step'),
    );
    const proofup = await signIn(t, 'new@contoso.com');
    await visit('proof-up', proofup, '/signin/step');
    pages.set(
      '/signin/proofup (enrol)',
      await proofup.submit('/signin/proofup', { method: 'PhoneAppOTP' }),
    );
    // Security info's enrolment page, and a method's delete confirmation.
    await visit('user', user, '/security-info/add?method=PhoneAppOTP');
    await visit('user', user, `/security-info/methods/${method.id}/delete`);
    // Error pages: 404, 403, 415, 413, a form without its CSRF token, a bad request.
    const errors: [string, () => Response | Promise<Response>][] = [
      ['404', () => t.app.request('/nope')],
      [
        '403 (not an admin)',
        () =>
          t.app.request(
            new Request('http://localhost/admin/users', { headers: { cookie: cookie(user) } }),
          ),
      ],
      [
        '415',
        () =>
          t.app.request('/signin', {
            method: 'POST',
            body: 'x',
            headers: { 'content-type': 'text/plain' },
          }),
      ],
      [
        '413',
        () =>
          t.app.request('/signin', {
            method: 'POST',
            body: `a=${'x'.repeat(1 << 20)}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
      ],
      [
        '403 (CSRF)',
        () =>
          t.app.request('/security-info/password', {
            method: 'POST',
            body: 'current=x',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(user) },
          }),
      ],
      [
        '400',
        () =>
          t.app.request('/signin/verify', {
            method: 'POST',
            headers: { 'content-type': 'multipart/form-data; boundary=x' },
            body: '--x\r\nbroken',
          }),
      ],
    ];
    for (const [name, send] of errors) {
      const res = await send();
      pages.set(`error ${name} (${res.status})`, { res, html: await res.text() });
    }
  });
  after(() => t.close());

  const cookie = (b: FormClient) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  it('checks the pages that matter (found from the routes, as each caller)', () => {
    const seen = [...pages.keys()].join('\n');
    for (const page of [
      /^\/ as visitor \(200\)/m,
      /^\/ as user \(200\)/m,
      /^\/signin\/step \(code\)/m,
      /^\/signin\/step as proof-up \(200\)/m,
      /^\/signin\/proofup \(enrol\)/m,
      /^\/security-info as user \(200\)/m,
      /^\/security-info\/add\?method=PhoneAppOTP as user \(200\)/m,
      /^\/security-info\/password as user \(200\)/m,
      /^\/security-info\/methods\/[^/]+\/delete as user \(200\)/m,
      /^\/security-info\/app-passwords as user \(200\)/m,
      /^\/admin\/users as admin \(200\)/m,
      /^\/admin\/users\/plain@contoso.com as admin \(200\)/m,
      /^\/admin\/settings as admin \(200\)/m,
      /^\/admin\/bulk as admin \(200\)/m,
      /^\/admin\/logs\/audit as admin \(200\)/m,
      /^\/admin\/tokens as admin \(200\)/m,
      /^\/admin\/apps as admin \(200\)/m,
      /^\/authenticator as visitor \(200\)/m,
      /^\/_dev\/phone as admin \(200\)/m,
      /^error 404 \(404\)/m,
      /^error 403 \(not an admin\) \(403\)/m,
      /^error 415 \(415\)/m,
      /^error 413 \(413\)/m,
      /^error 403 \(CSRF\) \(403\)/m,
      /^error 400 \(400\)/m,
    ])
      assert.match(seen, page);
  });

  it('sends every HTML page with script-src self, frame-ancestors none, and no inline script', (tt) => {
    tt.diagnostic(`${pages.size} pages`);
    for (const [where, { res, html }] of pages) assertStrictPage(where, res, html);
  });

  it('sends no HSTS over http, and cookies without __Host- or Secure', async () => {
    const b = await signIn(t, 'plain@contoso.com');
    const res = await t.app.request('/', { headers: { cookie: cookie(b) } });
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.deepEqual([...b.cookies.keys()].sort(), ['portcullis', 'portcullis-csrf']);
    const set = (await t.app.request('/')).headers.getSetCookie();
    assert.ok(set.length > 0);
    for (const c of set) assert.doesNotMatch(c, /;\s*Secure/i, c);
  });
});

describe('over https: HSTS on every answer, __Host- cookies', () => {
  let t: TestApp;
  const BASE = 'https://login.contoso.com';
  /** Every Set-Cookie the app sent during a test. */
  const setCookies: string[] = [];
  const fetcher = async (r: Request) => {
    const res = await t.app.request(r);
    setCookies.push(...res.headers.getSetCookie());
    return res;
  };

  before(async () => {
    t = await createTestApp({ PORTCULLIS_PUBLIC_URL: BASE });
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'mfa@contoso.com', mfaState: 'Enforced' });
    const mfa = await t.ctx.stores.users.findByUpn('mfa@contoso.com');
    await addRegistration(t.ctx, mfa!.id, 'PhoneAppOTP', { ok: true, secret: SECRET, details: {} });
    await updateServiceSettings(t.ctx, { rememberDevicesEnabled: true, rememberDevicesDays: 7 });
  });
  after(() => t.close());

  it('sends Strict-Transport-Security (a year or more, subdomains) on pages, the API, errors and files', async () => {
    for (const path of [
      '/',
      '/admin/users',
      '/api/v1/users',
      '/nope',
      '/api/v1/nope',
      '/static/app.css',
      '/authenticator',
    ]) {
      const res = await t.app.request(`${BASE}${path}`);
      const hsts = res.headers.get('strict-transport-security') ?? '';
      const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1]);
      assert.ok(maxAge >= YEAR_S, `${path}: ${hsts}`);
      assert.match(hsts, /;\s*includeSubDomains/i, path);
    }
  });

  it('names every cookie __Host- with Secure, Path=/ and no Domain, through sign-in with MFA and a remembered device', async () => {
    const b = new FormClient(fetcher, BASE);
    await b.page('/');
    await b.submit('/signin', { username: 'mfa@contoso.com', password: PASSWORD });
    t.clock.advance(30_000);
    await b.submit('/signin/verify', { code: codeAt(SECRET, t.clock.now()), remember: 'on' });
    await b.page('/security-info');
    await b.post('/signout', {});
    const names = new Set(setCookies.map((c) => c.split('=')[0]!));
    for (const name of ['__Host-portcullis', '__Host-portcullis-csrf', '__Host-portcullis-device'])
      assert.ok(names.has(name), `${name} was set (${[...names].join(', ')})`);
    for (const c of setCookies) {
      assert.match(c, /^__Host-/, c);
      assert.match(c, /;\s*Secure/i, c);
      assert.match(c, /;\s*Path=\/(;|$)/i, c);
      assert.doesNotMatch(c, /;\s*Domain=/i, c);
      // (A cookie being cleared carries nothing to protect.)
      if (!/^[^=]+=;/.test(c)) assert.match(c, /;\s*HttpOnly/i, c);
    }
  });

  it('keeps the strict policy on https pages', async () => {
    const b = new FormClient((r) => t.app.request(r), BASE);
    for (const path of ['/', '/nope']) {
      const { res, html } = await b.page(path);
      assertStrictPage(path, res, html);
    }
  });
});

describe("oidc-provider's own pages: the same headers", () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof serveWithOidc>>;
  let base: string;
  const PUBLIC = 'https://login.contoso.com';
  const REDIRECT = 'https://wiki.contoso.com/cb';
  let clientId: string;
  /** A path on the test server for a URL oidc-provider wrote with the public URL. */
  const local = (url: string) => {
    const u = new URL(url, PUBLIC);
    return `${u.pathname}${u.search}`;
  };
  const html = { accept: 'text/html' };

  before(async () => {
    t = await createTestApp({ PORTCULLIS_PUBLIC_URL: PUBLIC });
    await t.addUser({ upn: 'pat@contoso.com' });
    clientId = (
      await createOidcApp(t.ctx, { name: 'Wiki', redirectUris: [REDIRECT], firstParty: true })
    ).application.id;
    server = await serveWithOidc(t.ctx);
    base = server.base;
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('sends its error page and its self-sending forms with a strict policy and HSTS', async () => {
    // Signing out without a session is a form that sends itself (form_post's script).
    for (const [path, hashed] of [
      ['/oidc/auth?client_id=nope', false],
      ['/oidc/session/end', true],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: html });
      assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
      assertStrictPage(path, res, await res.text(), hashed);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=31536000/, path);
    }
    const discovery = await fetch(`${base}/.well-known/openid-configuration`);
    assert.equal(discovery.status, 200);
    assert.ok(discovery.headers.get('strict-transport-security'));
  });

  it('allows form_post its one inline script by hash; asks about signing out without one', async () => {
    const b = new FormClient(fetch, base);
    await b.page('/');
    await b.submit('/signin', { username: 'pat@contoso.com', password: PASSWORD });
    const query = new URLSearchParams({
      client_id: clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      response_mode: 'form_post',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'st',
      nonce: 'n',
    });
    let res = await b.get(`/oidc/auth?${query}`);
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++)
      res = await b.get(local(res.headers.get('location')!));
    assert.equal(res.status, 200);
    assert.match(b.lastHtml, new RegExp(`<form method="post" action="${REDIRECT}"`));
    assert.match(b.lastHtml, /<script>/, 'form_post submits itself with an inline script');
    assertStrictPage('form_post', res, b.lastHtml, true);
    // Signed in at the provider now: the sign-out question (logoutSource), no script at all.
    const question = await b.get('/oidc/session/end');
    assert.match(b.lastHtml, /Do you also want to sign out of Portcullis/);
    assertStrictPage('sign-out question', question, b.lastHtml);
  });
});
