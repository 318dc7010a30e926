// The OAuth 2.0 device authorization grant (RFC 8628): a command-line tool or
// a TV shows a short code; its user types it at /device on a phone or a
// computer and signs in there, with the same policy as every other way in.
// oidc-provider runs the protocol; here are what it leaves to us: its pages,
// the polling interval it does not enforce (slow_down), and a limit on
// guessing user codes.
import { sql } from 'kysely';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { limiter, limitKeys } from '../flows/limits.ts';
import { clientInfoOf } from '../http/client.ts';
import { page, text } from './pages.ts';
import { DEVICE_PATH, OIDC_PREFIX, TTL } from './paths.ts';

type Koa = KoaContextWithOIDC;
type DeviceFlow = NonNullable<NonNullable<Configuration['features']>['deviceFlow']>;

/** Seconds a device waits between polls (§3.2 `interval`); each slow_down adds five (§3.5). */
export const POLL_INTERVAL = 5;
const MAX_INTERVAL = 60;
/** A poll this early is still on time (the device's timer and the network are not exact). */
const SLACK_MS = 1000;

/** Requests whose user code was not found: a wrong guess, counted by the limit. */
const unknownCode = new WeakSet<object>();

/** What the code page says after an attempt (oidc-provider's error names). */
function codeMessage(
  err: Error | undefined,
  out?: { error?: string; error_description?: string },
): string {
  switch (err?.name) {
    case undefined:
      return '';
    case 'NoCodeError':
      return 'Enter the code shown on your device.';
    case 'NotFoundError':
      return 'That code is not right. Check the code on your device and try again.';
    case 'ExpiredError':
      return 'That code has expired. Start again on your device to get a new one.';
    case 'AlreadyUsedError':
      return 'That code has already been used. Start again on your device to get a new one.';
    case 'AbortedError':
      return 'You cancelled the sign-in. Your device was not signed in; you can close this window.';
    default:
      return out?.error_description ?? out?.error ?? 'The sign-in could not be completed.';
  }
}

/** The form that asks for the user code, with oidc-provider's cross-site token. */
function codeForm(koa: Koa, code: string | undefined, message: string) {
  const secret = String(koa.oidc.session?.state?.secret ?? '');
  return page(
    'Sign in on another device',
    `${message ? `<p class="error" role="alert">${text(message)}</p>` : ''}<p>Enter the code your device or application shows.</p><form method="post" action="${text(DEVICE_PATH)}"><input type="hidden" name="xsrf" value="${text(secret)}"><label for="user_code">Code</label><input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus value="${text(code ?? '')}"><button type="submit">Next</button></form>`,
  );
}

/** oidc-provider's `features.deviceFlow`: on, with our pages. */
export function deviceFlowFeature(): DeviceFlow {
  return {
    enabled: true,
    // oidc-provider's defaults: BCDFGHJKLMNPQRSTVWXZ (no vowels, no look-alikes), as XXXX-XXXX.
    charset: 'base-20',
    mask: '****-****',
    async userCodeInputSource(koa, _form, out, err) {
      if (err?.name === 'NotFoundError') unknownCode.add(koa);
      const code = (err as { userCode?: string } | undefined)?.userCode;
      koa.type = 'html';
      koa.body = codeForm(koa as Koa, code, codeMessage(err, out));
    },
    async userCodeConfirmSource(koa, form, client, deviceInfo, userCode) {
      const app = client.clientName ?? client.clientId;
      const from = deviceInfo as { ip?: string; ua?: string } | undefined;
      koa.type = 'html';
      koa.body = page(
        `Sign in to ${app}?`,
        `${form}<p><strong>${text(app)}</strong> is asking to sign in as you on a device.</p><p>Check that your device shows this code:</p><p class="code-display"><code>${text(userCode)}</code></p>${from?.ip ? `<p class="hint">The request came from ${text(from.ip)}.</p>` : ''}<p class="hint">Continue only if you started this yourself, on a device you have with you. If someone sent you this code, cancel.</p><div class="row"><button autofocus type="submit" form="op.deviceConfirmForm">Continue</button><button type="submit" form="op.deviceConfirmForm" value="yes" name="abort" class="secondary-button">Cancel</button></div>`,
      );
    },
    async successSource(koa) {
      const app = koa.oidc.client?.clientName ?? koa.oidc.client?.clientId ?? 'the application';
      koa.type = 'html';
      koa.body = page(
        'You are signed in',
        `<p>${text(app)} on your device is now signed in. You can close this window.</p>`,
      );
    },
  };
}

/**
 * Claims this poll's turn for a device code: true if it came on time (the
 * next is then due an interval later), false if too soon (the interval grows
 * by five seconds). One statement decides, so of polls fired together one
 * is on time.
 */
async function pollOnTime(ctx: AppContext, deviceCode: string): Promise<boolean> {
  const now = ctx.clock.now();
  const id = sha256(deviceCode);
  const claimed = await ctx.db
    .insertInto('oauth_device_polls')
    .values({
      id,
      next_poll_at: now + POLL_INTERVAL * 1000 - SLACK_MS,
      interval_seconds: POLL_INTERVAL,
      expires_at: now + 2 * TTL.DeviceCode * 1000,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({
          // (bigint: on PostgreSQL an integer column times a number stays an integer)
          next_poll_at: sql<number>`cast(${now - SLACK_MS} as bigint) + ${sql.ref('oauth_device_polls.interval_seconds')} * 1000`,
        })
        .where('oauth_device_polls.next_poll_at', '<=', now),
    )
    .returning('id')
    .executeTakeFirst();
  if (claimed) return true;
  await ctx.db
    .updateTable('oauth_device_polls')
    .set((eb) => ({ interval_seconds: eb('interval_seconds', '+', 5) }))
    .where('id', '=', id)
    .where('interval_seconds', '<', MAX_INTERVAL)
    .execute();
  return false;
}

const TOKEN = `${OIDC_PREFIX}/token`;

/**
 * Koa middleware for the provider: guesses at /device count under the
 * client address's limit (reserve, then judge), and a device that polls
 * sooner than its interval while its user has not yet answered hears
 * slow_down instead of authorization_pending.
 */
export function deviceMiddleware(ctx: AppContext) {
  return async (koa: Koa, next: () => Promise<void>) => {
    if (koa.method === 'POST' && koa.path === DEVICE_PATH) return userCodeEntry(ctx, koa, next);
    await next();
    if (koa.path !== TOKEN || koa.status !== 400) return;
    const body = koa.body as { error?: string } | undefined;
    const deviceCode = koa.oidc?.params?.device_code;
    if (body?.error !== 'authorization_pending' || typeof deviceCode !== 'string') return;
    if (!(await pollOnTime(ctx, deviceCode)))
      koa.body = {
        error: 'slow_down',
        error_description: 'you are polling too quickly and should back off at a reasonable rate',
      };
  };
}

async function userCodeEntry(ctx: AppContext, koa: Koa, next: () => Promise<void>) {
  const { ip } = clientInfoOf(
    koa.req.socket.remoteAddress ?? null,
    (name) => {
      const v = koa.req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    },
    ctx.config.trustedProxies,
  );
  const r = await limiter(ctx).reserve([limitKeys.userCode(ip)]);
  if (!r.ok) {
    koa.status = 429;
    koa.set('retry-after', String(Math.max(1, r.wait)));
    koa.type = 'html';
    koa.body = page(
      'Sign in on another device',
      `<p class="error" role="alert">Too many wrong codes from your network. Wait ${Math.max(1, r.wait)} seconds, then try again.</p><p><a href="${text(DEVICE_PATH)}">Enter the code again</a></p>`,
    );
    return;
  }
  try {
    await next();
  } catch (e) {
    await r.void();
    throw e;
  }
  if (unknownCode.has(koa)) await r.wrong();
  else if (koa.oidc?.entities?.DeviceCode) await r.right();
  else await r.void();
}
