// The OAuth 2.0 device authorization grant (RFC 8628): a command-line tool or
// a TV shows a short code; its user types it at /device on a phone or a
// computer and signs in there, with the same policy as every other way in.
// oidc-provider runs the protocol; here are what it leaves to us: its pages,
// the polling interval it does not enforce (slow_down), and a limit on
// guessing user codes.

import type { IncomingMessage } from 'node:http';
import { sql } from 'kysely';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { limiter, limitKeys } from '../flows/limits.ts';
import { clientInfoOfRequest } from '../http/client.ts';
import {
  acceptLanguage,
  type Locale,
  negotiate,
  type Translate,
  translator,
} from '../i18n/index.ts';
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

/** The page's language, from the browser's (Accept-Language). */
const tr = (koa: { get(name: string): string }): { t: Translate; lang: Locale } => {
  const lang = negotiate(acceptLanguage(koa.get('accept-language') || undefined));
  return { t: translator(lang), lang };
};

/** The client's address, read through trusted proxies like every other page's. */
const clientIp = (ctx: AppContext, koa: { req: IncomingMessage }) =>
  clientInfoOfRequest(koa.req, ctx.config.trustedProxies).ip;

/** What the code page says after an attempt (oidc-provider's error names). */
function codeMessage(
  t: Translate,
  err: Error | undefined,
  out?: { error?: string; error_description?: string },
): string {
  switch (err?.name) {
    case undefined:
      return '';
    case 'NoCodeError':
      return t('device.noCode');
    case 'NotFoundError':
      return t('device.wrongCode');
    case 'ExpiredError':
      return t('device.expired');
    case 'AlreadyUsedError':
      return t('device.used');
    case 'AbortedError':
      return t('device.cancelled');
    default:
      // What the sign-in answered (e.g. the application's requirement that cannot be met).
      return out?.error_description ?? t('device.failed');
  }
}

/** oidc-provider's `features.deviceFlow`: on, with our pages, in the browser's language. */
export function deviceFlowFeature(ctx: AppContext): DeviceFlow {
  return {
    enabled: true,
    // oidc-provider's defaults: BCDFGHJKLMNPQRSTVWXZ (no vowels, no look-alikes), as XXXX-XXXX.
    charset: 'base-20',
    mask: '****-****',
    // Shown on the confirmation page: the device's address as we read it (not a header it wrote).
    deviceInfo: (koa) => ({ ip: clientIp(ctx, koa), ua: koa.get('user-agent') }),
    async userCodeInputSource(koa, _form, out, err) {
      if (err?.name === 'NotFoundError') unknownCode.add(koa);
      const { t, lang } = tr(koa);
      const code = (err as { userCode?: string } | undefined)?.userCode ?? '';
      const message = codeMessage(t, err, out);
      const secret = String((koa as Koa).oidc.session?.state?.secret ?? '');
      koa.type = 'html';
      koa.body = page(
        t('device.title'),
        `${message ? `<p class="error" role="alert">${text(message)}</p>` : ''}<p>${text(t('device.intro'))}</p><form method="post" action="${text(DEVICE_PATH)}"><input type="hidden" name="xsrf" value="${text(secret)}"><label for="user_code">${text(t('device.code'))}</label><input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus value="${text(code)}"><button type="submit">${text(t('device.next'))}</button></form>`,
        lang,
      );
    },
    async userCodeConfirmSource(koa, form, client, deviceInfo, userCode) {
      const { t, lang } = tr(koa);
      const app = client.clientName ?? client.clientId;
      const from = deviceInfo as { ip?: string | null } | undefined;
      koa.type = 'html';
      koa.body = page(
        t('device.confirmTitle', { app }),
        `${form}<p>${text(t('device.confirmAsking', { app }))}</p><p>${text(t('device.confirmCheck'))}</p><p class="code-display"><code>${text(userCode)}</code></p>${from?.ip ? `<p class="hint">${text(t('device.confirmFrom', { ip: from.ip }))}</p>` : ''}<p class="hint">${text(t('device.confirmWarning'))}</p><div class="row"><button autofocus type="submit" form="op.deviceConfirmForm">${text(t('device.continue'))}</button><button type="submit" form="op.deviceConfirmForm" value="yes" name="abort" class="secondary-button">${text(t('device.cancel'))}</button></div>`,
        lang,
      );
    },
    async successSource(koa) {
      const { t, lang } = tr(koa);
      const app = koa.oidc.client?.clientName ?? koa.oidc.client?.clientId ?? '';
      koa.type = 'html';
      koa.body = page(t('device.doneTitle'), `<p>${text(t('device.done', { app }))}</p>`, lang);
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
  const r = await limiter(ctx).reserve([limitKeys.userCode(clientIp(ctx, koa))]);
  if (!r.ok) {
    const { t, lang } = tr(koa);
    koa.status = 429;
    koa.set('retry-after', String(Math.max(1, r.wait)));
    koa.type = 'html';
    koa.body = page(
      t('device.title'),
      `<p class="error" role="alert">${text(t('device.tooMany'))}</p><p><a href="${text(DEVICE_PATH)}">${text(t('device.again'))}</a></p>`,
      lang,
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
