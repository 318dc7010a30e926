// The OpenID Connect protocol endpoints are oidc-provider's own (a Koa app),
// handed Node's request before the web app sees it: the web app's way there
// (a Fetch Request built around Node's, its router, its middleware) cost
// about as much as a client-credentials grant's own database write (`npm run
// bench`, oidc). The interaction pages (who signs in, consent) stay the web
// app's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.ts';
import type { OidcHost } from '../oidc/host.ts';
import { DEVICE_PATH, OIDC_PREFIX } from '../oidc/paths.ts';
import { toAppError } from './errors.ts';
import { problemAnswer, writeAnswer } from './problem.ts';
import { fixedSecurityHeaders } from './security-headers.ts';
import type { Listener } from './verify-listener.ts';

const DISCOVERY = '/.well-known/openid-configuration';
const INTERACTION = `${OIDC_PREFIX}/interaction/`;

/**
 * Whether `url` (path and query) is oidc-provider's: discovery, the device
 * code pages, or under the prefix but not an interaction.
 */
export function isProviderUrl(url: string): boolean {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path === DISCOVERY || path === DEVICE_PATH || path.startsWith(`${DEVICE_PATH}/`)) return true;
  if (path !== OIDC_PREFIX && !path.startsWith(`${OIDC_PREFIX}/`)) return false;
  return !path.startsWith(INTERACTION);
}

/** Node's request listener: oidc-provider's endpoints to it, everything else to `app`. */
export async function withOidcListener(
  ctx: AppContext,
  oidc: OidcHost,
  app: Listener,
): Promise<Listener> {
  // Its own pages (errors, the sign-out question, form_post) lead away like
  // sign-in's (no form-action); for form_post it adds its inline script's hash
  // to this script-src, which is why the headers are on the response first.
  const security = await fixedSecurityHeaders(ctx, false);
  // oidc-provider builds every URL it publishes from the request (Koa, with
  // `proxy`): it is told the configured public URL, whatever a client or
  // proxy sent, so discovery can be neither wrong nor poisoned.
  const publicUrl = new URL(ctx.config.publicUrl);
  const host = publicUrl.host;
  const proto = publicUrl.protocol.slice(0, -1);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    req.headers['x-forwarded-host'] = host;
    req.headers['x-forwarded-proto'] = proto;
    for (const [name, value] of security) res.setHeader(name, value);
    try {
      await (await oidc.current()).callback(req, res);
    } catch (e) {
      // Only the provider's host can fail here (the database away while it
      // checks the signing keys): oidc-provider answers its own errors.
      // The path only: the query may hold a login_hint or an id_token_hint.
      const path = (req.url ?? '').split('?', 1)[0]!;
      const a = problemAnswer(toAppError(ctx, e, path, req.destroyed));
      if (res.headersSent) return void res.destroy();
      writeAnswer(res, a);
    }
  };
  return (req, res) => (isProviderUrl(req.url ?? '') ? void handle(req, res) : app(req, res));
}
