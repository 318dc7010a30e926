// OpenLDAP's slapd (Debian's package) as the benchmark's yardstick: the tests'
// private instance (test/helpers/slapd.ts) with users whose passwords are {SSHA}.
import { slapdAvailable, ssha, startSlapd as startTestSlapd } from '../test/helpers/slapd.ts';

export { slapdAvailable };

const SUFFIX = 'dc=bench';

export interface Slapd {
  port: number;
  /** The slapd process (for its CPU time). */
  pid: number | undefined;
  dnOf(uid: string): string;
  stop(): Promise<void>;
}

/** Starts slapd with `users` (uid → password) under ou=people,dc=bench. */
export async function startSlapd(users: [string, string][]): Promise<Slapd> {
  const dnOf = (uid: string) => `uid=${uid},ou=people,${SUFFIX}`;
  const ldif = [
    `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
    ...users.map(
      ([uid, password]) =>
        `dn: ${dnOf(uid)}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid}\nsn: ${uid}\nmail: ${uid}\nuserPassword: ${ssha(password)}\n`,
    ),
  ].join('\n');
  const slapd = await startTestSlapd({ suffix: SUFFIX, ldif });
  return { port: slapd.port, pid: slapd.pid(), dnOf, stop: () => slapd.close() };
}
