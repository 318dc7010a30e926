// `npm run bench` (part 2): app-password checks through HTTP verify and LDAP
// bind against a real `portcullis serve`, and — side by side, with the same
// LDAP client — OpenLDAP slapd answering simple binds for {SSHA} users.
// Measures and prints; asserts nothing. Loopback only.
//
// Options (environment): BENCH_SECONDS (10), BENCH_CONCURRENCY (32),
// BENCH_FRONTS (verify,ldap,radius,slapd,bare — e.g. one of them while
// profiling; `bare` adds the same fronts answering without judging anything,
// bench/legacy-bare.ts: what this machine and client give at best),
// PORTCULLIS_WORKERS (auto),
// PORTCULLIS_DATABASE_URL (default: SQLite in a temp dir).
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import http from 'node:http';
import os from 'node:os';
import { createInterface } from 'node:readline';
import radius from 'radius';
import { loadConfig } from '../src/config/load.ts';
import { createContext } from '../src/context.ts';
import { migrate } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import { createUser } from '../src/services/users.ts';
import { LdapBindClient } from './ldap-client.ts';
import { benchEnvironment, processCpuMs, startBenchServer } from './setup.ts';
import { slapdAvailable, startSlapd } from './slapd.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const users = 200;
const fronts = new Set((process.env.BENCH_FRONTS ?? 'verify,ldap,radius,slapd,bare').split(','));

const { env, cleanup } = benchEnvironment();
env.PORTCULLIS_LDAP_LISTEN = '127.0.0.1:0';
env.PORTCULLIS_RADIUS_LISTEN = '127.0.0.1:0';
const RADIUS_SECRET = 'bench radius shared secret';
const config = loadConfig(env);
const ctx = createContext(config, { log: createLogger('silent') });
await migrate(ctx.db, ctx.dialect);
const app = (await createLegacyApp(ctx, { name: 'Bench IMAP', radiusSecret: RADIUS_SECRET })).id;
const accounts: { upn: string; password: string }[] = [];
for (let i = 0; i < users; i++) {
  const upn = `imap${i}@bench.example`;
  const user = await createUser(ctx, { upn, password: 'bench password 1', mfaState: 'Enforced' });
  for (let k = 0; k < 3; k++) await createAppPassword(ctx, user.id, { name: `device ${k}` });
  const { password } = await createAppPassword(ctx, user.id, { name: 'mail' });
  accounts.push({ upn, password });
}
await ctx.db.destroy();

const { server, port, stop, output } = await startBenchServer(env);
const ldapPort = Number(/"port":(\d+),"msg":"ldap listening"/.exec(output())![1]);
const radiusPort = Number(/"port":(\d+),"msg":"radius listening"/.exec(output())![1]);

interface Result {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time of the answering process (and its workers) per request, µs. */
  cpuPerRequest: number;
  /** Cores the answering server kept busy on average (CPU time ÷ wall time). */
  cores: number;
}

/** Runs `concurrency` workers for the warm-up plus `seconds`; each call returns success. */
async function measure(
  label: string,
  pid: number | undefined,
  worker: () => Promise<(i: number) => Promise<boolean>>,
): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const ops = await Promise.all(Array.from({ length: concurrency }, worker));
  const warmupEnd = performance.now() + 2000;
  const end = warmupEnd + seconds * 1000;
  let cpuAtStart = Number.NaN;
  setTimeout(() => (cpuAtStart = processCpuMs(pid)), 2000);
  await Promise.all(
    ops.map(async (op) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await op(n++ % users);
        if (t0 < warmupEnd) continue;
        if (ok) latencies.push(performance.now() - t0);
        else failures++;
      }
    }),
  );
  const cpuMs = processCpuMs(pid) - cpuAtStart;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ??
    Number.NaN;
  return {
    label,
    perSecond: latencies.length / seconds,
    p50: pct(50),
    p99: pct(99),
    failures,
    cpuPerRequest: (cpuMs * 1000) / (latencies.length + failures),
    cores: cpuMs / (seconds * 1000),
  };
}

const basic = accounts.map(
  (a) => `Basic ${Buffer.from(`${a.upn}:${a.password}`).toString('base64')}`,
);

/** HTTP verify: one keep-alive connection per client. */
const verifyClient = (toPort: number) => async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  closers.push(() => agent.destroy());
  return (i: number) =>
    new Promise<boolean>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: toPort,
          path: `/legacy/v1/verify?app=${app}`,
          method: 'POST',
          agent,
          headers: { authorization: basic[i]! },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        },
      );
      req.on('error', reject);
      req.end();
    });
};

/** LDAP simple binds: one connection per client. */
const ldapClient = (toPort: number, dnOf: (i: number) => string) => async () => {
  const client = await LdapBindClient.connect(toPort);
  closers.push(() => client.close());
  return async (i: number) => (await client.bind(dnOf(i), accounts[i]!.password)) === 0;
};

/** RADIUS PAP: each client a UDP socket with one Access-Request out at a time. */
const radiusClient = (toPort: number) => async () => {
  const socket = dgram.createSocket('udp4');
  closers.push(() => socket.close());
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  let waiting: ((ok: boolean) => void) | null = null;
  let id = 0;
  socket.on('message', (m) => {
    const answer = radius.decode_without_secret({ packet: m });
    if (answer.identifier === id) waiting?.(answer.code === 'Access-Accept');
  });
  return (i: number) =>
    new Promise<boolean>((resolve) => {
      id = (id + 1) % 256;
      const packet = radius.encode({
        code: 'Access-Request',
        secret: RADIUS_SECRET,
        identifier: id,
        attributes: [
          ['User-Name', accounts[i]!.upn],
          ['User-Password', accounts[i]!.password],
          ['NAS-Identifier', app],
        ],
        add_message_authenticator: true,
      } as never);
      // A lost datagram counts as a failure after a second, as a NAS would retry.
      const timer = setTimeout(() => resolve(false), 1000);
      waiting = (ok) => {
        clearTimeout(timer);
        resolve(ok);
      };
      socket.send(packet, toPort, '127.0.0.1');
    });
};

const closers: (() => void)[] = [];
const closeClients = () => {
  for (const close of closers.splice(0)) close();
};
const portcullisDn = (i: number) => `uid=${accounts[i]!.upn},ou=people,o=${app},dc=portcullis`;
const results: Result[] = [];
for (const [front, label, client] of [
  ['verify', 'Portcullis HTTP verify', verifyClient(port)],
  ['ldap', 'Portcullis LDAP bind', ldapClient(ldapPort, portcullisDn)],
  ['radius', 'Portcullis RADIUS PAP', radiusClient(radiusPort)],
] as const) {
  if (!fronts.has(front)) continue;
  results.push(await measure(label, server.pid, client));
  closeClients();
}
await stop();
cleanup();

// The same fronts answering without judging anything (bench/legacy-bare.ts).
if (fronts.has('bare')) {
  const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/legacy-bare.ts'], {
    env: { ...process.env, BARE_RADIUS_SECRET: RADIUS_SECRET },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ports = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      createInterface({ input: bare.stdout! }).once('line', resolve);
      bare.once('exit', (code) => reject(new Error(`bench/legacy-bare.ts exited (${code})`)));
    }),
  ) as { http: number; ldap: number; radius: number };
  for (const [front, label, client] of [
    ['verify', 'no judging: Node HTTP server', verifyClient(ports.http)],
    ['ldap', 'no judging: our LDAP layer', ldapClient(ports.ldap, portcullisDn)],
    ['radius', 'no judging: RADIUS decode+encode', radiusClient(ports.radius)],
  ] as const) {
    if (!fronts.has(front)) continue;
    results.push(await measure(label, bare.pid, client));
    closeClients();
  }
  bare.stdin!.end();
}

let slapdNote = '';
if (!fronts.has('slapd')) {
  // not asked for
} else if (slapdAvailable()) {
  const slapd = await startSlapd(accounts.map((a) => [a.upn, a.password]));
  results.push(
    await measure(
      'OpenLDAP slapd bind ({SSHA})',
      slapd.pid,
      ldapClient(slapd.port, (i) => slapd.dnOf(accounts[i]!.upn)),
    ),
  );
  closeClients();
  await slapd.stop();
} else {
  slapdNote = 'slapd is not installed (Debian package slapd; .ci/run installs it): not measured';
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const rows = results.map((r) => [
  r.label,
  r.perSecond.toFixed(0),
  fmt(r.p50),
  fmt(r.p99),
  `${r.cpuPerRequest.toFixed(0)} µs`,
  r.cores.toFixed(2),
  String(r.failures),
]);
const head = ['front', 'per second', 'p50', 'p99', 'CPU/request', 'cores used', 'failed'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (cells: string[]) => `| ${cells.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
console.log('\nPortcullis benchmark: app-password checks on the legacy fronts');
console.log(
  `machine:    ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `database:   ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL)'}`,
);
console.log(
  `parameters: ${concurrency} concurrent keep-alive connections per front; ${seconds} s after 2 s warm-up; ${users} Enforced users with 4 app passwords each; the same LDAP client for Portcullis and slapd; Portcullis workers: ${config.workers} (PORTCULLIS_WORKERS)\n`,
);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
const ldap = results.find((r) => r.label === 'Portcullis LDAP bind');
const slapd = results.find((r) => r.label.startsWith('OpenLDAP'));
if (slapdNote) console.log(`\n${slapdNote}`);
const noJudging = [
  ['Portcullis HTTP verify', 'no judging: Node HTTP server'],
  ['Portcullis LDAP bind', 'no judging: our LDAP layer'],
  ['Portcullis RADIUS PAP', 'no judging: RADIUS decode+encode'],
].flatMap(([ours = '', bare]) => {
  const a = results.find((r) => r.label === ours);
  const b = results.find((r) => r.label === bare);
  return a && b
    ? [`${ours.replace('Portcullis ', '')} ${(a.perSecond / b.perSecond).toFixed(2)}`]
    : [];
});
if (noJudging.length)
  console.log(`\nPortcullis ÷ the same front without judging: ${noJudging.join(', ')}`);
if (ldap && slapd)
  console.log(
    `\nPortcullis LDAP / slapd: ${(ldap.perSecond / slapd.perSecond).toFixed(2)} (target ≥ 0.5); HTTP verify and RADIUS targets ≥ 10,000/s; server CPU per check target ≤ 80 µs`,
  );
process.exit(0);
