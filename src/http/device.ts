// The remember-this-device cookie: a random token whose hash is the
// server-side record (src/services/remembered-devices.ts).
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { rememberDevice } from '../services/remembered-devices.ts';
import type { ServiceSettings } from '../services/settings.ts';
import { clientInfo } from './client.ts';
import type { HttpEnv } from './env.ts';

const isHttps = (c: Context<HttpEnv>) => c.var.ctx.config.publicUrl.startsWith('https:');
const name = (c: Context<HttpEnv>) =>
  isHttps(c) ? '__Host-portcullis-device' : 'portcullis-device';

/** The device token this browser sent, if any. */
export const deviceCookie = (c: Context<HttpEnv>): string | null => {
  const token = getCookie(c, name(c));
  return token && token.length < 100 ? token : null;
};

/** Remembers this browser for the organisation's number of days. */
export async function rememberThisDevice(
  c: Context<HttpEnv>,
  userId: string,
  settings: Pick<ServiceSettings, 'rememberDevicesDays'>,
): Promise<void> {
  const { token, expiresAt } = await rememberDevice(
    c.var.ctx,
    userId,
    clientInfo(c),
    settings.rememberDevicesDays,
  );
  setCookie(c, name(c), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    expires: new Date(expiresAt),
  });
}
