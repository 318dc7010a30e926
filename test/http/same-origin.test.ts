// Issue 15, finding 8: a second layer against cross-site request forgery. A
// state-changing browser request must come from Portcullis's own pages
// (Sec-Fetch-Site, Origin against PORTCULLIS_PUBLIC_URL), whatever CSRF token it
// carries; programs (API tokens, OpenID Connect clients, legacy fronts, the
// Authenticator) are not browsers on our pages and are not asked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../../src/crypto/hash.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createLegacyApp, createOidcApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { serveWithOidc } from '../helpers/oidc-server.ts';

const PUBLIC = 'https://login.contoso.com';
const PASSWORD = 'correct horse battery';
const CSRF_PAGE = /This form has expired or was not sent from this site/;

type Headers = Record<string, string>;
/** What browsers send with a form, by where the form was. */
const FROM = {
  ourPage: { 'sec-fetch-site': 'same-origin', origin: PUBLIC },
  typedByUser: { 'sec-fetch-site': 'none' },
  evilSite: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
} satisfies Record<string, Headers>;
/** Requests a browser sends on behalf of a page that is not ours. */
const FOREIGN: [string, Headers][] = [
  ['Sec-Fetch-Site: cross-site', FROM.evilSite],
  ['Sec-Fetch-Site: cross-site alone', { 'sec-fetch-site': 'cross-site' }],
  [
    'Sec-Fetch-Site: same-site',
    { 'sec-fetch-site': 'same-site', origin: 'https://wiki.contoso.com' },
  ],
  ['a foreign Origin alone (no Fetch Metadata)', { origin: 'https://evil.example' }],
  ['Origin: null (sandboxed frame)', { origin: 'null' }],
  ['our host over another scheme', { origin: 'http://login.contoso.com' }],
  ['our host on another port', { origin: 'https://login.contoso.com:8443' }],
  [
    'same-origin per Fetch Metadata, but not the public URL',
    {
      'sec-fetch-site': 'same-origin',
      origin: 'http://10.0.0.5:3000',
    },
  ],
  ['an unknown Sec-Fetch-Site value', { 'sec-fetch-site': 'sideways', origin: PUBLIC }],
];

/** A browser whose next requests (GETs too) carry the headers `from` sets. */
class Browser extends FormClient {
  private readonly sending: { headers: Headers };
  constructor(t: TestApp) {
    const sending = { headers: {} as Headers };
    super((req) => {
      for (const [k, v] of Object.entries(sending.headers)) req.headers.set(k, v);
      return t.app.request(req);
    });
    this.sending = sending;
  }
  from(headers: Headers): this {
    this.sending.headers = headers;
    return this;
  }
}

describe('state-changing browser requests must come from our own origin', () => {
  let t: TestApp;
  const browser = () => new Browser(t);
  const sessionOf = (b: FormClient) =>
    t.ctx.stores.sessions.find(sha256(b.cookies.get('__Host-portcullis') ?? ''), t.clock.now());
  /** Opens the sign-in page (as if arriving from anywhere) and posts the password `from`. */
  async function signInFrom(headers: Headers, upn = 'dora@contoso.com') {
    const b = browser().from(FROM.evilSite);
    const page = await b.page('/');
    assert.equal(page.res.status, 200, 'arriving by a link from another site is fine');
    const res = await b.from(headers).post('/signin', { username: upn, password: PASSWORD });
    return { b, res };
  }

  before(async () => {
    t = await createTestApp({ PORTCULLIS_PUBLIC_URL: PUBLIC });
    await t.addUser({ upn: 'dora@contoso.com', displayName: 'Dora Disabled' });
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
  });
  after(() => t.close());

  it('refuses a cross-site sign-in that carries a valid CSRF token and cookie, with the CSRF page', async () => {
    const { b, res } = await signInFrom(FROM.evilSite);
    assert.equal(res.status, 403);
    assert.match(textOf(await res.text()), CSRF_PAGE);
    assert.equal(await sessionOf(b), undefined, 'not signed in');
    // The same token and cookie, sent from our page: the token was good.
    await b.page('/');
    const again = await b.from(FROM.ourPage).post('/signin', {
      username: 'dora@contoso.com',
      password: PASSWORD,
    });
    assert.equal(again.status, 303);
    assert.ok((await sessionOf(b))?.user_id, 'signed in');
  });

  it('lets a form from our own page and a user-initiated request (Sec-Fetch-Site: none) through', async () => {
    for (const headers of [FROM.ourPage, FROM.typedByUser, { origin: PUBLIC }]) {
      const { b, res } = await signInFrom(headers);
      assert.equal(res.status, 303, JSON.stringify(headers));
      assert.ok((await sessionOf(b))?.user_id, JSON.stringify(headers));
    }
  });

  it('refuses same-site, foreign and null Origins, another scheme or port, and unknown values', async () => {
    for (const [what, headers] of FOREIGN) {
      const { b, res } = await signInFrom(headers);
      assert.equal(res.status, 403, what);
      assert.match(textOf(await res.text()), CSRF_PAGE, what);
      assert.equal(await sessionOf(b), undefined, what);
    }
  });

  it('without either header (curl, older browsers) the CSRF token decides, as before', async () => {
    const b = browser();
    await b.page('/');
    const forged = await b.post(
      '/signin',
      { username: 'dora@contoso.com', password: PASSWORD },
      {
        csrf: false,
      },
    );
    assert.equal(forged.status, 403, 'no token: refused');
    await b.page('/');
    const res = await b.post('/signin', { username: 'dora@contoso.com', password: PASSWORD });
    assert.equal(res.status, 303, 'the token alone still suffices');
    assert.ok((await sessionOf(b))?.user_id);
  });

  it("a signed-in user's session changes nothing from another site: sign-out, admin portal", async () => {
    const { b } = await signInFrom(FROM.ourPage, 'root@contoso.com');
    const session = await sessionOf(b);
    assert.ok(session?.user_id);
    await b.from(FROM.evilSite).page('/admin/tokens');
    const tokens = async () =>
      (await t.ctx.db.selectFrom('api_tokens').select('id').execute()).length;
    const before = await tokens();
    const made = await b.post('/admin/tokens', { name: 'forged', scope: 'read-write' });
    assert.equal(made.status, 403);
    assert.match(textOf(await made.text()), CSRF_PAGE);
    assert.equal(await tokens(), before, 'no token was created');
    await b.page('/');
    const out = await b.post('/signout', {});
    assert.equal(out.status, 403);
    assert.ok(await sessionOf(b), 'still signed in');
    // From our own page, both work.
    await b.from(FROM.ourPage).page('/admin/tokens');
    assert.equal((await b.post('/admin/tokens', { name: 'real', scope: 'read' })).status, 303);
    assert.equal(await tokens(), before + 1);
    await b.page('/');
    assert.equal((await b.post('/signout', {})).status, 303);
    assert.equal(await sessionOf(b), undefined, 'signed out');
  });

  describe('the admin API', () => {
    const newUser = (upn: string) =>
      JSON.stringify({ userPrincipalName: upn, password: 'a long password 1' });

    it("refuses an administrator's session from another site, even with its X-CSRF-Token (problem+json)", async () => {
      const { b } = await signInFrom(FROM.ourPage, 'root@contoso.com');
      const session = (await sessionOf(b))!;
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const post = (headers: Headers, upn: string) =>
        t.app.request('/api/v1/users', {
          method: 'POST',
          body: newUser(upn),
          headers: {
            cookie,
            'x-csrf-token': session.csrf_token,
            'content-type': 'application/json',
            ...headers,
          },
        });
      for (const [what, headers] of FOREIGN) {
        const res = await post(headers, 'forged@contoso.com');
        assert.equal(res.status, 403, what);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal(((await res.json()) as { code: string }).code, 'csrf_failed', what);
      }
      assert.equal(await t.ctx.stores.users.findByUpn('forged@contoso.com'), undefined);
      assert.equal((await post(FROM.ourPage, 'made@contoso.com')).status, 201);
      assert.equal((await post({}, 'made2@contoso.com')).status, 201, 'no headers: the token');
    });

    it('takes a Bearer token whatever Origin and Sec-Fetch-Site say (a program, not a page)', async () => {
      const { token } = await createApiToken(t.ctx, cliActor(), { name: 'ci' });
      for (const [i, [what, headers]] of FOREIGN.entries()) {
        const res = await t.app.request('/api/v1/users', {
          method: 'POST',
          body: newUser(`bearer${i}@contoso.com`),
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            ...headers,
          },
        });
        assert.equal(res.status, 201, `${what}: ${await res.clone().text()}`);
      }
    });
  });

  it('leaves the legacy fronts alone: a proxy passes on the headers of a request to another site', async () => {
    const app = await createLegacyApp(t.ctx, { name: 'Mail' });
    const basic = `Basic ${Buffer.from(`dora@contoso.com:${PASSWORD}`).toString('base64')}`;
    for (const [what, headers] of FOREIGN) {
      const res = await t.app.request(`/legacy/v1/verify?app=${app.id}`, {
        method: 'POST',
        headers: { authorization: basic, ...headers },
      });
      assert.equal(res.status, 200, what);
    }
  });
});

describe('OpenID Connect endpoints are not browser forms', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof serveWithOidc>>;
  let base: string;
  let client: { id: string; secret: string };
  const REDIRECT = 'https://wiki.contoso.com/cb';
  // RFC 7636 appendix B.
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  /** A path on the test server for a URL oidc-provider wrote with the public URL. */
  const local = (url: string) => {
    const u = new URL(url, PUBLIC);
    return `${u.pathname}${u.search}`;
  };

  before(async () => {
    t = await createTestApp({ PORTCULLIS_PUBLIC_URL: PUBLIC });
    await t.addUser({ upn: 'pat@contoso.com' });
    const made = await createOidcApp(t.ctx, {
      name: 'Wiki',
      redirectUris: [REDIRECT],
      firstParty: true,
    });
    client = { id: made.application.id, secret: made.clientSecret };
    server = await serveWithOidc(t.ctx);
    base = server.base;
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('the token endpoint answers a client whatever Sec-Fetch-Site says', async () => {
    const b = new FormClient(fetch, base);
    await b.page('/');
    await b.submit('/signin', { username: 'pat@contoso.com', password: PASSWORD });
    const query = new URLSearchParams({
      client_id: client.id,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      state: 'st',
      nonce: 'n',
    });
    let location = `/oidc/auth?${query}`;
    for (let i = 0; i < 10 && !location.startsWith(REDIRECT); i++) {
      const res = await b.get(local(location));
      assert.ok(res.status >= 300 && res.status < 400, `${location}: ${res.status}`);
      location = res.headers.get('location')!;
    }
    const code = new URL(location).searchParams.get('code');
    assert.ok(code, location);
    // A client's call, marked as cross-site: what the browser-form layer would refuse.
    // (An Origin header is oidc-provider's own CORS policy's to judge, per client.)
    const res = await fetch(`${base}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`,
        ).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      }),
    });
    const body = (await res.json()) as { id_token?: string; error?: string };
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.ok(body.id_token);
  });
});
