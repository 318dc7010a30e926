// The names SAML 2.0 messages use (saml-core, saml-bindings, xmldsig, xmlenc).
export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;

export const NAMEID = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;
export type NameIdFormat = 'emailAddress' | 'persistent' | 'transient';
export const NAMEID_FORMATS: readonly NameIdFormat[] = ['emailAddress', 'persistent', 'transient'];

export const STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
} as const;
/** Second-level status codes we answer with (saml-core §3.2.2.2). */
export type SubStatus =
  | 'NoAuthnContext'
  | 'NoPassive'
  | 'InvalidNameIDPolicy'
  | 'RequestDenied'
  | 'AuthnFailed'
  | 'PartialLogout'
  | 'UnknownPrincipal';

/** Where the IdP's endpoints live (the metadata names them). */
export const SAML_PATHS = {
  metadata: '/saml/metadata',
  sso: '/saml/sso',
  slo: '/saml/slo',
  continue: '/saml/continue',
  /** IdP-initiated sign-on: /saml/start/<application id>. */
  start: '/saml/start',
} as const;

/**
 * Limits on what we read, below the transport's own (Node's 16 KiB of
 * headers, the 64 KiB body limit), so that an oversized message reaches our
 * checks and is refused with a page and a sign-in log entry. Real
 * AuthnRequests are a few kilobytes.
 */
export const MAX_REDIRECT_ENCODED = 12 * 1024;
export const MAX_POST_ENCODED = 40 * 1024;
export const MAX_XML = 32 * 1024;
