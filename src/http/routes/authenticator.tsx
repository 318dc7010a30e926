// The Portcullis Authenticator: its page, its script and manifest, and the device API.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { readAsset } from '../../assets.ts';
import { activateDevice, decide, deviceFor, pendingRequests } from '../../methods/push/device.ts';
import {
  pushServiceAllowed,
  readSubscription,
  subscriptionStore,
  vapidOf,
} from '../../methods/push/push-delivery.ts';
import type { HttpEnv } from '../env.ts';

type C = Context<HttpEnv>;

const script = readAsset('http/static/authenticator.js');
const serviceWorker = readAsset('http/static/sw.js');
/** Longest a device's poll is held open (long polling works through any node and proxy). */
const MAX_WAIT_S = 25;
const TEXT_KEYS = [
  'authenticator.intro',
  'authenticator.activated',
  'authenticator.failed',
  'authenticator.idle',
  'authenticator.request',
  'authenticator.number',
  'authenticator.approveButton',
  'authenticator.deny',
  'authenticator.fraud',
  'authenticator.approved',
  'authenticator.refused',
  'authenticator.codeFor',
  'authenticator.codeExpires',
] as const;

/** The script fills these in itself: formatted as `{name}` again. */
const PLACEHOLDERS = Object.fromEntries(
  ['upn', 'application', 'address', 'time', 'seconds'].map((k) => [k, `{${k}}`]),
);

const noStore = { 'cache-control': 'no-store' };
const bearer = (c: C) => /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function jsonBody(c: C): Promise<Record<string, unknown>> {
  try {
    const body = await c.req.json();
    return typeof body === 'object' && body !== null ? body : {};
  } catch {
    return {};
  }
}

/** The page: no inline script (CSP script-src 'self'); its words go in a JSON element. */
const AppPage = ({ c }: { c: C }) => {
  const { t } = c.var;
  const words = Object.fromEntries(
    TEXT_KEYS.map((k) => [k.slice('authenticator.'.length), t(k, PLACEHOLDERS)]),
  );
  // Web Push only when the deployment has VAPID keys: the script subscribes with this key.
  const vapid = vapidOf(c.var.ctx.config);
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={c.var.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t('authenticator.title')}</title>
          <link rel="manifest" href="/authenticator/manifest.webmanifest" />
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body>
          <main class="card">
            <h1>{t('authenticator.title')}</h1>
            <form id="activate-form" class="stack">
              <p>{t('authenticator.intro')}</p>
              <label for="activation-code-input">{t('authenticator.code')}</label>
              <input id="activation-code-input" inputmode="numeric" autocomplete="off" required />
              <button type="submit">{t('authenticator.activate')}</button>
            </form>
            <p id="status" role="status" />
            {vapid && (
              <button type="button" id="notifications-button" hidden>
                {t('push.enableNotifications')}
              </button>
            )}
            <section id="otp" class="stack" hidden>
              <p id="otp-label" />
              <p class="push-number" id="otp-code" />
              <p class="muted" id="otp-expires" />
            </section>
            <section id="requests" class="stack" aria-live="polite" />
          </main>
          <script type="application/json" id="authenticator-text">
            {raw(JSON.stringify(words).replace(/</g, '\\u003c'))}
          </script>
          {vapid && (
            <script type="application/json" id="authenticator-push">
              {raw(JSON.stringify({ vapidPublicKey: vapid.publicKey }))}
            </script>
          )}
          <script type="module" src="/static/authenticator.js" />
        </body>
      </html>
    </>
  );
};

export const authenticatorRoutes = new Hono<HttpEnv>()
  .get('/authenticator', (c) => c.html(<AppPage c={c} />))
  .get('/authenticator/manifest.webmanifest', (c) =>
    c.json(
      {
        name: 'Portcullis Authenticator',
        short_name: 'Authenticator',
        start_url: '/authenticator',
        scope: '/authenticator',
        display: 'standalone',
      },
      200,
      { 'content-type': 'application/manifest+json' },
    ),
  )
  .get('/static/authenticator.js', (c) =>
    c.body(script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  )

  // Web Push (issue 8): the service worker, scoped to the app.
  .get('/authenticator/sw.js', (c) =>
    c.body(serviceWorker, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  )

  // The device's Web Push subscription, saved or replaced (only with VAPID configured).
  .put('/authenticator/api/push-subscription', async (c) => {
    const { ctx } = c.var;
    const device = await deviceFor(ctx, bearer(c));
    if (!device) return c.json({ error: 'unknown_device' }, 401, noStore);
    if (!vapidOf(ctx.config)) return c.json({ error: 'push_not_configured' }, 404, noStore);
    const subscription = readSubscription(await jsonBody(c));
    if (!subscription) return c.json({ error: 'invalid_subscription' }, 400, noStore);
    if (!pushServiceAllowed(subscription.endpoint, ctx.config)) {
      // The operator's clue when a browser's push service is missing from the list.
      const push = new URL(subscription.endpoint).host;
      ctx.log.warn({ deviceId: device.id, push }, 'push subscription refused: service not allowed');
      return c.json({ error: 'push_service_not_allowed' }, 400, noStore);
    }
    await subscriptionStore(ctx.db).save(device.id, subscription, ctx.clock.now());
    return c.body(null, 204, noStore);
  })

  // The app registers its public key with the one-time activation code.
  .post('/authenticator/api/activate', async (c) => {
    const body = await jsonBody(c);
    const device = await activateDevice(c.var.ctx, body.code, body.publicKey);
    if (!device) return c.json({ error: 'invalid_activation' }, 400, noStore);
    return c.json(device, 201, noStore);
  })

  // Pending requests for the device, held open up to ?wait= seconds until one comes.
  .get('/authenticator/api/requests', async (c) => {
    const { ctx } = c.var;
    const device = await deviceFor(ctx, bearer(c));
    if (!device) return c.json({ error: 'unknown_device' }, 401, noStore);
    const wait = Math.min(MAX_WAIT_S, Math.max(0, Number(c.req.query('wait')) || 0));
    const until = Date.now() + wait * 1000;
    for (;;) {
      const requests = await pendingRequests(ctx, device);
      if (requests.length || Date.now() >= until || c.req.raw.signal.aborted)
        return c.json({ requests }, 200, noStore);
      await sleep(1000);
    }
  })

  // A decision, signed with the device key.
  .post('/authenticator/api/requests/:id', async (c) => {
    const { ctx } = c.var;
    const device = await deviceFor(ctx, bearer(c));
    if (!device) return c.json({ error: 'unknown_device' }, 401, noStore);
    const result = await decide(ctx, device, c.req.param('id'), await jsonBody(c));
    const status = result === 'bad_signature' ? 401 : result === 'gone' ? 409 : 200;
    return c.json({ result }, status, noStore);
  });
