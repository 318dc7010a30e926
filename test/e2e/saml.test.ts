import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAML } from '@node-saml/node-saml';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { selfSignedPair } from '../helpers/certificates.ts';
import { runCli } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { type Person, playThrough } from '../helpers/oidc-person.ts';
import { databaseWithIssuer } from '../helpers/oidc-rp.ts';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SP_ENTITY = 'https://wiki.test/saml';
const ACS = 'https://wiki.test/saml/acs';
const EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const REFEDS_MFA = 'https://refeds.org/profile/mfa';

/** The hidden fields of the page that posts to the application. */
const posted = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
    ]),
  );
const classRefOf = (profile: { getAssertionXml?: () => string } | null | undefined) =>
  /<saml:AuthnContextClassRef>([^<]+)</.exec(profile?.getAssertionXml?.() ?? '')?.[1];
const postsTo = (html: string) =>
  /<form id="saml-post" method="post" action="([^"]+)"/.exec(html)?.[1];

// The SAML identity provider, with @node-saml/node-saml as the service
// provider (a library of its own: it builds and signs the requests, and
// checks our responses' signatures, audience, times and InResponseTo).
describe('SAML identity provider: sign-on with a node-saml service provider', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let dir: string;
  let sp: { key: string; cert: string };
  let appId: string;
  const mallory: Person = {
    upn: 'mallory@contoso.com',
    password: 'mallory password 1',
    secret: TOTP_SECRET,
  };

  /** The service provider, trusting the certificates our metadata publishes. */
  const serviceProvider = async (extra: Partial<ConstructorParameters<typeof SAML>[0]> = {}) => {
    const metadata = await (await fetch(`${issuer}/saml/metadata`)).text();
    const certs = [...metadata.matchAll(/<ds:X509Certificate>([^<]+)</g)].map((m) => m[1]!);
    return new SAML({
      entryPoint: `${issuer}/saml/sso`,
      issuer: SP_ENTITY,
      callbackUrl: ACS,
      audience: SP_ENTITY,
      idpIssuer: `${issuer}/saml/metadata`,
      idpCert: certs,
      privateKey: sp.key,
      publicCert: sp.cert,
      signatureAlgorithm: 'sha256',
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      identifierFormat: EMAIL,
      validateInResponseTo: 'ifPresent',
      // (node-saml asks for PasswordProtectedTransport, exactly, unless told not to.)
      disableRequestedAuthnContext: true,
      ...extra,
    } as ConstructorParameters<typeof SAML>[0]);
  };

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    dir = mkdtempSync(path.join(tmpdir(), 'saml-'));
    sp = selfSignedPair(dir, 'wiki');
    const { id } = await createUser(server.ctx, {
      upn: mallory.upn,
      displayName: 'Mallory Manager',
      password: mallory.password,
      mfaState: 'Enforced',
    });
    await addRegistration(server.ctx, id, 'PhoneAppOTP', {
      ok: true,
      secret: TOTP_SECRET,
      details: {},
    });
    const spMetadata = (await serviceProvider()).generateServiceProviderMetadata(null, sp.cert);
    writeFileSync(path.join(dir, 'wiki.xml'), spMetadata);
    const r = await runCli(
      [
        'app',
        'add',
        '--name',
        'Wiki',
        '--saml',
        '--metadata',
        path.join(dir, 'wiki.xml'),
        '--json',
      ],
      db.env,
    );
    assert.equal(r.code, 0, r.stderr);
    appId = (JSON.parse(r.stdout) as { id: string }).id;
  });
  after(async () => {
    await server?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs `b` in through a first sign-on (over HTTP-Redirect). */
  const signIn = async (b: FormClient, person = mallory) => {
    const u = new URL(await (await serviceProvider()).getAuthorizeUrlAsync('', undefined, {}));
    return playThrough(
      b,
      issuer,
      await b.get(u.pathname + u.search),
      person,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
  };

  it('publishes metadata at a stable URL: entity id, a signing certificate, both bindings', async () => {
    const res = await fetch(`${issuer}/saml/metadata`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /samlmetadata\+xml/);
    const xml = await res.text();
    assert.match(xml, new RegExp(`entityID="${issuer}/saml/metadata"`));
    assert.equal([...xml.matchAll(/<md:KeyDescriptor use="signing">/g)].length, 1);
    for (const b of ['HTTP-Redirect', 'HTTP-POST'])
      assert.match(
        xml,
        new RegExp(
          `SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${b}" Location="${issuer}/saml/sso"`,
        ),
      );
  });

  it('SP-initiated over HTTP-Redirect: password and authenticator code, then a signed response with the mapped attributes', async () => {
    const saml = await serviceProvider();
    const url = new URL(await saml.getAuthorizeUrlAsync('relay-1', undefined, {}));
    const b = new FormClient((r) => fetch(r), issuer);
    const done = await playThrough(
      b,
      issuer,
      await b.get(url.pathname + url.search),
      mallory,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
    assert.deepEqual(done.seen, ['password', 'verify']);
    assert.equal(postsTo(b.lastHtml), ACS);
    const fields = posted(b.lastHtml);
    assert.equal(fields.RelayState, 'relay-1');
    const { profile } = await saml.validatePostResponseAsync(fields);
    assert.equal(profile?.nameID, mallory.upn);
    assert.equal(profile?.nameIDFormat, EMAIL);
    assert.equal(profile?.upn, mallory.upn);
    assert.equal(profile?.displayName, 'Mallory Manager');
    assert.equal(classRefOf(profile), REFEDS_MFA);
  });

  it('was registered from the service provider metadata with the CLI: entity id, ACS URL, its signing certificate', async () => {
    const r = await runCli(['app', 'get', appId, '--json'], db.env);
    assert.equal(r.code, 0, r.stderr);
    const app = JSON.parse(r.stdout) as { kind: string; saml: Record<string, unknown> };
    assert.equal(app.kind, 'saml');
    assert.equal(app.saml.entityId, SP_ENTITY);
    assert.deepEqual(app.saml.acsUrls, [ACS]);
    assert.equal(app.saml.wantRequestsSigned, true);
    assert.equal(app.saml.signingCertificates, 1);
    const text = await runCli(['app', 'get', appId], db.env);
    assert.match(text.stdout, /EntityId\s+: https:\/\/wiki\.test\/saml/);
    // The same entity id twice is refused, clearly.
    const again = await runCli(
      ['app', 'add', '--name', 'Wiki 2', '--saml', '--entity-id', SP_ENTITY, '--acs-url', ACS],
      db.env,
    );
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already registered/);
  });

  it('SP-initiated over HTTP-POST, signed enveloped: a signed-in person goes straight back with a response', async () => {
    const saml = await serviceProvider({
      authnRequestBinding: 'HTTP-POST',
      skipRequestCompression: true,
    });
    const b = new FormClient((r) => fetch(r), issuer);
    await signIn(b);
    const form = await saml.getAuthorizeFormAsync('relay-2');
    const fields = posted(form);
    assert.match(Buffer.from(fields.SAMLRequest!, 'base64').toString(), /<(ds:)?Signature\b/);
    const res = await b.post('/saml/sso', fields, { csrf: false });
    assert.equal(res.status, 303);
    const page = await b.page(res.headers.get('location')!);
    assert.equal(postsTo(page.html), ACS);
    const { profile } = await saml.validatePostResponseAsync(posted(page.html));
    assert.equal(profile?.nameID, mallory.upn);
  });
});
