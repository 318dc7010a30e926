// SAML metadata: ours (the identity provider's, at a stable URL), and a
// service provider's, read when an administrator registers it.
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { AppError } from '../errors.ts';
import { BINDING, NAMEID, NS, SAML_PATHS } from './constants.ts';
import { esc } from './messages.ts';
import { children, parseStrict, SamlError } from './xml.ts';

/** Our entity id: the metadata's own URL (stable, and where a service provider fetches it). */
export const idpEntityId = (publicUrl: string) => `${publicUrl}${SAML_PATHS.metadata}`;

const certBody = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
const toPem = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body
    .replace(/\s/g, '')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

/** Our metadata: every published certificate (the signing one and, during a rotation, the next or the last). */
export function idpMetadata(publicUrl: string, certs: readonly string[]): string {
  const keys = certs
    .map(
      (p) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(p)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  const at = (path: string) => esc(`${publicUrl}${path}`);
  const services = (name: string, path: string) =>
    [BINDING.redirect, BINDING.post]
      .map((b) => `<md:${name} Binding="${b}" Location="${at(path)}"/>`)
      .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" entityID="${esc(idpEntityId(publicUrl))}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.samlp}">${keys}` +
    services('SingleLogoutService', SAML_PATHS.slo) +
    [NAMEID.emailAddress, NAMEID.persistent, NAMEID.transient]
      .map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`)
      .join('') +
    services('SingleSignOnService', SAML_PATHS.sso) +
    '</md:IDPSSODescriptor></md:EntityDescriptor>\n'
  );
}

export interface SamlAcs {
  url: string;
  index: number | null;
  isDefault: boolean;
}
export interface SamlSlo {
  url: string;
  binding: 'redirect' | 'post';
  /** Where LogoutResponses go, if not `url`. */
  responseUrl: string | null;
}

/** What a service provider's metadata says that we use. */
export interface SpMetadata {
  entityId: string;
  acs: SamlAcs[];
  slo: SamlSlo[];
  signingCerts: string[];
  encryptionCert: string | null;
  wantRequestsSigned: boolean;
  nameIdFormat: string | null;
}

const bad = (detail: string) => new AppError('invalid_request', { detail });

/** A certificate from metadata (base64 DER), checked to be one. */
function certOf(body: string): string {
  const pem = toPem(body);
  try {
    new X509Certificate(pem);
  } catch {
    throw bad('The metadata holds a certificate that cannot be read.');
  }
  return pem;
}

/** Reads one service provider's EntityDescriptor (its signature, if any, is not what we trust: the administrator is). */
export function readSpMetadata(xml: string): SpMetadata {
  let root: Element;
  try {
    root = parseStrict(xml.trim(), 'EntityDescriptor', NS.md).documentElement!;
  } catch (e) {
    if (e instanceof SamlError && e.reason === 'not a EntityDescriptor')
      throw bad("The metadata must be one service provider's md:EntityDescriptor.");
    throw bad(`The metadata cannot be read: ${e instanceof SamlError ? e.reason : 'not XML'}.`);
  }
  const entityId = root.getAttribute('entityID')?.trim();
  const sp = children(root, NS.md, 'SPSSODescriptor')[0];
  if (!entityId || !sp) throw bad('The metadata has no entityID or no SPSSODescriptor.');
  const signingCerts: string[] = [];
  let encryptionCert: string | null = null;
  for (const kd of children(sp, NS.md, 'KeyDescriptor')) {
    const body = kd.getElementsByTagNameNS(NS.ds, 'X509Certificate')[0]?.textContent;
    if (!body) continue;
    const use = kd.getAttribute('use');
    const pem = certOf(body);
    if (use !== 'encryption') signingCerts.push(pem);
    if (use !== 'signing' && !encryptionCert) encryptionCert = pem;
  }
  const acs = children(sp, NS.md, 'AssertionConsumerService')
    .filter((e) => e.getAttribute('Binding') === BINDING.post)
    .map((e) => ({
      url: e.getAttribute('Location') ?? '',
      index: /^\d{1,5}$/.test(e.getAttribute('index') ?? '')
        ? Number(e.getAttribute('index'))
        : null,
      isDefault: e.getAttribute('isDefault') === 'true',
    }));
  if (acs.length === 0)
    throw bad('The metadata names no AssertionConsumerService with the HTTP-POST binding.');
  const slo: SamlSlo[] = children(sp, NS.md, 'SingleLogoutService').flatMap((e) => {
    const binding = e.getAttribute('Binding');
    const kind =
      binding === BINDING.redirect ? 'redirect' : binding === BINDING.post ? 'post' : null;
    const url = e.getAttribute('Location');
    return kind && url
      ? [{ url, binding: kind, responseUrl: e.getAttribute('ResponseLocation') || null }]
      : [];
  });
  return {
    entityId,
    acs,
    slo,
    signingCerts,
    encryptionCert,
    wantRequestsSigned: sp.getAttribute('AuthnRequestsSigned') === 'true',
    nameIdFormat: children(sp, NS.md, 'NameIDFormat')[0]?.textContent?.trim() || null,
  };
}
