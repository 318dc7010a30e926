import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares in constant time; only the lengths (not secret) may differ early. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Webhook signatures, both ways: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp is signed with the body so a captured request goes stale.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Portcullis-Signature';
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const webhookMac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

export function signWebhook(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${webhookMac(secret, t, body)}`;
}

/** True when one v1 matches and the timestamp is within five minutes of now, either way. */
export function verifyWebhook(
  secret: string,
  header: string | undefined,
  body: string,
  nowMs: number,
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1') candidates.push(value);
  }
  if (t === undefined || Math.abs(nowMs / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = webhookMac(secret, t, body);
  return candidates.some((c) => safeEqual(c, expected));
}

/**
 * X-Twilio-Signature (https://www.twilio.com/docs/usage/security#validating-requests):
 * base64 HMAC-SHA1, keyed with the auth token, of the full URL followed by every
 * POST parameter's name and value, sorted by name. Repeated names contribute
 * each distinct value in sorted order, as twilio-node's validateRequest does.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  let data = url;
  for (const name of [...new Set(params.keys())].sort()) {
    for (const value of [...new Set(params.getAll(name))].sort()) data += name + value;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Twilio signs the URL sometimes with and sometimes without the default port;
 * twilio-node accepts either, and so do we.
 */
export function verifyTwilio(
  authToken: string,
  header: string | undefined,
  url: string,
  params: URLSearchParams,
): boolean {
  if (!header) return false;
  const u = new URL(url);
  const withPort = u.port
    ? u.toString()
    : `${u.protocol}//${u.hostname}:${u.protocol === 'https:' ? 443 : 80}${u.pathname}${u.search}`;
  u.port = '';
  return [u.toString(), withPort].some((v) =>
    safeEqual(header, twilioSignature(authToken, v, params)),
  );
}
