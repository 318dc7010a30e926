// The SAML identity provider's signing keys (docs/design/saml-idp.md "Keys"):
// RSA-2048, sealed in the database like the OpenID Connect keys so every node
// signs with the same one, each with a self-signed certificate made once and
// published as is (service providers pin its exact bytes).
//
// Rotation differs from OpenID Connect's, because SAML service providers read
// the metadata from a file and seldom again: `portcullis keys rotate` adds a
// key that is published at once and signs only from `signs_from` (a week
// later by default), so administrators can give every service provider the
// new certificate first. The key it replaces stays published for another
// SUPERSEDED_KEY_KEPT_MS after that.
import { createPrivateKey, webcrypto } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { SamlKeysTable } from '../db/schema.ts';
import { type Actor, audit } from '../services/audit.ts';

export const DAY_MS = 24 * 3_600_000;
/** By default a new key signs this long after a rotation publishes it. */
export const NEXT_KEY_LEAD_MS = 7 * DAY_MS;
/** A key replaced by a newer one stays published this long (a slow service provider still trusts it). */
export const SUPERSEDED_KEY_KEPT_MS = 7 * DAY_MS;
/** Certificates are valid for ten years: rotation, not expiry, replaces them. */
const CERT_VALID_MS = 3652 * DAY_MS;

export interface SamlKey {
  kid: string;
  keyPem: string;
  certPem: string;
}

const aad = (kid: string) => `saml_keys:${kid}`;

/** A self-signed certificate over `keys` (@peculiar/x509, the library @simplewebauthn/server uses). */
async function selfSigned(
  keys: webcrypto.CryptoKeyPair,
  name: string,
  now: number,
): Promise<string> {
  await import('reflect-metadata'); // @peculiar/x509's dependency injection needs it first
  // (Node's Web Crypto is globalThis.crypto, which the library uses by default.
  // Bundled, its CommonJS build comes as the module's default export.)
  const loaded = await import('@peculiar/x509');
  const x509 = (loaded.X509CertificateGenerator ? loaded : loaded.default) as typeof loaded;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=${name.replace(/[,+="\\<>;#]/g, ' ').slice(0, 64)}`,
    notBefore: new Date(now - 3_600_000),
    notAfter: new Date(now + CERT_VALID_MS),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    keys: keys as unknown as CryptoKeyPair,
  });
  return cert.toString('pem');
}

/** Makes a key that signs from `signsFrom`. */
export async function newSamlKey(
  ctx: AppContext,
  signsFrom: number,
  db: Db = ctx.db,
): Promise<string> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const now = ctx.clock.now();
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const host = new URL(ctx.config.publicUrl).hostname;
  const certPem = await selfSigned(keys, `Portcullis SAML signing ${host}`, now);
  const kid = ctx.random.bytes(12).toString('base64url');
  await db
    .insertInto('saml_keys')
    .values({
      kid,
      key_sealed: ctx.box.seal(keyPem, aad(kid)),
      cert_pem: certPem,
      created_at: now,
      signs_from: signsFrom,
    })
    .execute();
  return kid;
}

/** Oldest first; the same order on every node. */
const ordered = (rows: SamlKeysTable[]) =>
  [...rows].sort((a, b) => a.signs_from - b.signs_from || (a.kid < b.kid ? -1 : 1));

/** Which keys sign and are published at `now`, from all rows. */
export function keyState(rows: SamlKeysTable[], now: number) {
  const keys = ordered(rows);
  const started = keys.filter((k) => k.signs_from <= now);
  const signing = started.at(-1);
  const published = keys.filter((k) => {
    if (k.signs_from > now || k === signing) return true; // next, or signing
    // Replaced when the next key to start signing did.
    const successor = started[started.indexOf(k) + 1];
    return successor !== undefined && now - successor.signs_from < SUPERSEDED_KEY_KEPT_MS;
  });
  return { signing, published };
}

/** The key that signs now (the first is made on first use) and every certificate to publish. */
export async function samlKeys(ctx: AppContext): Promise<{ signing: SamlKey; certs: string[] }> {
  const load = () => ctx.db.selectFrom('saml_keys').selectAll().execute();
  let rows = await load();
  let state = keyState(rows, ctx.clock.now());
  if (!state.signing) {
    await newSamlKey(ctx, ctx.clock.now());
    rows = await load();
    state = keyState(rows, ctx.clock.now());
  }
  const s = state.signing!;
  return {
    signing: { kid: s.kid, keyPem: ctx.box.open(s.key_sealed, aad(s.kid)), certPem: s.cert_pem },
    certs: state.published.map((k) => k.cert_pem),
  };
}

/** Cached for a second per process, like the OpenID Connect provider's keys. */
export const currentSamlKeys = (ctx: AppContext) => ctx.cache.get('saml-keys', () => samlKeys(ctx));

/**
 * A rotation's SAML half: the next key, published at once, signing `leadMs`
 * later (0: at once, as after a compromise). Audited.
 */
export async function rotateSamlKey(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  leadMs: number = NEXT_KEY_LEAD_MS,
): Promise<{ kid: string; signsFrom: string }> {
  const signsFrom = ctx.clock.now() + Math.max(0, leadMs);
  const kid = await ctx.db.transaction().execute(async (trx) => {
    const made = await newSamlKey(ctx, signsFrom, trx);
    await audit(ctx, trx, actor, {
      action: 'saml_signing_key_rotated',
      detail: { kid: made, signsFrom: new Date(signsFrom).toISOString() },
    });
    return made;
  });
  ctx.cache.forget('saml-keys');
  return { kid, signsFrom: new Date(signsFrom).toISOString() };
}
