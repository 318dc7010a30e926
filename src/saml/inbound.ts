// A request from a service provider (AuthnRequest, LogoutRequest) as it
// arrives by either binding: decoded within limits, parsed strictly, its
// issuer found among the registered applications, its signature checked
// against that application's certificates (docs/design/saml-idp.md "Inbound
// checks"), then its destination and age. Whatever is wrong is a
// RequestRefused, naming the application when it is known (the sign-in log).
import type { Document } from '@xmldom/xmldom';
import type { AppContext } from '../context.ts';
import { findServiceProvider } from '../services/saml-apps.ts';
import { NS } from './constants.ts';
import {
  childText,
  decodePost,
  hasRootSignature,
  inflateRedirect,
  parseStrict,
  SamlError,
  verifyPostSignature,
  verifyRedirectSignature,
} from './xml.ts';

/** How far a request's IssueInstant may be from our clock. */
export const CLOCK_SKEW_MS = 3 * 60_000;

/** A message as it arrived: the binding, the encoded message and (Redirect) the raw query. */
export type Inbound =
  | { binding: 'redirect'; message: string; relayState: string | undefined; rawQuery: string }
  | { binding: 'post'; message: string; relayState: string | undefined };

export class RequestRefused extends SamlError {
  constructor(
    reason: string,
    readonly applicationId: string | null,
  ) {
    super(reason);
  }
}

type Found = NonNullable<Awaited<ReturnType<typeof findServiceProvider>>>;

/**
 * Reads a `root` request sent to our endpoint at `path`, then hands it to
 * `use` (whose SamlErrors are refusals of that application's request).
 */
export async function readRequest<T>(
  ctx: AppContext,
  inbound: Inbound,
  root: 'AuthnRequest' | 'LogoutRequest',
  path: string,
  use: (doc: Document, found: Found, signed: boolean) => Promise<T>,
): Promise<T> {
  let appId: string | null = null;
  try {
    const xml =
      inbound.binding === 'redirect'
        ? inflateRedirect(inbound.message)
        : decodePost(inbound.message);
    let doc = parseStrict(xml, root);
    const issuer = childText(doc.documentElement!, NS.saml, 'Issuer');
    if (!issuer) throw new SamlError('the request names no Issuer');
    const found = await findServiceProvider(ctx, issuer);
    if (!found)
      throw new SamlError(`no SAML application has the entity id "${issuer.slice(0, 200)}"`);
    const { sp } = found;
    appId = sp.applicationId;
    // Signed? Redirect: over the query; POST: enveloped, then only what was signed is read.
    let signed = false;
    if (inbound.binding === 'redirect') {
      if (sp.signingCerts.length > 0)
        signed = verifyRedirectSignature(inbound.rawQuery, sp.signingCerts);
    } else if (sp.signingCerts.length > 0 && hasRootSignature(doc)) {
      doc = verifyPostSignature(xml, doc, sp.signingCerts);
      signed = true;
    }
    if (sp.wantRequestsSigned && !signed)
      throw new SamlError('the request is not signed, and this application signs its requests');
    const r = doc.documentElement!;
    if (childText(r, NS.saml, 'Issuer') !== issuer)
      throw new SamlError('the request was changed after it was signed');
    const destination = r.getAttribute('Destination') || undefined;
    const ours = `${ctx.config.publicUrl}${path}`;
    // (saml-bindings §3.4.5.2, §3.5.5.2: a signed message names where it is for.)
    if (destination !== undefined ? destination !== ours : signed)
      throw new SamlError(
        `the request is for another destination (${(destination ?? 'none').slice(0, 200)})`,
      );
    const issued = Date.parse(r.getAttribute('IssueInstant') ?? '');
    if (!Number.isFinite(issued) || Math.abs(issued - ctx.clock.now()) > CLOCK_SKEW_MS)
      throw new SamlError(
        'the request was issued too long ago, or in the future (check the clocks)',
      );
    return await use(doc, found, signed);
  } catch (e) {
    if (e instanceof RequestRefused) throw e;
    if (e instanceof SamlError) throw new RequestRefused(e.reason, appId);
    throw e;
  }
}
