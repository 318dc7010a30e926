// Web Push for the Portcullis Authenticator: when the deployment has VAPID keys,
// a new sign-in request also wakes the device's service worker while the app is
// closed. The payload says only that a request exists (never its number: the
// user reads that on the sign-in page); delivery never blocks or fails a sign-in.
import webpush from 'web-push';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../db/index.ts';
import type { MethodContext } from '../types.ts';

/** How long a push service keeps a notification for an offline device: a request lives a minute. */
const TTL_S = 60;
const TIMEOUT_MS = 5000;
const MAX_ENDPOINT = 1024;
/** base64url: a P-256 public key is 65 bytes (87 characters), the auth secret 16 (22). */
const P256DH = /^[A-Za-z0-9_-]{86,88}={0,2}$/;
const AUTH = /^[A-Za-z0-9_-]{21,24}={0,2}$/;

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

type VapidConfig = Partial<Pick<Config, 'vapidPublicKey' | 'vapidPrivateKey' | 'vapidSubject'>>;

/** The VAPID details, when the deployment has them (all three: src/config/load.ts). */
export function vapidOf(config: VapidConfig) {
  const { vapidPublicKey: publicKey, vapidPrivateKey: privateKey, vapidSubject: subject } = config;
  return publicKey && privateKey && subject ? { publicKey, privateKey, subject } : null;
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/**
 * Whether Portcullis may send to this endpoint (no server-side request to
 * wherever a device says): https (plain http only on loopback, and only when
 * Portcullis itself is served over http, as in development and tests), on a
 * host PORTCULLIS_PUSH_SERVICE_HOSTS names (`host`, or `*.domain` for hosts under it).
 */
export function pushServiceAllowed(
  endpoint: string,
  config: Pick<Config, 'publicUrl' | 'pushServiceHosts'>,
): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const scheme =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && isLoopback(host) && config.publicUrl.startsWith('http:'));
  return (
    scheme &&
    config.pushServiceHosts
      .toLowerCase()
      .split(/[\s,]+/)
      .some((rule) => (rule.startsWith('*.') ? host.endsWith(rule.slice(1)) : rule === host))
  );
}

/**
 * A subscription as the browser's PushSubscription.toJSON() gives it, checked
 * for its form: an endpoint URL of bounded length and the two keys. Where it
 * may point is pushServiceAllowed's question.
 */
export function readSubscription(body: unknown): PushSubscriptionInput | null {
  if (typeof body !== 'object' || body === null) return null;
  const { endpoint, keys } = body as { endpoint?: unknown; keys?: unknown };
  if (typeof endpoint !== 'string' || endpoint.length > MAX_ENDPOINT) return null;
  if (typeof keys !== 'object' || keys === null) return null;
  const { p256dh, auth } = keys as { p256dh?: unknown; auth?: unknown };
  if (typeof p256dh !== 'string' || !P256DH.test(p256dh)) return null;
  if (typeof auth !== 'string' || !AUTH.test(auth)) return null;
  return URL.canParse(endpoint) ? { endpoint, keys: { p256dh, auth } } : null;
}

export const subscriptionStore = (db: Db) => ({
  /** Saves or replaces the device's subscription. */
  async save(deviceId: string, s: PushSubscriptionInput, at: number) {
    const row = { endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, created_at: at };
    await db
      .insertInto('authenticator_push_subscriptions')
      .values({ device_id: deviceId, ...row })
      .onConflict((oc) => oc.column('device_id').doUpdateSet(row))
      .execute();
  },
  find: (deviceId: string) =>
    db
      .selectFrom('authenticator_push_subscriptions')
      .selectAll()
      .where('device_id', '=', deviceId)
      .executeTakeFirst(),
  /** Forgets a subscription the push service says is gone — unless the device replaced it since. */
  async remove(deviceId: string, endpoint: string) {
    await db
      .deleteFrom('authenticator_push_subscriptions')
      .where('device_id', '=', deviceId)
      .where('endpoint', '=', endpoint)
      .execute();
  },
});

/**
 * Tells the device a sign-in request waits, by Web Push, when VAPID is
 * configured and the device has a subscription. Never rejects: callers do not
 * wait for it (`void notifyDevice(…)`). A subscription the push service
 * answers 404 or 410 for is deleted; other failures are logged, without the payload.
 */
export async function notifyDevice(
  ctx: MethodContext,
  deviceId: string,
  requestId: string,
): Promise<void> {
  const vapid = vapidOf(ctx.config);
  if (!vapid) return;
  let host = '?';
  try {
    const store = subscriptionStore(ctx.db);
    const sub = await store.find(deviceId);
    if (!sub) return;
    host = new URL(sub.endpoint).host;
    // Checked again: the allowed hosts may have changed since the device saved it.
    if (!pushServiceAllowed(sub.endpoint, ctx.config)) {
      ctx.log.warn({ deviceId, push: host }, 'web push not sent: push service not allowed');
      return;
    }
    const details = webpush.generateRequestDetails(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify({ type: 'signin', requestId }),
      { TTL: TTL_S, urgency: 'high', contentEncoding: 'aes128gcm', vapidDetails: vapid },
    );
    const res = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : null,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    await res.body?.cancel();
    if (res.ok) return;
    if (res.status === 404 || res.status === 410) {
      await store.remove(deviceId, sub.endpoint);
      ctx.log.info({ deviceId, push: host, status: res.status }, 'push subscription gone');
      return;
    }
    ctx.log.warn({ deviceId, push: host, status: res.status }, 'web push refused');
  } catch (e) {
    ctx.log.warn(
      { deviceId, push: host, error: (e as Error).name, message: (e as Error).message },
      'web push failed',
    );
  }
}
