// The approximate place of a client address, as the Portcullis Authenticator
// shows it. There is no geo-IP database: the organisation names its own ranges
// ("named locations", as Entra ID's), and private addresses say so.
import { ipRanges, longestMatch, parseCidr } from './cidr.ts';

/** Longest name of a named location, in characters. */
export const PLACE_NAME_MAX = 80;

export interface NamedLocation {
  /** Canonical CIDR (`10.1.0.0/16`). */
  range: string;
  name: string;
}

/**
 * "10.1.0.0/16 Prague office": the range in canonical form and the name (runs
 * of spaces made one), or what is wrong with it. A name has no comma: the
 * command line separates entries with commas.
 */
export function parseNamedLocation(entry: string): NamedLocation | { problem: string } {
  const [range = '', ...words] = entry.trim().split(/\s+/);
  const name = words.join(' ');
  const quoted = `"${entry.trim().slice(0, 60)}"`;
  if (!name)
    return {
      problem: `${quoted} has no name: write a range, then its name, e.g. 10.1.0.0/16 Prague office.`,
    };
  const canonical = parseCidr(range);
  if (!canonical)
    return {
      problem: `"${range.slice(0, 50)}" is not an IP range: write it as 10.0.0.0/8 or 2001:db8::/32.`,
    };
  if (name.length > PLACE_NAME_MAX)
    return { problem: `The name of ${canonical} is longer than ${PLACE_NAME_MAX} characters.` };
  if (name.includes(','))
    return {
      problem: `The name of ${canonical} has a comma: names may not have one (the command line separates entries with commas).`,
    };
  if (/\p{Cc}/u.test(name)) return { problem: `The name of ${canonical} has a control character.` };
  return { range: canonical, name };
}

/** The entry as stored: canonical range, one space, the name. */
export const namedLocationText = (l: NamedLocation) => `${l.range} ${l.name}`;

/**
 * Addresses that are not on the internet: RFC 1918, RFC 4193 unique local
 * (fc00::/7), loopback (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3) and link-local
 * (RFC 3927, RFC 4291 §2.5.6).
 */
const isPrivate = ipRanges([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  '::1/128',
  'fe80::/10',
]);

type Lookup = { match: (ip: string) => number; names: string[] };
/** Compiled per settings object (ctx.dataCache keeps one until the settings change): not per request. */
const compiled = new WeakMap<readonly string[], Lookup>();

function lookupFor(namedLocations: readonly string[]): Lookup {
  let lookup = compiled.get(namedLocations);
  if (!lookup) {
    const parsed = namedLocations
      .map(parseNamedLocation)
      .filter((l): l is NamedLocation => !('problem' in l));
    lookup = { match: longestMatch(parsed.map((l) => l.range)), names: parsed.map((l) => l.name) };
    compiled.set(namedLocations, lookup);
  }
  return lookup;
}

/**
 * The place of an address: the name of the most specific named location that
 * holds it, else `privateNetwork` for a private, loopback or link-local
 * address, else null (no place is shown).
 */
export function placeOf(
  ip: string | null,
  namedLocations: readonly string[],
  privateNetwork = 'Private network',
): string | null {
  if (!ip) return null;
  const { match, names } = lookupFor(namedLocations);
  const i = match(ip);
  if (i >= 0) return names[i]!;
  return isPrivate(ip) ? privateNetwork : null;
}
