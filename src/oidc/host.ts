// oidc-provider takes its signing keys once, when built. A key rotation on
// any node (or a retired key's time running out) changes the key set in the
// database; each node notices within a second and builds a new provider.
// All provider state is in the database, so requests already running on the
// old one finish normally.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { keySetVersion, signingKeys } from './keys.ts';

export interface OidcInstance {
  provider: Provider;
  /** The provider's Node request handler (built once per provider). */
  callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface OidcHost {
  current(): Promise<OidcInstance>;
}

export async function oidcHost(
  ctx: AppContext,
  build: (ctx: AppContext) => Promise<Provider>,
): Promise<OidcHost> {
  const make = async (): Promise<OidcInstance> => {
    const provider = await build(ctx);
    const handle = provider.callback();
    return { provider, callback: async (req, res) => void (await handle(req, res)) };
  };
  await signingKeys(ctx); // the first key, made before the version is read
  let version = await keySetVersion(ctx);
  let instance = await make();
  return {
    // Checked at most once a second per process (the context cache).
    current: () =>
      ctx.cache.get('oidc-provider', async () => {
        const now = await keySetVersion(ctx);
        if (now !== version) {
          instance = await make();
          version = now;
          ctx.log.info('signing keys changed: OpenID Connect provider rebuilt');
        }
        return instance;
      }),
  };
}
