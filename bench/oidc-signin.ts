// For the OpenID Connect benchmark: plain HTTP requests to a local server, and
// one authorization-code flow (PKCE, password-only sign-in through the
// Portcullis pages, first-party so no consent) that ends in a refresh token.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

export interface Target {
  port: number;
  agent: http.Agent;
}

export interface Reply {
  status: number;
  body: string;
  location: string | undefined;
  setCookie: string[];
}

/** One request; a form body is sent as application/x-www-form-urlencoded. */
export function send(
  { port, agent }: Target,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  form?: Record<string, string>,
): Promise<Reply> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          ...headers,
          ...(body !== undefined
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
              }
            : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (data += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: data,
            location: res.headers.location,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const basicAuth = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A browser's cookies over `target`: `call` sends them and keeps what is set. */
export function cookieJar(target: Target) {
  const jar = new Map<string, string>();
  return async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const { pathname, search } = new URL(url, 'http://127.0.0.1');
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await send(target, method, pathname + search, cookie ? { cookie } : {}, form);
    for (const c of res.setCookie) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), value);
    }
    return res;
  };
}
export type Call = ReturnType<typeof cookieJar>;

/**
 * Follows redirects from `res` until `done` says it is the end, signing in
 * with the password once if the sign-in page is shown.
 */
export async function browse(
  call: Call,
  res: Reply,
  done: (res: Reply) => boolean,
  credentials: { username: string; password: string },
): Promise<Reply> {
  let signedIn = false;
  for (let hop = 0; hop < 20; hop++) {
    if (done(res)) return res;
    if (res.location) res = await call('GET', res.location);
    else if (!signedIn && /name="password"/.test(res.body)) {
      const field = (name: string) =>
        new RegExp(`name="${name}" value="([^"]*)"`).exec(res.body)?.[1]?.replace(/&amp;/g, '&');
      res = await call('POST', '/signin', {
        _csrf: field('_csrf') ?? '',
        rd: field('rd') ?? '',
        ...credentials,
      });
      signedIn = true;
    } else throw new Error(`stuck at ${res.status}: ${res.body.slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}

/**
 * One authorization-code flow in the browser `call` (signing `username` in
 * if it is not yet), the code redeemed at /oidc/token: the token response.
 */
export async function codeFlow(
  target: Target,
  call: Call,
  client: { id: string; secret: string; redirectUri: string },
  credentials: { username: string; password: string },
  extra: Record<string, string> = {},
): Promise<{ status: number; tokens: { refresh_token?: string; id_token?: string } }> {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: client.id,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: client.redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    ...extra,
  });
  const res = await browse(
    call,
    await call('GET', `/oidc/auth?${query}`),
    (r) => !!r.location?.startsWith(client.redirectUri),
    credentials,
  );
  const code = new URL(res.location!).searchParams.get('code');
  if (!code) throw new Error(`no code: ${res.location}`);
  const token = await send(
    target,
    'POST',
    '/oidc/token',
    { authorization: basicAuth(client.id, client.secret) },
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    },
  );
  return { status: token.status, tokens: JSON.parse(token.body) as { refresh_token?: string } };
}

/**
 * Signs `username` in through /oidc/auth as a browser would (a cookie jar, no
 * automatic redirects), redeems the code at /oidc/token and returns the
 * refresh token.
 */
export async function refreshTokenByCodeFlow(
  target: Target,
  client: { id: string; secret: string; redirectUri: string },
  username: string,
  password: string,
): Promise<string> {
  const { status, tokens } = await codeFlow(
    target,
    cookieJar(target),
    client,
    { username, password },
    // oidc-provider issues refresh tokens for offline_access only with consent asked for.
    { scope: 'openid offline_access', prompt: 'consent' },
  );
  if (status !== 200 || !tokens.refresh_token) throw new Error(`token: ${status}`);
  return tokens.refresh_token;
}
