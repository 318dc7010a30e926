// Reading SAML messages strictly (docs/design/saml-idp.md "Inbound checks"):
// bounded decoding (no deflate bomb), no DTDs, entities or processing
// instructions, parser warnings fatal, unique IDs, and signatures checked
// by xml-crypto against the service provider's registered certificates only,
// after shape checks that refuse signature wrapping (XSW). Canonicalisation
// and the signature maths stay the library's.
import { verify, X509Certificate } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import {
  ENVELOPED,
  EXC_C14N,
  MAX_POST_ENCODED,
  MAX_REDIRECT_ENCODED,
  MAX_XML,
  NS,
  RSA_SHA256,
} from './constants.ts';

/** A message refused; `reason` is for the sign-in log and the error page (no secrets in it). */
export class SamlError extends Error {
  constructor(
    readonly reason: string,
    /** What the person sees (defaults to the reason). */
    readonly detail = reason,
  ) {
    super(reason);
  }
}

/** HTTP-Redirect: base64 of raw DEFLATE, bounded both ways. */
export function inflateRedirect(b64: string): string {
  if (b64.length > MAX_REDIRECT_ENCODED) throw new SamlError('message too large');
  const raw = Buffer.from(b64, 'base64');
  try {
    return inflateRawSync(raw, { maxOutputLength: MAX_XML }).toString('utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new SamlError(
      code === 'ERR_BUFFER_TOO_LARGE' ? 'message inflates too large' : 'message does not inflate',
    );
  }
}

/** HTTP-POST: base64, bounded. */
export function decodePost(b64: string): string {
  if (b64.length > MAX_POST_ENCODED) throw new SamlError('message too large');
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(b64)) throw new SamlError('message is not base64');
  return Buffer.from(b64, 'base64').toString('utf8');
}

/** Child elements of `el` named `name` in `ns`. */
export const children = (el: Element, ns: string, name: string): Element[] =>
  Array.from(el.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  );

/** The trimmed text of the first child `name` in `ns`, if any. */
export const childText = (el: Element, ns: string, name: string): string | undefined =>
  children(el, ns, name)[0]?.textContent?.trim() || undefined;

/**
 * Parses `xml` whose root must be `ns`:`root`: refuses DTDs, entity
 * declarations and processing instructions before parsing (one leading XML
 * declaration allowed), treats every parser warning as fatal, and requires
 * every ID to be unique (a signature's reference must name one element).
 */
export function parseStrict(xml: string, root: string, ns: string = NS.samlp): Document {
  if (xml.length > MAX_XML) throw new SamlError('message too large');
  const body = xml.replace(/^\uFEFF?<\?xml\s[^?]*\?>/, '');
  if (/<!DOCTYPE|<!ENTITY|<\?/i.test(body))
    throw new SamlError('DTDs, entities and processing instructions are refused');
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        throw new SamlError(
          `malformed XML (${level}): ${String(msg).split('\n')[0]?.slice(0, 120)}`,
        );
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    if (e instanceof SamlError) throw e;
    throw new SamlError('malformed XML');
  }
  const el = doc.documentElement;
  if (doc.doctype || !el || el.namespaceURI !== ns || el.localName !== root)
    throw new SamlError(`not a ${root}`);
  const ids = new Set<string>();
  for (const e of Array.from(doc.getElementsByTagName('*')))
    for (const a of ['ID', 'Id', 'id']) {
      const v = e.getAttribute(a);
      if (!v) continue;
      if (ids.has(v)) throw new SamlError('duplicate ID');
      ids.add(v);
    }
  return doc;
}

const publicKeys = (pems: readonly string[]) =>
  pems.flatMap((pem) => {
    try {
      return [new X509Certificate(pem).publicKey];
    } catch {
      return [];
    }
  });

/** The parameters of the HTTP-Redirect binding, read and signed by their own names. */
const BINDING_PARAMS = ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature'];

/**
 * An HTTP-Redirect query, read once for both uses: each parameter's raw part
 * as received (what the signature covers) and its decoded value (what is
 * read). A binding parameter sent twice, or with its name percent-encoded
 * (`SAML%52equest`: decoded by a query parser, not covered by the signature
 * as that name), is refused: what is read must be what was signed.
 */
export function redirectQuery(rawQuery: string): Map<string, { raw: string; value: string }> {
  const params = new Map<string, { raw: string; value: string }>();
  for (const part of rawQuery.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
    } catch {
      throw new SamlError('malformed query');
    }
    if (!BINDING_PARAMS.includes(name)) continue;
    if (name !== rawName) throw new SamlError(`${name} is sent with an encoded name`);
    if (params.has(name)) throw new SamlError(`${name} is sent twice`);
    params.set(name, { raw: part, value });
  }
  return params;
}

/**
 * An HTTP-Redirect message's signature (saml-bindings §3.4.4.1): over the raw
 * query parts as received, in fixed order, RSA-SHA256, by one of `certs`.
 * Returns whether the query was signed at all (false: no Signature).
 */
export function verifyRedirectSignature(
  rawQuery: string,
  certs: readonly string[],
  kind: 'SAMLRequest' | 'SAMLResponse' = 'SAMLRequest',
): boolean {
  const params = redirectQuery(rawQuery);
  const sigAlg = params.get('SigAlg');
  const sig = params.get('Signature');
  if (!sigAlg && !sig) return false;
  if (!sigAlg || !sig) throw new SamlError('incomplete signature');
  if (sigAlg.value !== RSA_SHA256) throw new SamlError('signature algorithm must be RSA-SHA256');
  const signed = [kind, 'RelayState', 'SigAlg']
    .map((k) => params.get(k)?.raw)
    .filter((p): p is string => p !== undefined)
    .join('&');
  const bytes = Buffer.from(sig.value, 'base64');
  if (!publicKeys(certs).some((key) => verify('sha256', Buffer.from(signed), key, bytes)))
    throw new SamlError('bad signature');
  return true;
}

/** Whether the root of `doc` carries an enveloped signature (signed or not, judged later). */
export const hasRootSignature = (doc: Document): boolean =>
  doc.getElementsByTagNameNS(NS.ds, 'Signature').length > 0;

/**
 * An HTTP-POST message's enveloped signature, pinned to `certs` (never the
 * KeyInfo it carries) and shaped against XSW: exactly one ds:Signature in the
 * document, a child of the root, one Reference to `#<root ID>`, transforms
 * only enveloped-signature and exclusive c14n. Returns the document re-read
 * from the bytes that were signed: the caller reads only that.
 */
export function verifyPostSignature(
  xml: string,
  doc: Document,
  certs: readonly string[],
): Document {
  const root = doc.documentElement!;
  const all = doc.getElementsByTagNameNS(NS.ds, 'Signature');
  const own = children(root, NS.ds, 'Signature');
  if (all.length !== 1 || own.length !== 1)
    throw new SamlError('exactly one signature, on the message itself, is required');
  const refs = own[0]!.getElementsByTagNameNS(NS.ds, 'Reference');
  const id = root.getAttribute('ID');
  if (!id || refs.length !== 1 || refs[0]!.getAttribute('URI') !== `#${id}`)
    throw new SamlError('the signature does not cover the message');
  for (const t of Array.from(refs[0]!.getElementsByTagNameNS(NS.ds, 'Transform')))
    if (![ENVELOPED, EXC_C14N].includes(t.getAttribute('Algorithm') ?? ''))
      throw new SamlError('signature transform not allowed');
  for (const pem of certs) {
    const sx = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
    sx.loadSignature(own[0]! as unknown as Node);
    let ok = false;
    try {
      ok = sx.checkSignature(xml);
    } catch {
      ok = false;
    }
    const signed = sx.getSignedReferences()[0];
    if (ok && signed) return parseStrict(signed, root.localName!, root.namespaceURI ?? NS.samlp);
  }
  throw new SamlError('bad signature');
}
