// A relying party (openid-client) and a person at a cookie-keeping form
// client, for OpenID Connect tests against a real Portcullis HTTP server.
import * as client from 'openid-client';
import { SoftAuthenticator } from '../methods/passkey-authenticator.ts';
import { FormClient } from './browser.ts';
import { codeAt, secretFromPage } from './totp.ts';

export const REDIRECT = 'http://127.0.0.1:9/cb';

/** What the person answers, and what they saw on the way. */
export interface Person {
  upn: string;
  password: string;
  /** The authenticator secret, once registered (proof-up fills it in). */
  secret?: string;
  /** The last time step (ms) a code was used: each step is accepted once. */
  lastCodeAt?: number;
  consent?: 'allow' | 'deny';
  /** A software passkey: registered when a registration asks for one, used when asked. */
  passkey?: SoftAuthenticator;
}

export type Page =
  | 'password'
  | 'proofup'
  | 'enrol'
  | 'verify'
  | 'enrol-passkey'
  | 'passkey'
  | 'consent'
  | 'app-passwords';

/** The WebAuthn options a passkey page carries for its script. */
const passkeyChallenge = (html: string) =>
  (
    JSON.parse(
      /<script type="application\/json" id="passkey-options">([^<]*)<\/script>/.exec(html)![1]!,
    ) as { challenge: string }
  ).challenge;

export const discover = (issuer: string, clientId: string, clientSecret: string) =>
  client.discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(clientSecret), {
    execute: [client.allowInsecureRequests],
  });

/** A TOTP code for a step this person has not used yet. */
function nextCode(p: Person): string {
  const now = Date.now();
  const at = p.lastCodeAt && now - p.lastCodeAt < 30_000 ? p.lastCodeAt + 30_000 : now;
  p.lastCodeAt = at;
  return codeAt(p.secret!, at);
}

/**
 * Starts an authorization request and plays the person through whatever pages
 * Portcullis shows, until the browser is sent to the redirect URI.
 */
export async function authorize(
  b: FormClient,
  config: client.Configuration,
  person: Person,
  extra: Record<string, string> = {},
) {
  const issuer = config.serverMetadata().issuer;
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  const done = await playThrough(
    b,
    issuer,
    await b.get(url.pathname + url.search),
    person,
    (res) => !!res.headers.get('location')?.startsWith(REDIRECT),
  );
  const callback = new URL(done.res.headers.get('location')!);
  const tokens = () =>
    client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
  return { callback, seen: done.seen, tokens };
}

/**
 * Plays the person through whatever pages Portcullis shows, from `res`
 * (following redirects within `issuer`), until `done` says an answer is the
 * end (a redirect to the application, a page posting to it).
 */
export async function playThrough(
  b: FormClient,
  issuer: string,
  start: Response,
  person: Person,
  done: (res: Response) => boolean,
): Promise<{ res: Response; seen: Page[] }> {
  const seen: Page[] = [];
  let res = start;
  for (let i = 0; i < 30; i++) {
    if (done(res)) return { res, seen };
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, issuer);
      res = await b.get(next.pathname + next.search);
      continue;
    }
    const html = b.lastHtml;
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    if (/name="password"/.test(html) && action === '/signin') {
      if (res.status >= 400) throw new Error(`stuck at ${res.status}: ${html.slice(0, 400)}`);
      seen.push('password');
      const strength = /name="strength" value="([^"]+)"/.exec(html)?.[1];
      res = await b.post('/signin', {
        username: person.upn,
        password: person.password,
        rd: /name="rd" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'),
        ...(strength ? { strength } : {}),
      });
    } else if (/data-passkey="register"/.test(html)) {
      seen.push('enrol-passkey');
      const { origin, hostname } = new URL(issuer);
      person.passkey ??= new SoftAuthenticator(hostname, origin);
      const response = person.passkey.register(passkeyChallenge(html));
      res = await b.post(action!, { name: 'Laptop', response: JSON.stringify(response) });
    } else if (/data-passkey="authenticate"/.test(html) && action?.startsWith('/signin/verify')) {
      seen.push('passkey');
      const response = person.passkey!.assert(passkeyChallenge(html));
      res = await b.post(action, { response: JSON.stringify(response) });
    } else if (/id="secret-key"/.test(html)) {
      seen.push('enrol');
      person.secret = secretFromPage(html);
      res = await b.post(action!, { code: nextCode(person) });
    } else if (action === '/signin/proofup') {
      seen.push('proofup');
      // An authenticator app where offered, else the first method offered (a passkey, for a strength).
      const offered = [...html.matchAll(/name="method" value="(\w+)"/g)].map((m) => m[1]!);
      const method = offered.includes('PhoneAppOTP') ? 'PhoneAppOTP' : offered[0]!;
      res = await b.post(action, { method });
    } else if (action?.startsWith('/signin/verify')) {
      seen.push('verify');
      res = await b.post(action, { code: nextCode(person) });
    } else if (/name="decision"/.test(html)) {
      seen.push('consent');
      res = await b.post(action!, { decision: person.consent ?? 'allow' });
    } else if (/href="([^"]+)"[^>]*>Done</.test(html)) {
      seen.push('app-passwords');
      const done = /href="([^"]+)"[^>]*>Done</.exec(html)![1]!.replace(/&amp;/g, '&');
      res = await b.get(done);
    } else {
      throw new Error(`stuck at ${res.status} after ${seen.join(', ')}: ${html.slice(0, 400)}`);
    }
  }
  throw new Error(`too many steps: ${seen.join(', ')}`);
}

export const newBrowser = (issuer: string) => new FormClient((r) => fetch(r), issuer);
