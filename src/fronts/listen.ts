// Listen addresses of the fronts that are not HTTP (LDAP, RADIUS).

/** "host:port" → parts (IPv6 in brackets: "[::1]:1812"). */
export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(listen.trim());
  const port = Number(m?.[3]);
  if (!m || port > 65535) throw new Error(`"${listen}" is not host:port`);
  return { host: (m[1] ?? m[2])!, port };
}
