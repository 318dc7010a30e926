import type { Config } from '../config/schema.ts';

/** Longest return path kept (a forward-auth URL with its query fits easily). */
const MAX_LENGTH = 2048;
/** Percent-decodings tried beyond the one the query parser made; deeper nesting is refused. */
const MAX_DECODINGS = 4;

/**
 * Characters no return path may hold as given: controls (tab, CR and LF,
 * which the WHATWG URL parser removes, so `/<TAB>/evil` becomes `//evil`),
 * format characters (zero-width, bidi overrides, BOM), every kind of space
 * and separator, other default-ignorable characters, lone surrogates, and the
 * backslash (a slash to browsers in http(s) URLs, so `/\evil` is `//evil`).
 */
const FORBIDDEN = /[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}\\]/u;
/** The same in a decoded query or fragment, except the plain space (`%20` is ordinary there). */
const FORBIDDEN_IN_QUERY = /[\p{C}\p{Default_Ignorable_Code_Point}\\]|(?! )\p{Z}/u;

/** Whether a percent-decoding of the target holds what the target itself may not. */
function forbiddenDecoded(layer: string): boolean {
  const end = layer.search(/[?#]/);
  const path = end < 0 ? layer : layer.slice(0, end);
  return FORBIDDEN.test(path) || (end >= 0 && FORBIDDEN_IN_QUERY.test(layer.slice(end)));
}

/** Resolves relative paths; only its origin matters. */
const HERE = new URL('https://portcullis.invalid/');

/** One layer of percent-decoding, byte-wise (RFC 3986 §2.1), tolerant of stray `%`s. */
function decodeOnce(s: string): string {
  if (!/%[0-9a-f]{2}/i.test(s)) return s;
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < s.length; ) {
    const hex = s[i] === '%' ? /^[0-9a-f]{2}$/i.exec(s.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 3;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...utf8.encode(ch));
      i += ch.length;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The target and each further percent-decoding of it, or null if it does not settle. */
function layers(target: string): string[] | null {
  const out = [target];
  for (let i = 0; i < MAX_DECODINGS; i++) {
    const next = decodeOnce(out.at(-1)!);
    if (next === out.at(-1)) return out;
    out.push(next);
  }
  return null;
}

const parse = (s: string, base?: URL) => {
  try {
    return new URL(s, base);
  } catch {
    return null;
  }
};

/** The hosts (host or host:port) an absolute return URL may name. */
function trustedHosts(config: Pick<Config, 'publicUrl' | 'redirectHosts'>): Set<string> {
  return new Set(
    [new URL(config.publicUrl).host, ...config.redirectHosts.split(',')]
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The one place a return path (`rd`, `next`, any "where to go afterwards")
 * is decided: a path on this site, or an http(s) URL on a host the
 * configuration trusts (PORTCULLIS_REDIRECT_HOSTS, and the public URL's host).
 * Anything else is refused (null), so no page is an open redirect: other
 * hosts, other schemes (`javascript:`, `data:`), `//host` and `/\host`,
 * credentials in the URL, and whatever becomes one of these once a browser
 * strips characters (tab, CR, LF: WHATWG URL §4.4 "basic URL parser") or
 * something decodes it again (`/%2F/evil`, `/%252F/evil`, `%5C`, `/%09/`).
 * Every percent-decoding of the target must stay where the target goes.
 *
 * What comes back is the URL as the parser rebuilt it (for a path: its path,
 * query and fragment), never the raw input.
 */
export function safeReturnTo(
  config: Pick<Config, 'publicUrl' | 'redirectHosts'>,
  target: string | undefined,
): string | null {
  if (!target || target.length > MAX_LENGTH || FORBIDDEN.test(target)) return null;
  const all = layers(target);
  if (!all) return null;
  const local = target.startsWith('/');
  const trusted = local ? null : trustedHosts(config);
  let result: string | null = null;
  for (const [i, layer] of all.entries()) {
    if (i > 0 && forbiddenDecoded(layer)) return null;
    const url = local ? parse(layer, HERE) : parse(layer);
    if (!url) return null;
    // A path that starts `//` (from `/.//host`, say) would name a host once written out alone.
    if (url.pathname.startsWith('//')) return null;
    if (local) {
      if (url.origin !== HERE.origin) return null;
    } else if (
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      url.username ||
      url.password ||
      !trusted!.has(url.host)
    ) {
      return null;
    }
    if (i === 0) result = local ? url.pathname + url.search + url.hash : url.href;
  }
  return result;
}
