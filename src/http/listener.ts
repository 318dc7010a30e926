// What Node's HTTP server calls for each request: HTTP verify and the OpenID
// Connect protocol endpoints answered on Node's own request, everything else
// by the web app (Hono).
import { getRequestListener } from '@hono/node-server';
import type { AppContext } from '../context.ts';
import type { OidcHost } from '../oidc/host.ts';
import { createApp } from './app.tsx';
import { withOidcListener } from './oidc-listener.ts';
import { type Listener, withVerifyListener } from './verify-listener.ts';

export async function serverListener(
  ctx: AppContext,
  opts: { oidc?: OidcHost; hostname?: string } = {},
): Promise<{ app: ReturnType<typeof createApp>; listener: Listener }> {
  const app = createApp(ctx, opts.oidc ? { oidc: opts.oidc } : {});
  const web = getRequestListener(app.fetch, opts.hostname ? { hostname: opts.hostname } : {});
  const listener = await withVerifyListener(
    ctx,
    opts.oidc ? await withOidcListener(ctx, opts.oidc, web) : web,
  );
  return { app, listener };
}
