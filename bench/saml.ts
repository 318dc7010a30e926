// `npm run bench` (part 5): SAML sign-ons beside OpenID Connect code-flow
// sign-ins, against a real `portcullis serve`. Each of the concurrent
// "browsers" signs in once with a password; then, in its session (single
// sign-on, the usual case):
// - SAML: an SP-initiated HTTP-Redirect AuthnRequest, signed by the service
//   provider (RSA-SHA256 over the query), is checked, kept, and answered
//   with a signed Response carrying a signed assertion (the POST page);
// - OpenID Connect: an authorization request (PKCE) answered with a code,
//   redeemed at the token endpoint for an RS256-signed ID token.
// Measures and prints; asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (16),
// PORTCULLIS_WORKERS (auto), PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import { randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createOidcApp } from '../src/services/applications.ts';
import { createSamlApp } from '../src/services/saml-apps.ts';
import { createUser } from '../src/services/users.ts';
import { selfSignedPair } from '../test/helpers/certificates.ts';
import { measure, printTable, type Result, resultCells, WARMUP_MS } from './measure.ts';
import { browse, type Call, codeFlow, cookieJar, type Target } from './oidc-signin.ts';
import { benchEnvironment, startBenchServer } from './setup.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const SP = 'https://wiki.bench.example/saml';
const ACS = `${SP}/acs`;
const credentials = { username: 'bench@bench.example', password: 'benchmark password 1' };

/** The service provider's signing key and certificate, made as an administrator makes them (openssl). */
function serviceProviderKeys(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sp-'));
  try {
    return selfSignedPair(dir, 'wiki');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const { key: spKey, cert: spCert } = serviceProviderKeys();

const { env, cleanup } = benchEnvironment();
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const web = await createOidcApp(ctx, {
  name: 'bench web',
  redirectUris: [REDIRECT_URI],
  firstParty: true,
});
await createSamlApp(ctx, {
  name: 'bench wiki',
  entityId: SP,
  acsUrls: [ACS],
  signingCertificates: [spCert],
});
await createUser(ctx, {
  upn: credentials.username,
  password: credentials.password,
  mfaState: 'Disabled',
});
await ctx.db.destroy();

const { server, port, stop } = await startBenchServer(env);
const target: Target = {
  port,
  agent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
};

/** An AuthnRequest by HTTP-Redirect, signed as mod_auth_mellon signs it. */
function authnRequestUrl(): string {
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${config.publicUrl}/saml/sso" AssertionConsumerServiceURL="${ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${SP}</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" AllowCreate="true"/></samlp:AuthnRequest>`;
  const enc = encodeURIComponent;
  const q = `SAMLRequest=${enc(deflateRawSync(xml).toString('base64'))}&RelayState=bench&SigAlg=${enc('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`;
  return `/saml/sso?${q}&Signature=${enc(sign('sha256', Buffer.from(q), spKey).toString('base64'))}`;
}
const answered = (r: { status: number; body: string }) =>
  r.status === 200 && r.body.includes('name="SAMLResponse"');

// One signed-in browser per loop (its first sign-on signs in with the password).
const browsers: Call[] = await Promise.all(
  Array.from({ length: concurrency }, async () => {
    const call = cookieJar(target);
    await browse(call, await call('GET', authnRequestUrl()), answered, credentials);
    return call;
  }),
);
const opts = { pid: server.pid, seconds, concurrency };
const saml = await measure(opts, async (n) => {
  const call = browsers[n]!;
  return answered(await browse(call, await call('GET', authnRequestUrl()), answered, credentials));
});
const client = { id: web.application.id, secret: web.clientSecret, redirectUri: REDIRECT_URI };
const oidc = await measure(opts, async (n) => {
  const { status, tokens } = await codeFlow(target, browsers[n]!, client, credentials);
  return status === 200 && !!tokens.id_token;
});
target.agent.destroy();
await stop();
cleanup();

const rows: [string, Result][] = [
  ['SAML: signed AuthnRequest (Redirect) → signed Response (POST)', saml],
  ['OpenID Connect: authorization code → ID token', oidc],
];
const head = [
  'sign-on in an existing session',
  'per second',
  'p50',
  'p99',
  'CPU/sign-on',
  'cores used',
  'failed',
];
const cells = rows.map(([what, r]) => [what, ...resultCells(r)]);
console.log('\nPortcullis benchmark: SAML sign-ons beside OpenID Connect code-flow sign-ins');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive browsers, each signed in once (password), then sign-ons in that session; ${seconds} s after ${WARMUP_MS / 1000} s warm-up each; SAML: RSA-SHA256 request signature checked, response and assertion signed (RSA-2048, exclusive c14n); OpenID Connect: PKCE, RS256 ID token; Portcullis workers: ${config.workers} (PORTCULLIS_WORKERS)\n`,
);
printTable(head, cells);
process.exit(0);
