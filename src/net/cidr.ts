// IP ranges (CIDR) for trusted networks, trusted proxies and named locations.
import net from 'node:net';

/** CIDR in canonical form (`10.0.0.0/8`, `2001:db8::/32`), or null when it is not one. */
export function parseCidr(s: string): string | null {
  const m = /^([0-9a-fA-F:.]+)(?:\/(\d{1,3}))?$/.exec(s.trim());
  if (!m) return null;
  const family = net.isIP(m[1]!);
  if (family === 0) return null;
  const max = family === 4 ? 32 : 128;
  const bits = m[2] === undefined ? max : Number(m[2]);
  if (bits > max) return null;
  return `${new net.SocketAddress({ address: m[1]!, family: family === 4 ? 'ipv4' : 'ipv6' }).address}/${bits}`;
}

/** An address as compared: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is its IPv4 address. */
export function normalizeIp(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1]! : ip;
  return net.isIP(address) ? address : null;
}

/** A matcher for a list of ranges (invalid entries are ignored: they were validated on input). */
export function ipRanges(ranges: readonly string[]): (ip: string | null | undefined) => boolean {
  const list = new net.BlockList();
  for (const r of ranges) {
    const canonical = parseCidr(r);
    if (!canonical) continue;
    const [address, bits] = canonical.split(/\/(?=\d+$)/) as [string, string];
    list.addSubnet(address, Number(bits), net.isIP(address) === 4 ? 'ipv4' : 'ipv6');
  }
  return (ip) => {
    const address = ip ? normalizeIp(ip) : null;
    if (!address) return false;
    return list.check(address, net.isIP(address) === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * A matcher telling which of the ranges holds an address most specifically —
 * the longest prefix, as a routing table decides (RFC 1812 §5.2.4.3): its
 * index in `ranges`, or -1 when none does (invalid entries never match). An
 * IPv6 range over IPv4-mapped addresses (`::ffff:0:0/96`) holds IPv4
 * addresses too; it counts as the IPv4 prefix it covers.
 */
export function longestMatch(ranges: readonly string[]): (ip: string | null | undefined) => number {
  const entries = ranges
    .map((r, index) => {
      const canonical = parseCidr(r);
      if (!canonical) return null;
      const bits = Number(canonical.slice(canonical.lastIndexOf('/') + 1));
      const v6 = net.isIP(canonical.slice(0, canonical.lastIndexOf('/'))) === 6;
      return { index, bits, v4bits: v6 ? Math.max(0, bits - 96) : bits, holds: ipRanges([r]) };
    })
    .filter((e) => e !== null);
  return (ip) => {
    const address = ip ? normalizeIp(ip) : null;
    if (!address) return -1;
    const rank = net.isIP(address) === 4 ? 'v4bits' : 'bits';
    let best = -1;
    let bestBits = -1;
    for (const e of entries)
      if (e[rank] > bestBits && e.holds(address)) {
        best = e.index;
        bestBits = e[rank];
      }
    return best;
  };
}

/**
 * An address in canonical text — IPv6 lower-case and compressed, IPv4-mapped
 * IPv6 as its IPv4 address, no zone — or null when it is not an address. One
 * client is then one key for audit records and per-address limits.
 */
export function canonicalIp(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 0) return null;
  try {
    const text = new net.SocketAddress({ address: ip, family: family === 4 ? 'ipv4' : 'ipv6' });
    return normalizeIp(text.address);
  } catch {
    return null;
  }
}

/**
 * A comma-separated list of ranges, as written in configuration: the ranges in
 * canonical form, and the entries that are not ranges (blank entries are skipped).
 */
export function parseCidrList(list: string): { ranges: string[]; invalid: string[] } {
  const ranges: string[] = [];
  const invalid: string[] = [];
  for (const item of list.split(',')) {
    if (item.trim() === '') continue;
    const canonical = parseCidr(item);
    if (canonical) ranges.push(canonical);
    else invalid.push(item.trim());
  }
  return { ranges, invalid };
}
