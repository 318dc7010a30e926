// The yardstick for bench/oidc.ts: oidc-provider alone, with its in-memory
// adapter, the same lifetimes, signing algorithm and client settings as
// Portcullis gives it, in a process of its own on a free loopback port. It
// seeds one refresh token per chain (a grant for `openid offline_access`, as
// the code flow in bench/oidc-signin.ts makes) and prints, as one JSON line,
// its port, its clients and those refresh tokens; it stops with its parent.
//
// Environment: BARE_CHAINS (16), BENCH_ID_TOKEN_ALG (ES256), BARE_ADAPTER
// (memory, or sqlite: the least a durable store costs — ./oidc-bare-sqlite.ts).
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { TTL } from '../src/oidc/paths.ts';
import { sqliteAdapter } from './oidc-bare-sqlite.ts';

const chains = Number(process.env.BARE_CHAINS ?? 16);
const alg = process.env.BENCH_ID_TOKEN_ALG ?? 'ES256';
const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const SECRET = 'bare-provider-client-secret-0123456789';

const { privateKey } = await generateKeyPair(alg, {
  extractable: true,
  ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
});
const jwk = { ...(await exportJWK(privateKey)), kid: 'bare', alg, use: 'sig' };

// Port 0 first, then the issuer is the address it got (the issuer is fixed at construction).
const { createServer } = await import('node:http');
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const durable = process.env.BARE_ADAPTER === 'sqlite';
const provider = new Provider(`http://127.0.0.1:${port}`, {
  ...(durable ? { adapter: sqliteAdapter() } : {}),
  clients: [
    {
      client_id: 'machine',
      client_secret: SECRET,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      id_token_signed_response_alg: alg as 'ES256' | 'RS256',
    },
    {
      client_id: 'web',
      client_secret: SECRET,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [REDIRECT_URI],
      id_token_signed_response_alg: alg as 'ES256' | 'RS256',
    },
  ],
  jwks: { keys: [jwk] } as never,
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  enabledJWA: { idTokenSigningAlgValues: [alg] } as never,
  pkce: { required: () => true },
  // The token endpoint where Portcullis has it, so one client serves both.
  routes: { token: '/oidc/token' },
  responseTypes: ['code'],
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  rotateRefreshToken: true,
  ttl: TTL,
  async findAccount(_ctx, sub) {
    return { accountId: sub, claims: async () => ({ sub }) };
  },
});
provider.proxy = true;
const callback = provider.callback();
server.on('request', (req, res) => void callback(req, res));

// One grant and refresh token per chain, as an authorization code redemption leaves them.
const client = await provider.Client.find('web');
const tokens: string[] = [];
for (let i = 0; i < chains; i++) {
  const accountId = `bench-${i}`;
  const grant = new provider.Grant({ accountId, clientId: 'web' });
  grant.addOIDCScope('openid offline_access');
  const grantId = await grant.save();
  const refresh = new provider.RefreshToken({
    accountId,
    client,
    grantId,
    gty: 'authorization_code',
    scope: 'openid offline_access',
    authTime: Math.floor(Date.now() / 1000),
  } as never);
  tokens.push(await refresh.save());
}
console.log(
  JSON.stringify({
    port,
    clients: { machine: 'machine', web: 'web', secret: SECRET, redirectUri: REDIRECT_URI },
    refreshTokens: tokens,
  }),
);
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
