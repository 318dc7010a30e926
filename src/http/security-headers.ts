import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../context.ts';

/**
 * The security headers of every answer: scripts, styles and images from this
 * origin only, no framing, HSTS over https. `formAction` adds form-action
 * 'self' (everywhere a form stays here; not on the sign-in pages, whose forms
 * end in a redirect to the application, which browsers would check against it).
 */
export const securityHeaders = (ctx: AppContext, formAction: boolean) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      ...(formAction ? { formAction: ["'self'"] } : {}),
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: ctx.config.publicUrl.startsWith('https:')
      ? 'max-age=31536000; includeSubDomains'
      : false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
  });

/**
 * The headers `securityHeaders(ctx, formAction)` sets, once, for answers
 * written without the web app (./verify-listener.ts, ./oidc-listener.ts): the
 * same middleware run on an empty answer, so the two can never differ.
 */
export async function fixedSecurityHeaders(
  ctx: AppContext,
  formAction: boolean,
): Promise<[string, string][]> {
  const res = await new Hono()
    .use(securityHeaders(ctx, formAction))
    .get('/', (c) => c.body(null, 204))
    .request('/');
  return [...res.headers];
}
