import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { FormClient } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { addOidcApp, type OidcApp, oauthError } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

/**
 * The issuer: the public URL of a load balancer in front of two nodes. Nothing
 * listens there (a .test name never resolves), so every request in this file
 * must go through `via(node)`, which picks the node explicitly — a request that
 * slipped past it would fail, not quietly land on some node.
 */
const PUBLIC_URL = 'http://sso.portcullis.test';
const REDIRECT = 'https://rp.example.com/cb';

// Two `portcullis serve` processes on one database (a PostgreSQL schema, or
// one SQLite file in WAL mode), started with the same environment: the same
// PORTCULLIS_PUBLIC_URL (so the same issuer in every token) and the same
// secret key (so the same oidc-provider cookie keys). Each node listens on its
// own loopback port. The load balancer is played by `via(node)`: it sends a
// request for the public URL to that node with X-Forwarded-Host/-Proto, as a
// real one would; oidc-provider runs with proxy = true, so each node answers as
// the public URL. Everything a node needs from another — codes, grants,
// refresh tokens, signing keys — must come from the database.
describe(`OpenID Connect on two server processes, one ${onPostgres ? 'PostgreSQL' : 'SQLite'} database`, () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let app: OidcApp;
  let userId: string;
  /** Which node served what, as "A POST /oidc/token". */
  const served: string[] = [];

  /** The load balancer, pinned to one node: `fetch` for requests to the public URL. */
  const via =
    (node: ServerProcess, name: string) =>
    async (input: string | Request, init?: client.CustomFetchOptions): Promise<Response> => {
      const req = new Request(input, init as RequestInit | undefined);
      const url = new URL(req.url);
      assert.equal(url.origin, PUBLIC_URL, `a request for ${url.origin} reached the load balancer`);
      const headers = new Headers(req.headers);
      headers.set('x-forwarded-host', url.host);
      headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
      served.push(`${name} ${req.method} ${url.pathname}`);
      return fetch(new URL(url.pathname + url.search, node.url), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer(),
        redirect: 'manual',
      });
    };
  const nodes = () => ({ A: via(a, 'A'), B: via(b, 'B') });

  /** The relying party, talking to the public URL through the load balancer pinned to `node`. */
  const rpVia = (node: 'A' | 'B') =>
    client.discovery(
      new URL(PUBLIC_URL),
      app.id,
      undefined,
      client.ClientSecretBasic(app.clientSecret),
      { execute: [client.allowInsecureRequests], [client.customFetch]: nodes()[node] },
    );

  /** Which nodes served requests to `path` since `since` (an index into `served`). */
  const servedBy = (since: number, path: string) =>
    served
      .slice(since)
      .filter((s) => s.endsWith(` ${path}`))
      .map((s) => s.split(' ')[0]);

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_PUBLIC_URL: PUBLIC_URL,
    });
    app = await addOidcApp(
      ['--name', 'Intranet', '--redirect-uri', REDIRECT, '--first-party'],
      db.env,
    );
    const user = await runCli(
      ['user', 'add', 'carla@contoso.com', '--display-name', 'Carla', '--password-stdin'],
      db.env,
      'carla password 1',
    );
    assert.equal(user.code, 0, user.stderr);
    const got = await runCli(['user', 'get', 'carla@contoso.com', '--json'], db.env);
    userId = (JSON.parse(got.stdout) as { id: string }).id;
    assert.ok(userId);
    // One after the other, as a rolling deployment would: the first makes the
    // signing key, the second finds it in the database.
    a = await startServerProcess(db.env);
    b = await startServerProcess(db.env);
    assert.notEqual(a.port, b.port);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  /** Signs in (password) through the load balancer pinned to node A; returns the callback. */
  async function signInOnA() {
    const config = await rpVia('A');
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile offline_access',
      prompt: 'consent',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const browser = new FormClient(nodes().A, PUBLIC_URL);
    let res = await browser.get(authUrl.pathname + authUrl.search);
    for (let i = 0; i < 20; i++) {
      const location = res.headers.get('location');
      if (location?.startsWith(REDIRECT))
        return { verifier, state, nonce, callback: new URL(location) };
      if (location) {
        const next = new URL(location, PUBLIC_URL);
        assert.equal(next.origin, PUBLIC_URL, `redirected to ${location}`);
        res = await browser.get(next.pathname + next.search);
        continue;
      }
      if (/name="password"/.test(browser.lastHtml)) {
        res = await browser.post('/signin', {
          username: 'carla@contoso.com',
          password: 'carla password 1',
          rd: /name="rd" value="([^"]+)"/.exec(browser.lastHtml)![1]!.replace(/&amp;/g, '&'),
        });
        continue;
      }
      throw new Error(`stuck at ${res.status}: ${browser.lastHtml.slice(0, 300)}`);
    }
    throw new Error('too many redirects');
  }

  const jwksOf = async (node: ServerProcess) => {
    const res = await fetch(`${node.url}/oidc/jwks`);
    assert.equal(res.status, 200);
    return (await res.json()) as JSONWebKeySet;
  };

  it('both nodes publish the same discovery document and the same keys (from the database)', async () => {
    const [metaA, metaB] = (await Promise.all([rpVia('A'), rpVia('B')])).map((c) =>
      c.serverMetadata(),
    );
    assert.equal(metaA!.issuer, PUBLIC_URL);
    // The endpoints are the public URL's (X-Forwarded-Host is trusted), on both nodes.
    assert.equal(metaA!.token_endpoint, `${PUBLIC_URL}/oidc/token`);
    assert.deepEqual(metaB, metaA);
    const [jwksA, jwksB] = await Promise.all([jwksOf(a), jwksOf(b)]);
    assert.ok(jwksA.keys.length >= 1);
    assert.deepEqual(jwksA.keys.map((k) => k.kty).sort(), ['EC', 'RSA'], 'one key of each kind');
    assert.ok(jwksA.keys.every((k) => k.kid));
    assert.deepEqual(jwksB, jwksA);
  });

  it('signs in on A, redeems the code on B, refreshes on A, userinfo on B; a spent refresh token on B ends the grant on A', async () => {
    const { verifier, state, nonce, callback } = await signInOnA();
    const [configA, configB] = await Promise.all([rpVia('A'), rpVia('B')]);
    // The sign-in (authorization, interaction, resume) was all A's.
    assert.ok(served.some((s) => s.startsWith('A GET /oidc/auth')));

    let mark = served.length;
    const tokens = await client.authorizationCodeGrant(configB, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    assert.deepEqual(servedBy(mark, '/oidc/token'), ['B'], 'the code was redeemed on B');
    // B signed the ID token with the key A publishes.
    const { payload } = await jwtVerify(tokens.id_token!, createLocalJWKSet(await jwksOf(a)), {
      issuer: PUBLIC_URL,
      audience: app.id,
    });
    assert.equal(payload.sub, userId);
    assert.equal(payload.nonce, nonce);
    assert.deepEqual(payload.amr, ['pwd']);

    mark = served.length;
    const refreshed = await client.refreshTokenGrant(configA, tokens.refresh_token!);
    assert.deepEqual(servedBy(mark, '/oidc/token'), ['A'], 'refreshed on A');
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'rotated');
    assert.equal(refreshed.claims()!.sub, userId);

    mark = served.length;
    const info = await client.fetchUserInfo(configB, refreshed.access_token, userId);
    assert.deepEqual(servedBy(mark, '/oidc/me'), ['B'], 'userinfo from B');
    assert.equal(info.preferred_username, 'carla@contoso.com');
    assert.equal(info.name, 'Carla');

    // The refresh token A rotated away is spent on B too; presenting it ends the grant everywhere.
    assert.equal((await client.tokenIntrospection(configA, refreshed.refresh_token!)).active, true);
    await assert.rejects(
      client.refreshTokenGrant(configB, tokens.refresh_token!),
      (e) => oauthError(e) === 'invalid_grant',
    );
    assert.equal(
      (await client.tokenIntrospection(configA, refreshed.refresh_token!)).active,
      false,
    );
    assert.equal((await client.tokenIntrospection(configA, refreshed.access_token)).active, false);
    await assert.rejects(
      client.fetchUserInfo(configA, refreshed.access_token, userId),
      (e) => oauthError(e) === 'invalid_token',
    );
  });

  it('a code redeemed on A is refused on B, and what A gave for it is revoked', async () => {
    const { verifier, state, nonce, callback } = await signInOnA();
    const [configA, configB] = await Promise.all([rpVia('A'), rpVia('B')]);
    const checks = { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce };
    const tokens = await client.authorizationCodeGrant(configA, callback, checks);
    assert.equal((await client.tokenIntrospection(configB, tokens.access_token)).active, true);
    await assert.rejects(
      client.authorizationCodeGrant(configB, callback, checks),
      (e) => oauthError(e) === 'invalid_grant',
    );
    assert.equal((await client.tokenIntrospection(configA, tokens.access_token)).active, false);
    assert.equal((await client.tokenIntrospection(configA, tokens.refresh_token!)).active, false);
  });

  it('one code raced on both nodes: exactly one redemption succeeds', async () => {
    const { verifier, state, nonce, callback } = await signInOnA();
    const [configA, configB] = await Promise.all([rpVia('A'), rpVia('B')]);
    const mark = served.length;
    const results = await Promise.allSettled(
      [configA, configB, configA, configB].map((config) =>
        client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: verifier,
          expectedState: state,
          expectedNonce: nonce,
        }),
      ),
    );
    assert.deepEqual(servedBy(mark, '/oidc/token').sort(), ['A', 'A', 'B', 'B']);
    assert.equal(
      results.filter((r) => r.status === 'fulfilled').length,
      1,
      results.map((r) => (r.status === 'rejected' ? oauthError(r.reason) : 'ok')).join(','),
    );
    for (const r of results)
      if (r.status === 'rejected') assert.equal(oauthError(r.reason), 'invalid_grant');
    for (const s of [a, b]) assert.doesNotMatch(s.output(), /"level":50/, 'no errors logged');
  });
});
