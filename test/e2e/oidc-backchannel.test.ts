import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createOidcApp } from '../../src/services/applications.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, newBrowser, type Person, REDIRECT } from '../helpers/oidc-person.ts';
import { databaseWithIssuer, type OidcApp, oauthError } from '../helpers/oidc-rp.ts';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';

// OpenID Connect Back-Channel Logout 1.0: an application that registered a
// back-channel logout URI (a real HTTP endpoint here) is sent a signed logout
// token when the Portcullis session it signed in from ends — by the person's
// sign-out, or an administrator blocking them.
describe('OpenID Connect: back-channel logout', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let rp: http.Server;
  let wiki: OidcApp;
  let quiet: OidcApp;
  /** Logout tokens the application's endpoint received, in order. */
  const received: string[] = [];
  let n = 0;

  async function person(): Promise<Person> {
    const p = { upn: `user${++n}@contoso.com`, password: `password of user ${n}` };
    await createUser(server.ctx, { ...p, mfaState: 'Disabled' });
    return p;
  }
  /** Signs in to `app` in browser `b`: the ID token's claims, and the access token. */
  async function signIn(b: ReturnType<typeof newBrowser>, app: OidcApp, p: Person) {
    const config = await discover(issuer, app.id, app.clientSecret);
    const tokens = await (await authorize(b, config, p)).tokens();
    return { config, claims: tokens.claims()!, access: tokens.access_token };
  }
  /** Waits until `count` logout tokens have arrived (the runner looks every second). */
  async function tokensArrived(count: number) {
    for (let i = 0; i < 100 && received.length < count; i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.equal(received.length, count, 'logout tokens received');
  }
  async function verified(token: string, audience: string) {
    assert.equal(decodeProtectedHeader(token).typ, 'logout+jwt');
    const jwks = createRemoteJWKSet(new URL(`${issuer}/oidc/jwks`));
    const { payload } = await jwtVerify(token, jwks, { issuer, audience });
    assert.deepEqual(payload.events, { [EVENT]: {} });
    assert.equal(payload.nonce, undefined, 'a logout token has no nonce');
    assert.ok(payload.jti);
    return payload;
  }

  before(async () => {
    rp = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        const token = new URLSearchParams(body).get('logout_token');
        if (req.method === 'POST' && token) received.push(token);
        res.writeHead(200, { 'cache-control': 'no-store' });
        res.end();
      });
    });
    await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
    const logoutUri = `http://127.0.0.1:${(rp.address() as net.AddressInfo).port}/backchannel`;
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    const add = async (name: string, backchannelLogoutUri?: string) => {
      const { application, clientSecret } = await createOidcApp(server.ctx, {
        name,
        redirectUris: [REDIRECT],
        firstParty: true,
        ...(backchannelLogoutUri ? { backchannelLogoutUri } : {}),
      });
      return { id: application.id, clientSecret };
    };
    wiki = await add('Wiki', logoutUri);
    quiet = await add('Intranet');
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => rp?.close(resolve));
    await db?.drop();
  });

  it('discovery says back-channel logout, with session ids, is supported', async () => {
    const meta = (await discover(issuer, wiki.id, wiki.clientSecret)).serverMetadata();
    assert.equal(meta.backchannel_logout_supported, true);
    assert.equal(meta.backchannel_logout_session_supported, true);
  });

  it("signing out of Portcullis in one browser tells the application that browser's session ended, not the other's", async () => {
    received.length = 0;
    const ann = await person();
    const first = newBrowser(issuer);
    const second = newBrowser(issuer);
    const one = await signIn(first, wiki, ann);
    const two = await signIn(second, wiki, ann);
    await signIn(first, quiet, ann);
    assert.ok(one.claims.sid && two.claims.sid && one.claims.sid !== two.claims.sid);
    await first.page('/');
    assert.equal((await first.post('/signout', {})).status, 303);
    await tokensArrived(1);
    const payload = await verified(received[0]!, wiki.id);
    assert.equal(payload.sub, one.claims.sub);
    assert.equal(payload.sid, one.claims.sid, "the signed-out browser's session");
    // Its grant went with it (what it issued no longer works); the other browser's stays.
    await assert.rejects(
      client.fetchUserInfo(one.config, one.access, one.claims.sub),
      (e) => oauthError(e) === 'invalid_token',
    );
    assert.equal(
      (await client.fetchUserInfo(two.config, two.access, two.claims.sub)).sub,
      two.claims.sub,
    );
    // The application without a URI was told nothing, and nothing more came.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(received.length, 1);
  });

  it('an administrator blocking the user tells the application of every session, once each', async () => {
    received.length = 0;
    const bo = await person();
    const sids = [];
    for (const b of [newBrowser(issuer), newBrowser(issuer)])
      sids.push((await signIn(b, wiki, bo)).claims.sid);
    await setBlocked(server.ctx, { name: 'test', ip: null, personalData: true }, bo.upn, true);
    await tokensArrived(2);
    const told = await Promise.all(received.map((t) => verified(t, wiki.id)));
    assert.deepEqual(told.map((p) => p.sid).sort(), [...sids].sort());
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(received.length, 2, 'told once per session');
  });

  it('RP-initiated logout with "Yes, sign me out" tells it too', async () => {
    received.length = 0;
    const cy = await person();
    const b = newBrowser(issuer);
    const { claims, config } = await signIn(b, wiki, cy);
    const { html } = await b.page(
      client.buildEndSessionUrl(config, { client_id: wiki.id }).href.slice(issuer.length),
    );
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(xsrf, html.slice(0, 300));
    const action =
      /id="op.logoutForm"[^>]*action="([^"]+)"|action="([^"]+)"[^>]*id="op.logoutForm"/.exec(html);
    const to = new URL((action?.[1] ?? action?.[2])!, issuer);
    await b.post(to.pathname, { xsrf, logout: 'yes' }, { csrf: false });
    await tokensArrived(1);
    assert.equal((await verified(received[0]!, wiki.id)).sid, claims.sid);
  });
});
