import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { SignedXml } from 'xml-crypto';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createGroup } from '../../src/services/groups.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createSamlApp } from '../../src/services/saml-apps.ts';
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
const PAYROLL = 'https://payroll.test/saml';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

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

/** `xml` with an enveloped signature on its root, after the Issuer (xml-crypto, as service providers sign). */
function signedXml(xml: string, root: string, key: string) {
  const sx = new SignedXml({
    privateKey: key,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sx.addReference({
    xpath: `/*[local-name(.)='${root}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
  });
  sx.computeSignature(xml, {
    prefix: 'ds',
    location: {
      reference: `/*[local-name(.)='${root}']/*[local-name(.)='Issuer']`,
      action: 'after',
    },
  });
  return sx.getSignedXml();
}

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
  const dave: Person = { upn: 'dave@contoso.com', password: 'dave password 1' };
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
      logoutUrl: `${issuer}/saml/slo`,
      logoutCallbackUrl: 'https://wiki.test/saml/slo',
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
    await createUser(server.ctx, { upn: dave.upn, password: dave.password, mfaState: 'Disabled' });
    await createGroup(
      server.ctx,
      { name: 'test', ip: null },
      { displayName: 'Finance', members: [dave.upn] },
    );
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

  /**
   * Mallory's browser, signed in by the first sign-on test (each authenticator
   * code is accepted once: the tests share a session rather than use up codes).
   */
  let browser: FormClient;

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
    browser = b;
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
    // From the service provider's metadata URL.
    const served = createServer((req, res) => {
      if (req.url !== '/saml/metadata') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
      res.end(
        readFileSync(path.join(dir, 'wiki.xml'), 'utf8').replaceAll(
          SP_ENTITY,
          'https://crm.test/saml',
        ),
      );
    });
    await new Promise<void>((r) => served.listen(0, '127.0.0.1', r));
    try {
      const at = `http://127.0.0.1:${(served.address() as AddressInfo).port}`;
      const fetched = await runCli(
        ['app', 'add', '--name', 'CRM', '--saml', '--metadata', `${at}/saml/metadata`, '--json'],
        db.env,
      );
      assert.equal(fetched.code, 0, fetched.stderr);
      assert.equal(
        (JSON.parse(fetched.stdout) as { saml: { entityId: string } }).saml.entityId,
        'https://crm.test/saml',
      );
      const missing = await runCli(
        ['app', 'add', '--name', 'CRM 2', '--saml', '--metadata', `${at}/nothing`],
        db.env,
      );
      assert.notEqual(missing.code, 0);
      assert.match(missing.stderr, /answered 404/);
    } finally {
      served.close();
    }
  });

  it('SP-initiated over HTTP-POST, signed enveloped: a signed-in person goes straight back with a response', async () => {
    const saml = await serviceProvider({
      authnRequestBinding: 'HTTP-POST',
      skipRequestCompression: true,
    });
    const b = browser;
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

  it('IdP-initiated sign-on to an application that wants encrypted assertions and a persistent NameID', async () => {
    const payroll = selfSignedPair(dir, 'payroll');
    const sp2 = await serviceProvider({
      issuer: PAYROLL,
      audience: PAYROLL,
      callbackUrl: `${PAYROLL}/acs`,
      privateKey: payroll.key,
      publicCert: payroll.cert,
      decryptionPvk: payroll.key,
      identifierFormat: PERSISTENT,
      // (Registered with --sign response: the assertion inside is encrypted, not signed.)
      wantAssertionsSigned: false,
    });
    writeFileSync(
      path.join(dir, 'payroll.xml'),
      sp2.generateServiceProviderMetadata(payroll.cert, payroll.cert),
    );
    const r = await runCli(
      [
        'app',
        'add',
        '--name',
        'Payroll',
        '--saml',
        '--metadata',
        path.join(dir, 'payroll.xml'),
        '--encrypt-assertion',
        '--name-id-format',
        'persistent',
        '--sign',
        'response',
        '--json',
      ],
      db.env,
    );
    assert.equal(r.code, 0, r.stderr);
    const payrollId = (JSON.parse(r.stdout) as { id: string }).id;
    const b = browser;
    const page = await b.page(`/saml/start/${payrollId}?RelayState=/payslips`);
    assert.equal(postsTo(page.html), `${PAYROLL}/acs`);
    const fields = posted(page.html);
    assert.equal(fields.RelayState, '/payslips');
    const xml = Buffer.from(fields.SAMLResponse!, 'base64').toString();
    assert.match(xml, /<saml:EncryptedAssertion/);
    assert.doesNotMatch(xml, /mallory/, 'nothing about the person travels in the clear');
    assert.doesNotMatch(xml, /InResponseTo/, 'IdP-initiated: in response to nothing');
    const { profile } = await sp2.validatePostResponseAsync(fields);
    assert.equal(profile?.nameIDFormat, PERSISTENT);
    const mallory1 = profile?.nameID;
    assert.ok(mallory1 && mallory1 !== mallory.upn, 'a pairwise identifier, not the UPN');
    assert.equal(profile?.upn, mallory.upn);
    // The same person gets the same identifier again; the first application another (transient there).
    const again = await sp2.validatePostResponseAsync(
      posted((await b.page(`/saml/start/${payrollId}`)).html),
    );
    assert.equal(again.profile?.nameID, mallory1);
    const wiki = await serviceProvider({ identifierFormat: TRANSIENT });
    const u = new URL(await wiki.getAuthorizeUrlAsync('', undefined, {}));
    const t1 = await wiki.validatePostResponseAsync(
      posted((await b.page(u.pathname + u.search)).html),
    );
    assert.equal(t1.profile?.nameIDFormat, TRANSIENT);
    assert.notEqual(t1.profile?.nameID, mallory1);
    assert.notEqual(t1.profile?.nameID, mallory.upn);
    // A format nobody makes is answered InvalidNameIDPolicy, at the ACS.
    const odd = await serviceProvider({
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName',
    });
    const o = new URL(await odd.getAuthorizeUrlAsync('', undefined, {}));
    const refusal = posted((await b.page(o.pathname + o.search)).html);
    await assert.rejects(odd.validatePostResponseAsync(refusal), /InvalidNameIDPolicy/);
  });

  it('RequestedAuthnContext: a Disabled user asked for MFA (minimum, as mod_auth_mellon asks) registers a method and the answer names the class asked for', async () => {
    const saml = await serviceProvider({
      disableRequestedAuthnContext: false,
      authnContext: [REFEDS_MFA],
      racComparison: 'minimum',
    });
    const u = new URL(await saml.getAuthorizeUrlAsync('', undefined, {}));
    const b = new FormClient((r) => fetch(r), issuer);
    const done = await playThrough(
      b,
      issuer,
      await b.get(u.pathname + u.search),
      dave,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
    assert.ok(done.seen.includes('proofup') && done.seen.includes('enrol'), done.seen.join(', '));
    const { profile } = await saml.validatePostResponseAsync(posted(b.lastHtml));
    assert.equal(profile?.nameID, dave.upn);
    assert.equal(classRefOf(profile), REFEDS_MFA);
    assert.equal(profile?.groups, 'Finance', 'the groups attribute');
    // A password-only request is answered with the class it asked for, from the same session.
    const ppt = await serviceProvider({ disableRequestedAuthnContext: false });
    const p = new URL(await ppt.getAuthorizeUrlAsync('', undefined, {}));
    const answer = await ppt.validatePostResponseAsync(
      posted((await b.page(p.pathname + p.search)).html),
    );
    assert.equal(
      classRefOf(answer.profile),
      'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    );
    // A class nobody can meet: NoAuthnContext, at the ACS.
    const odd = await serviceProvider({
      disableRequestedAuthnContext: false,
      authnContext: ['urn:example:retina-scan'],
    });
    const o = new URL(await odd.getAuthorizeUrlAsync('', undefined, {}));
    await assert.rejects(
      odd.validatePostResponseAsync(posted((await b.page(o.pathname + o.search)).html)),
      /NoAuthnContext/,
    );
    // Answered once: the same request again is a replay.
    assert.equal((await b.get(o.pathname + o.search)).status, 400);
  });

  it('ForceAuthn asks a signed-in person for their password again; IsPassive without a session answers NoPassive', async () => {
    const b = browser;
    const forced = await serviceProvider({ forceAuthn: true });
    const u = new URL(await forced.getAuthorizeUrlAsync('', undefined, {}));
    const done = await playThrough(
      b,
      issuer,
      await b.get(u.pathname + u.search),
      mallory,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
    assert.ok(done.seen.includes('password'), done.seen.join(', '));
    assert.ok((await forced.validatePostResponseAsync(posted(b.lastHtml))).profile);
    const passive = await serviceProvider({ passive: true });
    const fresh = new FormClient((r) => fetch(r), issuer);
    const p = new URL(await passive.getAuthorizeUrlAsync('', undefined, {}));
    const page = await fresh.page(p.pathname + p.search);
    assert.equal(postsTo(page.html), ACS, 'answered at once, no sign-in page');
    assert.match(
      Buffer.from(posted(page.html).SAMLResponse!, 'base64').toString(),
      /status:NoPassive"/,
    );
    // (node-saml reads NoPassive as "no one signed in", not as an error.)
    assert.equal((await passive.validatePostResponseAsync(posted(page.html))).profile, null);
    // A passive request from a signed-in browser is simply answered.
    const q = new URL(await passive.getAuthorizeUrlAsync('', undefined, {}));
    assert.ok(
      (await passive.validatePostResponseAsync(posted((await b.page(q.pathname + q.search)).html)))
        .profile,
    );
  });

  it('Single Logout from the application (HTTP-Redirect request, HTTP-POST answer) ends the Portcullis session', async () => {
    const saml = await serviceProvider();
    const b = new FormClient((r) => fetch(r), issuer);
    const u = new URL(await saml.getAuthorizeUrlAsync('', undefined, {}));
    await playThrough(
      b,
      issuer,
      await b.get(u.pathname + u.search),
      dave,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
    const { profile } = await saml.validatePostResponseAsync(posted(b.lastHtml));
    assert.ok(profile?.sessionIndex, 'the assertion names the session (SessionIndex)');
    const out = new URL(await saml.getLogoutUrlAsync(profile!, 'relay-out', {}));
    assert.equal(`${out.origin}${out.pathname}`, `${issuer}/saml/slo`);
    const page = await b.page(out.pathname + out.search);
    assert.equal(postsTo(page.html), 'https://wiki.test/saml/slo');
    const fields = posted(page.html);
    assert.equal(fields.RelayState, 'relay-out');
    assert.equal((await saml.validatePostResponseAsync(fields)).loggedOut, true);
    // Signed out: the next sign-on asks for the password again.
    const again = new URL(await saml.getAuthorizeUrlAsync('', undefined, {}));
    const next = await playThrough(
      b,
      issuer,
      await b.get(again.pathname + again.search),
      dave,
      (res) => res.status === 200 && !!postsTo(b.lastHtml),
    );
    assert.deepEqual(next.seen, ['password']);
    // The same LogoutRequest again is a replay, refused.
    const replay = await b.get(out.pathname + out.search);
    assert.equal(replay.status, 400);
  });

  it('Single Logout by HTTP-POST, signed enveloped; a request naming someone else ends nothing', async () => {
    const b = browser;
    const logoutRequest = (nameId: string) =>
      signedXml(
        `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_out${Date.now()}${nameId.length}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${issuer}/saml/slo">` +
          `<saml:Issuer>${SP_ENTITY}</saml:Issuer><saml:NameID Format="${EMAIL}">${nameId}</saml:NameID></samlp:LogoutRequest>`,
        'LogoutRequest',
        sp.key,
      );
    const send = async (xml: string) => {
      const res = await b.post(
        '/saml/slo',
        { SAMLRequest: Buffer.from(xml).toString('base64') },
        { csrf: false },
      );
      assert.equal(res.status, 303);
      return b.page(res.headers.get('location')!);
    };
    const signedIn = async () => (await b.get('/security-info')).status === 200;
    assert.ok(await signedIn());
    const other = await send(logoutRequest('dave@contoso.com'));
    assert.equal(postsTo(other.html), 'https://wiki.test/saml/slo');
    assert.ok(await signedIn(), "another person's logout leaves this session alone");
    // An application registered without certificates: its unsigned LogoutRequest
    // naming the user is not enough (any page could send one): only the session's index.
    await createSamlApp(server.ctx, {
      name: 'Open',
      entityId: 'https://open.test/saml',
      acsUrls: ['https://open.test/saml/acs'],
      sloUrl: 'https://open.test/saml/slo',
    });
    const forged = await b.post(
      '/saml/slo',
      {
        SAMLRequest: Buffer.from(
          `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_forged" Version="2.0" IssueInstant="${new Date().toISOString()}">` +
            `<saml:Issuer>https://open.test/saml</saml:Issuer><saml:NameID Format="${EMAIL}">${mallory.upn}</saml:NameID></samlp:LogoutRequest>`,
        ).toString('base64'),
      },
      { csrf: false },
    );
    const answered = await b.get(forged.headers.get('location')!);
    assert.match(
      answered.headers.get('location') ?? '',
      /^https:\/\/open\.test\/saml\/slo\?SAMLResponse=/,
    );
    assert.ok(await signedIn(), 'an unsigned logout naming the user leaves the session alone');
    const mine = await send(logoutRequest(mallory.upn));
    const answer = Buffer.from(posted(mine.html).SAMLResponse!, 'base64').toString();
    assert.match(answer, /<samlp:LogoutResponse[^>]* InResponseTo="_out/);
    assert.match(answer, /status:Success"/);
    assert.ok(!(await signedIn()), 'signed out');
  });
});

// The attack shapes of issue 22 (and docs/design/saml-idp.md): each refused
// with an error page (never a response to an address not registered) and a
// failed sign-in in the log, saying why.
describe('SAML identity provider: hostile requests', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let dir: string;
  let sp: { key: string; cert: string };
  let other: { key: string; cert: string };
  let appId: string;
  let n = 0;

  /** An AuthnRequest as a service provider writes one. */
  const request = (
    o: {
      id?: string;
      acs?: string;
      destination?: string;
      instant?: number;
      inner?: string;
      issuer?: string;
    } = {},
  ) => {
    const id = o.id ?? `_req${++n}${Date.now()}`;
    return (
      `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date(o.instant ?? Date.now()).toISOString()}" Destination="${o.destination ?? `${issuer}/saml/sso`}" AssertionConsumerServiceURL="${o.acs ?? ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
      `<saml:Issuer>${o.issuer ?? SP_ENTITY}</saml:Issuer>${o.inner ?? ''}</samlp:AuthnRequest>`
    );
  };
  /** The HTTP-Redirect query of `xml`, signed with `key` (saml-bindings §3.4.4.1) unless null. */
  const redirect = (xml: string, key: string | null, relay?: string, deflated?: Buffer) => {
    const enc = encodeURIComponent;
    let q = `SAMLRequest=${enc((deflated ?? deflateRawSync(xml)).toString('base64'))}`;
    if (relay) q += `&RelayState=${enc(relay)}`;
    if (!key) return `/saml/sso?${q}`;
    q += `&SigAlg=${enc('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`;
    return `/saml/sso?${q}&Signature=${enc(sign('sha256', Buffer.from(q), key).toString('base64'))}`;
  };
  const signed = (xml: string, key = sp.key) => signedXml(xml, 'AuthnRequest', key);
  const get = (url: string) => fetch(`${issuer}${url}`, { redirect: 'manual' });
  const post = (xml: string, relay?: string) =>
    fetch(`${issuer}/saml/sso`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'https://wiki.test',
      },
      body: new URLSearchParams({
        SAMLRequest: Buffer.from(xml).toString('base64'),
        ...(relay ? { RelayState: relay } : {}),
      }),
    });
  /** Refused: an error page saying so (no form to any ACS), and the reason in the sign-in log. */
  const refused = async (res: Response, reason: RegExp, application: string | null = appId) => {
    const html = await res.text();
    assert.equal(res.status, 400, textOf(html).slice(0, 300));
    assert.match(textOf(html), /sign-in request was refused/);
    assert.doesNotMatch(html, /SAMLResponse/);
    const log = await server.ctx.db
      .selectFrom('signin_log')
      .selectAll()
      .where('front', '=', 'saml')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(log.result, 'failure');
    assert.match(log.reason, reason);
    assert.equal(log.application, application);
  };

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    dir = mkdtempSync(path.join(tmpdir(), 'saml-'));
    sp = selfSignedPair(dir, 'wiki');
    other = selfSignedPair(dir, 'other');
    const r = await runCli(
      [
        'app',
        'add',
        '--name',
        'Wiki',
        '--saml',
        '--entity-id',
        SP_ENTITY,
        '--acs-url',
        ACS,
        '--signing-cert',
        path.join(dir, 'wiki.pem'),
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

  it('accepts the well-formed requests the fixtures are made from (both bindings)', async () => {
    const a = await get(redirect(request(), sp.key, 'relay'));
    assert.equal(a.status, 303);
    assert.match(a.headers.get('location') ?? '', /^\/saml\/continue\//);
    const b = await post(signed(request()));
    assert.equal(b.status, 303);
  });

  it('refuses unsigned and wrongly signed requests where the application signs its requests', async () => {
    await refused(await get(redirect(request(), null)), /not signed/);
    await refused(await post(request()), /not signed/);
    await refused(await get(redirect(request(), other.key)), /bad signature/);
    await refused(await post(signed(request(), other.key)), /bad signature/);
    // A RelayState changed after signing (the signature covers it).
    const url = redirect(request(), sp.key, 'relay-a').replace(
      'RelayState=relay-a',
      'RelayState=relay-b',
    );
    await refused(await get(url), /bad signature/);
    // A second SAMLRequest (the attacker's ACS) under a percent-encoded name, which a
    // query parser decodes but the signature does not cover as that name; or sent twice.
    const legit = redirect(request(), sp.key);
    const evil = encodeURIComponent(
      deflateRawSync(request({ acs: 'https://evil.test/acs' })).toString('base64'),
    );
    await refused(
      await get(legit.replace('/saml/sso?', `/saml/sso?SAML%52equest=${evil}&`)),
      /encoded name/,
      null,
    );
    await refused(await get(`${legit}&SAMLRequest=${evil}`), /sent twice/, null);
    // An enveloped signature does not sign an HTTP-Redirect request.
    await refused(await get(redirect(signed(request()), null)), /not signed/);
  });

  it('refuses signature wrapping (XSW): the signed request moved aside, or its ID reused', async () => {
    const original = signed(request({ id: '_signed1' }));
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(original)![0];
    const unsigned = original.replace(signature, '');
    const evil = (id: string, inner: string) =>
      request({ id, acs: 'https://evil.test/acs', inner }).replace(
        '<saml:Issuer>',
        '<saml:Issuer>',
      );
    // XSW1: a new root (the attacker's ACS) carrying the signature, the signed request in Extensions.
    const xsw1 = evil(
      '_evil',
      `${signature}<samlp:Extensions>${unsigned}</samlp:Extensions>`,
    ).replace(`</saml:Issuer>${signature}`, `</saml:Issuer>${signature}`);
    await refused(await post(xsw1), /does not cover|exactly one signature/);
    // XSW2: the same, the new root taking the signed request's ID.
    await refused(
      await post(evil('_signed1', `${signature}<samlp:Extensions>${unsigned}</samlp:Extensions>`)),
      /duplicate ID/,
      null, // (refused while parsing, before the issuer is read)
    );
    // XSW3: the whole signed request (with its signature) inside the attacker's root.
    await refused(
      await post(evil('_evil3', `<samlp:Extensions>${original}</samlp:Extensions>`)),
      /exactly one signature|not signed/,
    );
    // XSW4: the signed request's signature kept, its content changed (another ACS).
    await refused(
      await post(
        original.replace(
          `AssertionConsumerServiceURL="${ACS}"`,
          'AssertionConsumerServiceURL="https://evil.test/acs"',
        ),
      ),
      /bad signature/,
    );
  });

  it('refuses DTDs and entities (XXE, billion laughs), processing instructions and malformed XML', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${request({ inner: '<samlp:Extensions>&x;</samlp:Extensions>' })}`;
    await refused(await get(redirect(xxe, sp.key)), /DTDs, entities/, null);
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>' +
      request({ inner: '<samlp:Extensions>&lol2;</samlp:Extensions>' });
    await refused(await post(laughs), /DTDs, entities/, null);
    await refused(
      await get(redirect(request({ inner: '<?evil x?>' }), sp.key)),
      /processing instructions/,
      null,
    );
    await refused(
      await get(
        redirect(request({ inner: '<samlp:Extensions>&nbsp;</samlp:Extensions>' }), sp.key),
      ),
      /malformed XML/,
      null,
    );
    // An unknown issuer is refused before anything else is trusted.
    await refused(
      await get(redirect(request({ issuer: 'https://nobody.test' }), sp.key)),
      /no SAML application/,
      null,
    );
  });

  it('refuses oversized and deflate-bomb SAMLRequest values', async () => {
    await refused(await get(`/saml/sso?SAMLRequest=${'A'.repeat(13 * 1024)}`), /too large/, null);
    await refused(await post('A'.repeat(33 * 1024)), /too large/, null);
    // 4 MB of XML that deflates to a few kilobytes.
    const bomb = deflateRawSync(
      Buffer.from(
        request({ inner: `<samlp:Extensions>${' '.repeat(4 * 1024 * 1024)}</samlp:Extensions>` }),
      ),
    );
    assert.ok(bomb.length < 32 * 1024);
    await refused(await get(redirect('', sp.key, undefined, bomb)), /inflates too large/, null);
  });

  it('refuses an ACS URL not registered, another destination and a stale request', async () => {
    await refused(
      await get(redirect(request({ acs: 'https://evil.test/acs' }), sp.key)),
      /not registered/,
    );
    await refused(
      await get(redirect(request({ destination: 'https://elsewhere.test/sso' }), sp.key)),
      /another destination/,
    );
    await refused(
      await get(redirect(request({ instant: Date.now() - 10 * 60_000 }), sp.key)),
      /too long ago/,
    );
    // A signed request names where it is for (saml-bindings §3.4.5.2).
    await refused(
      await get(redirect(request({ destination: '' }), sp.key)),
      /another destination \(none\)/,
    );
    await refused(
      await get(redirect(request({ id: `_${'a'.repeat(300)}` }), sp.key)),
      /longer than 256/,
    );
  });

  it('refuses a replayed request, also when the copies arrive together: exactly one is taken', async () => {
    const url = redirect(request(), sp.key);
    assert.equal((await get(url)).status, 303);
    await refused(await get(url), /already used/);
    const racing = redirect(request(), sp.key);
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(racing)));
    assert.deepEqual(answers.map((r) => r.status).sort(), [303, 400, 400, 400, 400, 400, 400, 400]);
  });
});
