// Signing and encrypting what we send (xml-crypto, xml-encryption), and the
// two ways it travels: an HTTP-Redirect query signed over its raw parts, and
// an HTTP-POST form the browser submits.
import { sign as rsaSign, X509Certificate } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import xmlenc from 'xml-encryption';
import { ENVELOPED, EXC_C14N, RSA_SHA256, SHA256 } from './constants.ts';
import type { SamlKey } from './keys.ts';

/**
 * Signs the root element `root` (Response, Assertion, LogoutResponse) with an
 * enveloped RSA-SHA256 signature placed right after its Issuer (schema order).
 */
export function signRoot(xml: string, root: string, key: SamlKey): string {
  const sx = new SignedXml({
    privateKey: key.keyPem,
    publicCert: key.certPem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  const self = `/*[local-name(.)='${root}']`;
  sx.addReference({ xpath: self, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sx.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${self}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sx.getSignedXml();
}

/**
 * Encrypts an assertion for a service provider: AES-256-GCM, the key wrapped
 * with RSA-OAEP (MGF1-SHA1, the form every SAML library reads).
 */
export const encryptAssertion = (assertion: string, certPem: string): Promise<string> =>
  new Promise((resolve, reject) =>
    xmlenc.encrypt(
      assertion,
      {
        rsa_pub: new X509Certificate(certPem).publicKey
          .export({ type: 'spki', format: 'pem' })
          .toString(),
        pem: certPem,
        encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
        keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
        disallowEncryptionWithInsecureAlgorithm: true,
        warnInsecureAlgorithm: false,
      },
      (err, result) =>
        err
          ? reject(err)
          : resolve(
              `<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${result}</saml:EncryptedAssertion>`,
            ),
    ),
  );

/** An HTTP-Redirect URL carrying `xml`, signed over its raw query (saml-bindings §3.4.4.1). */
export function redirectUrl(
  endpoint: string,
  kind: 'SAMLRequest' | 'SAMLResponse',
  xml: string,
  relayState: string | undefined,
  key: SamlKey,
): string {
  const enc = encodeURIComponent;
  let q = `${kind}=${enc(deflateRawSync(Buffer.from(xml)).toString('base64'))}`;
  if (relayState) q += `&RelayState=${enc(relayState)}`;
  q += `&SigAlg=${enc(RSA_SHA256)}`;
  q += `&Signature=${enc(rsaSign('sha256', Buffer.from(q), key.keyPem).toString('base64'))}`;
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${q}`;
}

/** The hidden fields of an HTTP-POST form carrying `xml`. */
export const postFields = (
  kind: 'SAMLRequest' | 'SAMLResponse',
  xml: string,
  relayState: string | undefined,
) => ({
  [kind]: Buffer.from(xml).toString('base64'),
  ...(relayState ? { RelayState: relayState } : {}),
});
