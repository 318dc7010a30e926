import type { Config } from '../config/schema.ts';
import { printable } from '../services/validation.ts';

/**
 * Where sign-in may send someone back to: a path on this site, or an http(s)
 * URL on a host the configuration trusts (PORTCULLIS_REDIRECT_HOSTS, and the
 * public URL's host). Anything else — other hosts, other schemes, //evil,
 * credentials in the URL, control characters — is refused, so sign-in is no
 * open redirect.
 */
export function safeReturnTo(
  config: Pick<Config, 'publicUrl' | 'redirectHosts'>,
  target: string | undefined,
): string | null {
  // No control characters: CR and LF above all belong in no URL and no Location header.
  if (!target || target.length > 2048 || printable(target) !== target) return null;
  if (/^\/(?![/\\])/.test(target)) return target;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return null;
  const allowed = new Set(
    [new URL(config.publicUrl).host, ...config.redirectHosts.split(',')]
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  return allowed.has(url.host.toLowerCase()) ? url.toString() : null;
}
