import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { FormClient } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { databaseWithIssuer, oauthError } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

// A real relying party (openid-client) against a real `portcullis serve`.
describe('OpenID Connect provider: discovery, keys, machine clients, bad requests', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let issuer: string;
  let machine: { id: string; clientSecret: string };
  let web: { id: string; clientSecret: string };
  const discover = (id: string, secret: string) =>
    client.discovery(new URL(issuer), id, undefined, client.ClientSecretBasic(secret), {
      execute: [client.allowInsecureRequests],
    });

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' }));
    const add = async (args: string[]) => {
      const r = await runCli(['app', 'add', ...args, '--json'], db.env);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { id: string; clientSecret: string };
    };
    machine = await add(['--name', 'Reporting job', '--machine']);
    web = await add(['--name', 'Wiki', '--redirect-uri', 'https://wiki.example.com/cb']);
    server = await startServerProcess(db.env);
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('publishes discovery at the issuer root, endpoints under /oidc, PKCE S256 only, and public keys only', async () => {
    const config = await discover(machine.id, machine.clientSecret);
    const meta = config.serverMetadata();
    assert.equal(meta.issuer, issuer);
    assert.equal(meta.token_endpoint, `${issuer}/oidc/token`);
    assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(meta.response_types_supported, ['code']);
    // Every published URL is the public one, whatever Host or X-Forwarded-* a client sends.
    const spoofed = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      })
    ).json()) as Record<string, unknown>;
    for (const [k, v] of Object.entries(spoofed))
      if (typeof v === 'string' && /^https?:/.test(v))
        assert.ok(v.startsWith(issuer), `${k}: ${v}`);
    assert.deepEqual(meta.id_token_signing_alg_values_supported, ['RS256', 'ES256']);
    const jwks = (await (await fetch(meta.jwks_uri!)).json()) as { keys: Record<string, string>[] };
    assert.deepEqual(
      jwks.keys.map((k) => [k.alg, k.kty, k.crv ?? null]),
      [
        ['RS256', 'RSA', null],
        ['ES256', 'EC', 'P-256'],
      ],
    );
    for (const key of jwks.keys)
      for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(!(k in key), `no ${k}`);
  });

  it('machine client: client credentials, introspection, revocation', async () => {
    const config = await discover(machine.id, machine.clientSecret);
    const tokens = await client.clientCredentialsGrant(config);
    assert.ok(tokens.access_token);
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    const live = await client.tokenIntrospection(config, tokens.access_token);
    assert.equal(live.active, true);
    assert.equal(live.client_id, machine.id);
    await client.tokenRevocation(config, tokens.access_token);
    assert.equal((await client.tokenIntrospection(config, tokens.access_token)).active, false);
  });

  it('refuses a wrong client secret, an unknown client, and a web client asking for client credentials', async () => {
    await assert.rejects(
      client.clientCredentialsGrant(await discover(machine.id, 'not the secret')),
      (e) => oauthError(e) === 'invalid_client',
    );
    await assert.rejects(
      client.clientCredentialsGrant(await discover('app-000000000000', 'x')),
      (e) => oauthError(e) === 'invalid_client',
    );
    await assert.rejects(
      client.clientCredentialsGrant(await discover(web.id, web.clientSecret)),
      (e) =>
        oauthError(e) === 'invalid_request' &&
        /grant type is not allowed/.test(
          (e as { error_description?: string }).error_description ?? '',
        ),
    );
  });

  it('never redirects to an unregistered URI, refuses plain PKCE, and answers junk with protocol errors, not 500', async () => {
    const auth = (q: Record<string, string>) =>
      fetch(`${issuer}/oidc/auth?${new URLSearchParams(q)}`, { redirect: 'manual' });
    const base = {
      client_id: web.id,
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    };
    const evil = await auth({ ...base, redirect_uri: 'https://evil.example.com/cb' });
    assert.equal(evil.status, 400);
    assert.equal(evil.headers.get('location'), null);
    assert.match(await evil.text(), /redirect_uri/);
    const unknown = await auth({
      ...base,
      client_id: 'app-ffffffffffff',
      redirect_uri: 'https://wiki.example.com/cb',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.headers.get('location'), null);
    // Plain PKCE is refused: the error goes back to the registered redirect URI.
    const plain = await auth({
      ...base,
      redirect_uri: 'https://wiki.example.com/cb',
      code_challenge_method: 'plain',
    });
    const back = new URL(plain.headers.get('location') ?? 'http://x/');
    assert.equal(back.origin + back.pathname, 'https://wiki.example.com/cb');
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    for (const bad of [
      fetch(`${issuer}/oidc/token`, {
        method: 'POST',
        body: 'grant_type=nope',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      fetch(`${issuer}/oidc/token`, {
        method: 'POST',
        body: '{{{',
        headers: { 'content-type': 'application/json' },
      }),
      fetch(`${issuer}/oidc/me`, { headers: { authorization: 'Bearer garbage' } }),
      fetch(`${issuer}/oidc/token/introspection`, { method: 'POST' }),
    ]) {
      const res = await bad;
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
    }
  });
});

describe('OpenID Connect code flow with PKCE through the Portcullis sign-in', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let issuer: string;
  let firstParty: { id: string; clientSecret: string };
  let thirdParty: { id: string; clientSecret: string };
  let es256: { id: string; clientSecret: string };
  const REDIRECT = 'https://rp.example.com/cb';

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' }));
    const add = async (args: string[]) => {
      const r = await runCli(['app', 'add', ...args, '--json'], db.env);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { id: string; clientSecret: string };
    };
    firstParty = await add(['--name', 'Intranet', '--redirect-uri', REDIRECT, '--first-party']);
    thirdParty = await add(['--name', 'Partner portal', '--redirect-uri', REDIRECT]);
    es256 = await add([
      ...['--name', 'Modern app', '--redirect-uri', REDIRECT, '--first-party'],
      ...['--id-token-alg', 'es256'],
    ]);
    const user = await runCli(
      ['user', 'add', 'dora@contoso.com', '--display-name', 'Dora', '--password-stdin'],
      db.env,
      'dora password 1',
    );
    assert.equal(user.code, 0, user.stderr);
    server = await startServerProcess(db.env);
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** Runs the browser part: follows same-origin redirects, signs in, consents; returns the callback URL. */
  async function browse(
    clientId: string,
    clientSecret: string,
    opts: { consent?: 'allow' | 'deny' } = {},
  ) {
    const config = await client.discovery(
      new URL(issuer),
      clientId,
      undefined,
      client.ClientSecretBasic(clientSecret),
      { execute: [client.allowInsecureRequests] },
    );
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile email offline_access',
      prompt: 'consent',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const b = new FormClient((r) => fetch(r), issuer);
    let res = await b.get(authUrl.pathname + authUrl.search);
    for (let i = 0; i < 20; i++) {
      const location = res.headers.get('location');
      if (location?.startsWith(REDIRECT))
        return { config, verifier, state, callback: new URL(location) };
      if (location) {
        const next = new URL(location, issuer);
        res = await b.get(next.pathname + next.search);
        continue;
      }
      if (/name="password"/.test(b.lastHtml)) {
        res = await b.post('/signin', {
          username: 'dora@contoso.com',
          password: 'dora password 1',
          rd: /name="rd" value="([^"]+)"/.exec(b.lastHtml)![1]!.replace(/&amp;/g, '&'),
        });
        continue;
      }
      if (/name="decision"/.test(b.lastHtml)) {
        const action = /<form method="post" action="([^"]+)"/.exec(b.lastHtml)![1]!;
        res = await b.post(action, { decision: opts.consent ?? 'allow' });
        continue;
      }
      throw new Error(`stuck at ${res.status}: ${b.lastHtml.slice(0, 300)}`);
    }
    throw new Error('too many redirects');
  }

  it('signs in through Portcullis, gets a code, tokens with amr/acr signed by the JWKS key, userinfo, refresh with rotation, revocation', async () => {
    const { config, verifier, state, callback } = await browse(
      firstParty.id,
      firstParty.clientSecret,
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const claims = tokens.claims()!;
    assert.equal(claims.iss, issuer);
    // The ID token's signature checks out against the published keys.
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const verified = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: firstParty.id });
    assert.equal(verified.protectedHeader.alg, 'RS256');
    assert.deepEqual(claims.amr, ['pwd']);
    assert.equal(claims.acr, 'urn:portcullis:acr:1fa');
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.preferred_username, 'dora@contoso.com');
    assert.equal(info.name, 'Dora');
    assert.ok(tokens.refresh_token);
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'rotated');
    assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, true);
    await client.tokenRevocation(config, refreshed.access_token);
    assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, false);
    await assert.rejects(
      client.refreshTokenGrant(config, tokens.refresh_token!),
      'the old refresh token is spent',
    );
  });

  it('signs ID tokens with ES256 for a client set to it, with the published EC key', async () => {
    const { config, verifier, state, callback } = await browse(es256.id, es256.clientSecret);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const verified = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: es256.id });
    assert.equal(verified.protectedHeader.alg, 'ES256');
    // And back to RS256 when the client is changed.
    const set = await runCli(['app', 'set', es256.id, '--id-token-alg', 'RS256', '--json'], db.env);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(
      (JSON.parse(set.stdout) as { idTokenSigningAlg: string }).idTokenSigningAlg,
      'RS256',
    );
    const bad = await runCli(['app', 'set', es256.id, '--id-token-alg', 'HS256'], db.env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /RS256 or ES256/);
    await new Promise((r) => setTimeout(r, 1100)); // clients are cached for a second
    const again = await browse(es256.id, es256.clientSecret);
    const next = await client.authorizationCodeGrant(again.config, again.callback, {
      pkceCodeVerifier: again.verifier,
      expectedState: again.state,
    });
    assert.equal(decodeProtectedHeader(next.id_token!).alg, 'RS256');
  });

  it('answers a stray query on the resume endpoint without a 500', async () => {
    // oidc-provider's error handler reads parameters resume never parsed when the query
    // names a client with one redirect URI (found by test/http/fuzz.test.ts).
    const res = await fetch(`${issuer}/oidc/auth/abc?client_id=${firstParty.id}&app`, {
      redirect: 'manual',
    });
    assert.ok(res.status < 500, `status ${res.status}`);
  });

  it('writes no stack trace when a client goes away in the middle of a request', async () => {
    // Koa (under oidc-provider) printed the socket's "Parse Error" to stderr, found by
    // test/e2e/hostile-ports.test.ts: a body cut short, then the connection closed.
    for (const path of ['/oidc/token', '/oidc/token/introspection']) {
      const sock = net.connect(server.port, '127.0.0.1');
      sock.on('error', () => {});
      await once(sock, 'connect');
      sock.end(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          'Content-Length: 100\r\n\r\ngrant_type=',
      );
      sock.resume();
      await once(sock, 'close');
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.doesNotMatch(server.output(), /Parse Error|^\s+at |OpenID Connect request failed/m);
    assert.equal((await fetch(`${issuer}/.well-known/openid-configuration`)).status, 200);
  });

  it('an authorization code works once; reusing it fails and revokes what it gave', async () => {
    const { config, verifier, state, callback } = await browse(
      firstParty.id,
      firstParty.clientSecret,
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    await assert.rejects(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      }),
    );
    assert.equal((await client.tokenIntrospection(config, tokens.access_token)).active, false);
  });

  it('two racing redemptions of one code: exactly one succeeds', async () => {
    const { config, verifier, state, callback } = await browse(
      firstParty.id,
      firstParty.clientSecret,
    );
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: verifier,
          expectedState: state,
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });

  it('two racing refreshes of one refresh token: exactly one gets new tokens', async () => {
    const { config, verifier, state, callback } = await browse(
      firstParty.id,
      firstParty.clientSecret,
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => client.refreshTokenGrant(config, tokens.refresh_token!)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, 'one rotation');
    // The losers presented a spent token: reuse revokes what the grant gave.
    const fresh = (won[0] as PromiseFulfilledResult<client.TokenEndpointResponse>).value;
    assert.equal((await client.tokenIntrospection(config, fresh.access_token)).active, false);
  });

  it('a third-party application asks for consent; denying sends access_denied back', async () => {
    const allowed = await browse(thirdParty.id, thirdParty.clientSecret, { consent: 'allow' });
    assert.ok(allowed.callback.searchParams.get('code'));
    const denied = await browse(thirdParty.id, thirdParty.clientSecret, { consent: 'deny' });
    assert.equal(denied.callback.searchParams.get('error'), 'access_denied');
  });
});
