// SAML protocol messages: what we read of a request, and the responses we
// build (from templates, every interpolated value escaped; signed in sign.ts).
import type { Document } from '@xmldom/xmldom';
import type { AppContext } from '../context.ts';
import { NS, STATUS, type SubStatus } from './constants.ts';
import { children, childText, SamlError } from './xml.ts';

export interface AuthnRequest {
  id: string;
  issuer: string;
  issueInstant: string;
  destination: string | undefined;
  acsUrl: string | undefined;
  acsIndex: number | undefined;
  protocolBinding: string | undefined;
  forceAuthn: boolean;
  isPassive: boolean;
  nameIdFormat: string | undefined;
  requestedAuthnContext: { comparison: string; classRefs: string[] } | undefined;
}

const bool = (v: string | null) => v === 'true' || v === '1';

/** What we need of an AuthnRequest (already parsed strictly and, if signed, verified). */
export function readAuthnRequest(doc: Document): AuthnRequest {
  const r = doc.documentElement!;
  const attr = (n: string) => r.getAttribute(n) || undefined;
  const issuer = childText(r, NS.saml, 'Issuer');
  const id = attr('ID');
  const issueInstant = attr('IssueInstant');
  if (attr('Version') !== '2.0' || !id || !issueInstant || !issuer)
    throw new SamlError('incomplete AuthnRequest (Version 2.0, ID, IssueInstant and Issuer)');
  if (id.length > 256) throw new SamlError('the request ID is longer than 256 characters');
  const policy = children(r, NS.samlp, 'NameIDPolicy')[0];
  const rac = children(r, NS.samlp, 'RequestedAuthnContext')[0];
  const index = attr('AssertionConsumerServiceIndex');
  return {
    id,
    issuer,
    issueInstant,
    destination: attr('Destination'),
    acsUrl: attr('AssertionConsumerServiceURL'),
    acsIndex: index !== undefined && /^\d{1,5}$/.test(index) ? Number(index) : undefined,
    protocolBinding: attr('ProtocolBinding'),
    forceAuthn: bool(r.getAttribute('ForceAuthn')),
    isPassive: bool(r.getAttribute('IsPassive')),
    nameIdFormat: policy?.getAttribute('Format') || undefined,
    requestedAuthnContext: rac && {
      comparison: rac.getAttribute('Comparison') || 'exact',
      classRefs: children(rac, NS.saml, 'AuthnContextClassRef')
        .map((n) => n.textContent?.trim() ?? '')
        .filter(Boolean)
        .slice(0, 20),
    },
  };
}

export interface LogoutRequest {
  id: string;
  issuer: string;
  issueInstant: string;
  destination: string | undefined;
  nameId: string | undefined;
  sessionIndexes: string[];
}

export function readLogoutRequest(doc: Document): LogoutRequest {
  const r = doc.documentElement!;
  const id = r.getAttribute('ID');
  const issuer = childText(r, NS.saml, 'Issuer');
  const issueInstant = r.getAttribute('IssueInstant');
  if (r.getAttribute('Version') !== '2.0' || !id || !issuer || !issueInstant)
    throw new SamlError('incomplete LogoutRequest (Version 2.0, ID, IssueInstant and Issuer)');
  if (id.length > 256) throw new SamlError('the request ID is longer than 256 characters');
  return {
    id,
    issuer,
    issueInstant,
    destination: r.getAttribute('Destination') || undefined,
    nameId: childText(r, NS.saml, 'NameID'),
    sessionIndexes: children(r, NS.samlp, 'SessionIndex').map((n) => n.textContent?.trim() ?? ''),
  };
}

/** A message id: xs:ID may not start with a digit. */
export const newId = (ctx: Pick<AppContext, 'random'>) =>
  `_${ctx.random.bytes(20).toString('hex')}`;

export const esc = (s: string | number): string =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** SAML's dateTime: UTC, whole seconds. */
export const instant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface AssertionInput {
  assertionId: string;
  issuer: string;
  now: number;
  nameId: string;
  nameIdFormat: string;
  /** The SP's entity id. */
  audience: string;
  acsUrl: string;
  inResponseTo: string | undefined;
  authnInstant: number;
  sessionIndex: string;
  sessionNotOnOrAfter: number;
  classRef: string;
  attributes: Record<string, string | string[] | null | undefined>;
}

/** How long an assertion may be presented (bearer confirmation, conditions). */
export const ASSERTION_LIFETIME_MS = 5 * 60_000;

export function assertionXml(o: AssertionInput): string {
  const irt = o.inResponseTo ? ` InResponseTo="${esc(o.inResponseTo)}"` : '';
  const until = instant(o.now + ASSERTION_LIFETIME_MS);
  const qualifiers = o.nameIdFormat.endsWith(':persistent')
    ? ` NameQualifier="${esc(o.issuer)}" SPNameQualifier="${esc(o.audience)}"`
    : '';
  const attrs = Object.entries(o.attributes)
    .filter(([, v]) => v != null && v !== '' && (!Array.isArray(v) || v.length > 0))
    .map(
      ([name, v]) =>
        `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:${name.includes(':') ? 'uri' : 'basic'}">` +
        ([] as string[])
          .concat(v as string | string[])
          .map((x) => `<saml:AttributeValue xsi:type="xs:string">${esc(x)}</saml:AttributeValue>`)
          .join('') +
        '</saml:Attribute>',
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="${NS.saml}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${o.assertionId}" Version="2.0" IssueInstant="${instant(o.now)}">` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${esc(o.nameIdFormat)}"${qualifiers}>${esc(o.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${esc(o.acsUrl)}"${irt}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${instant(o.now - 60_000)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${instant(o.authnInstant)}" SessionIndex="${esc(o.sessionIndex)}" SessionNotOnOrAfter="${instant(o.sessionNotOnOrAfter)}"><saml:AuthnContext><saml:AuthnContextClassRef>${esc(o.classRef)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attrs ? `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` : '') +
    '</saml:Assertion>'
  );
}

export interface ResponseInput {
  responseId: string;
  issuer: string;
  now: number;
  destination: string;
  inResponseTo: string | undefined;
}

/** A samlp:Response (or LogoutResponse) around `inner`, with a status. */
export function responseXml(
  o: ResponseInput,
  inner: string,
  status: { top?: string; sub?: SubStatus; message?: string } = {},
  element: 'Response' | 'LogoutResponse' = 'Response',
): string {
  const irt = o.inResponseTo ? ` InResponseTo="${esc(o.inResponseTo)}"` : '';
  const top = status.top ?? (status.sub ? STATUS.responder : STATUS.success);
  const code = status.sub
    ? `<samlp:StatusCode Value="${top}"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status.sub}"/></samlp:StatusCode>`
    : `<samlp:StatusCode Value="${top}"/>`;
  const message = status.message
    ? `<samlp:StatusMessage>${esc(status.message)}</samlp:StatusMessage>`
    : '';
  return (
    `<samlp:${element} xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${o.responseId}" Version="2.0" IssueInstant="${instant(o.now)}" Destination="${esc(o.destination)}"${irt}>` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer><samlp:Status>${code}${message}</samlp:Status>${inner}</samlp:${element}>`
  );
}
