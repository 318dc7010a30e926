// `portcullis serve` with PORTCULLIS_WORKERS=2: one set of listeners (HTTP,
// LDAP, RADIUS) served by two processes, each judging the legacy MFA state ×
// credential table as one process does; a worker killed with kill -9 is
// replaced at once while the other keeps serving its connections; the
// periodic jobs run on one worker and come back with its replacement; the
// workers stop with the primary.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import radius from 'radius';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { hashPoolShare } from '../../src/crypto/passwords.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { setAppAccess } from '../../src/services/app-access.ts';
import {
  createAppPassword,
  deleteAppPassword,
  listAppPasswords,
} from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createGroup } from '../../src/services/groups.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import {
  type LegacyMatrix,
  MATRIX_PASSWORD,
  type MatrixCase,
  seedLegacyMatrix,
} from '../helpers/legacy-matrix.ts';
import { type ServerProcess, startServerProcess, workersOf } from '../helpers/server.ts';

const BASE = 'dc=portcullis';
const UPN = 'wendy@contoso.com';
const PASSWORD = 'wendy password 1';
const RADIUS_SECRET = 'radius secret for workers';
const DN = `uid=${UPN},ou=people,${BASE}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    const v = probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Which process holds the server end of a loopback TCP connection: the socket's
 * inode from /proc/net/tcp, found among each candidate's open files.
 */
function holderOf(serverPort: number, clientPort: number, pids: number[]): number | undefined {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const row = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hex(serverPort)}`) && f[2]?.endsWith(`:${hex(clientPort)}`));
  const socket = row && `socket:[${row[9]}]`;
  if (!socket) return undefined;
  return pids.find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === socket;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
}

/** An Access-Request with the password, answered or not within a second. */
async function radiusAsk(port: number, app: string, password: string): Promise<string> {
  const socket = dgram.createSocket('udp4');
  try {
    const packet = radius.encode({
      code: 'Access-Request',
      secret: RADIUS_SECRET,
      identifier: 7,
      attributes: [
        ['User-Name', UPN],
        ['User-Password', password],
        ['NAS-Identifier', app],
      ],
      add_message_authenticator: true,
    } as never);
    const answer = new Promise<string>((resolve) => {
      socket.once('message', (m) => resolve(radius.decode_without_secret({ packet: m }).code));
      setTimeout(() => resolve('none'), 1000).unref();
    });
    socket.send(packet, port, '127.0.0.1');
    return await answer;
  } finally {
    socket.close();
  }
}

/**
 * POST /legacy/v1/verify on a connection of its own (so the workers take turns),
 * and which worker holds the server end of it once answered.
 */
function verifyOn(
  port: number,
  pids: number[],
  app: string,
  c: MatrixCase,
): Promise<{ status: number; body: string; worker: number | undefined }> {
  // Kept alive after the answer, so the worker still holds it when looked for; then closed.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<{ status: number; body: string; worker: number | undefined }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/legacy/v1/verify?app=${app}`,
          agent,
          headers: {
            authorization: `Basic ${Buffer.from(`${c.upn}:${c.secret}`).toString('base64')}`,
          },
        },
        (res) => {
          const local = req.socket!.localPort!;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({ status: res.statusCode!, body, worker: holderOf(port, local, pids) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  ).finally(() => agent.destroy());
}

describe('serve with PORTCULLIS_WORKERS=2', () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let ldapPort: number;
  let radiusPort: number;
  let app: string;
  let workers: number[];
  let matrix: LegacyMatrix;
  const clients: Client[] = [];

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
      PORTCULLIS_LDAP_BASE_DN: BASE,
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    // A user without MFA: the account password works on every front.
    await createUser(ctx, { upn: UPN, password: PASSWORD });
    app = (
      await createLegacyApp(ctx, {
        name: 'VPN',
        fronts: ['radius', 'ldap', 'verify'],
        radiusSecret: RADIUS_SECRET,
      })
    ).id;
    matrix = await seedLegacyMatrix(ctx, 'workers');
    server = await startServerProcess({ ...db.env, PORTCULLIS_WORKERS: '2' });
    ldapPort = await server.frontPort('ldap');
    radiusPort = await server.frontPort('radius');
    workers = workersOf(server.child.pid!);
  });
  after(async () => {
    for (const c of clients) await c.unbind().catch(() => {});
    await server?.stop();
    await closeContext(ctx);
    await db?.drop();
  });

  it('says listening once, for two worker processes', () => {
    const lines = server.output().match(/"msg":"listening"/g) ?? [];
    assert.equal(lines.length, 1, server.output());
    assert.match(server.output(), /"workers":2,"port":\d+/);
    assert.equal(workers.length, 2, `workers: ${workers}`);
  });

  it('runs the periodic jobs on one worker only', async () => {
    // Each worker writes its own lines to the pipe, unordered with the primary's.
    await server.waitFor(/"msg":"housekeeping and directory sync run on this worker"/);
    const jobs = server
      .output()
      .match(/"msg":"housekeeping and directory sync run on this worker"/g);
    assert.equal(jobs?.length, 1, server.output());
    assert.match(server.output(), /"worker":1,"pid":\d+,"msg":"housekeeping/);
  });

  it('shares the LDAP listener: connections land on both workers', async () => {
    for (let i = 0; i < 6; i++) {
      const c = new Client({ url: `ldap://127.0.0.1:${ldapPort}` });
      await c.bind(DN, PASSWORD);
      clients.push(c);
    }
    const holders = clients.map((c) => {
      const local = (c as unknown as { socket: { localPort: number } }).socket.localPort;
      return holderOf(ldapPort, local, workers);
    });
    assert.deepEqual(new Set(holders), new Set(workers), `held by ${holders}`);
  });

  it('answers HTTP and RADIUS on the shared listeners', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${server.url}/readyz`, { headers: { connection: 'close' } });
      assert.equal(res.status, 200);
    }
    for (let i = 0; i < 6; i++)
      assert.equal(await radiusAsk(radiusPort, app, PASSWORD), 'Access-Accept');
    assert.equal(await radiusAsk(radiusPort, app, 'wrong password'), 'Access-Reject');
  });

  it('moves the sign-in log’s recent entries into its indexed part by itself, every second', async () => {
    const count = async (table: 'signin_log' | 'signin_log_recent') =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const all = await count('signin_log');
    assert.ok(all >= 7, `the checks above are logged (${all})`);
    const deadline = Date.now() + 5000;
    while ((await count('signin_log_recent')) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    assert.equal(await count('signin_log_recent'), 0);
    assert.ok((await count('signin_log')) >= all, 'nothing lost');
  });

  it('shows /metrics of all the workers together, whichever worker is asked', async () => {
    /** The sum of a metric's samples whose labels include these. */
    const total = (text: string, name: string, labels: string[]) =>
      text
        .split('\n')
        .filter((l) => l.startsWith(`${name}{`) && labels.every((x) => l.includes(x)))
        .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/metrics`, { headers: { connection: 'close' } });
      assert.equal(res.status, 200);
      const text = await res.text();
      // Six LDAP binds, three on each worker; six RADIUS accepts and a reject.
      assert.equal(
        total(text, 'portcullis_signins_total', ['front="ldap"', 'result="success"']),
        6,
      );
      assert.equal(
        total(text, 'portcullis_signins_total', ['front="radius"', 'result="success"']),
        6,
      );
      assert.equal(
        total(text, 'portcullis_signins_total', ['front="radius"', 'result="failure"']),
        1,
      );
      // Each worker's share of the default pool, added up.
      const share = hashPoolShare({ concurrency: 0, queue: 64 }, 2).concurrency;
      assert.match(text, new RegExp(`^portcullis_hash_pool_size ${2 * share}$`, 'm'));
    }
  });

  it("answers /metrics with 503 and Retry-After when the primary cannot gather the workers' figures", async () => {
    // A kept-alive connection already on a worker: with the primary stopped, no new one would be handed over.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (p: string) =>
      new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
        http
          .get(`${server.url}${p}`, { agent }, (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                retryAfter: res.headers['retry-after'] as string | undefined,
                body,
              }),
            );
          })
          .on('error', reject);
      });
    try {
      assert.equal((await get('/readyz')).status, 200);
      process.kill(server.child.pid!, 'SIGSTOP');
      try {
        const res = await get('/metrics');
        assert.equal(res.status, 503, res.body);
        assert.equal(res.retryAfter, '5');
        assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+/, 'no stack trace');
      } finally {
        process.kill(server.child.pid!, 'SIGCONT');
      }
      assert.equal((await get('/metrics')).status, 200);
    } finally {
      agent.destroy();
    }
  });

  it('follows the MFA state × credential table through HTTP verify, on both workers', async () => {
    const answeredBy = new Set<number | undefined>();
    for (const c of matrix.cases) {
      const r = await verifyOn(server.port, workers, matrix.apps[c.app], c);
      answeredBy.add(r.worker);
      assert.equal(r.status, c.accept ? 200 : 401, `${c.title}: ${r.body}`);
      if (c.accept) {
        const body = JSON.parse(r.body) as { userPrincipalName: string; credential: string };
        assert.equal(body.userPrincipalName, c.upn, c.title);
        const credential = c.secret === MATRIX_PASSWORD ? 'password' : 'app password';
        assert.equal(body.credential, credential, c.title);
      }
    }
    assert.deepEqual(answeredBy, new Set(workers), 'each worker answered some rows');
    await matrix.assertLogged(ctx, 'verify');
  });

  it('replaces a worker killed with kill -9 at once; the other keeps its connections', async () => {
    const locals = clients.map(
      (c) => (c as unknown as { socket: { localPort: number } }).socket.localPort,
    );
    const holders = locals.map((p) => holderOf(ldapPort, p, workers));
    const jobsPid = Number(/"pid":(\d+),"msg":"housekeeping/.exec(server.output())![1]);
    const victim = jobsPid;
    const survivor = workers.find((w) => w !== victim)!;
    process.kill(victim, 'SIGKILL');
    await until('the worker to die', () => (alive(victim) ? undefined : true));

    // Served at once, by the worker still standing: HTTP, RADIUS, LDAP.
    const res = await fetch(`${server.url}/readyz`, { headers: { connection: 'close' } });
    assert.equal(res.status, 200);
    assert.equal(await radiusAsk(radiusPort, app, PASSWORD), 'Access-Accept');
    // The survivor's LDAP connections carry on, still bound, without reconnecting.
    const kept = clients.filter((_, i) => holders[i] === survivor);
    assert.ok(kept.length > 0);
    for (const c of kept) {
      const { value } = await c.exop('1.3.6.1.4.1.4203.1.11.3');
      assert.equal(value, `dn:${DN}`);
    }

    // Replaced in the same slot: two workers again, and the jobs with it.
    const replaced = await until('a new worker', () => {
      const now = workersOf(server.child.pid!);
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    });
    assert.ok(replaced.includes(survivor));
    // The replacement may say it serves before it logs taking the jobs.
    const jobsLines = () => [
      ...server.output().matchAll(/"pid":(\d+),"msg":"housekeeping and directory/g),
    ];
    const jobs = await until('the replacement to take the jobs', () =>
      jobsLines().length >= 2 ? jobsLines() : undefined,
    );
    await until('the replacement to serve', () =>
      /"msg":"worker serving"/.test(server.output()) ? true : undefined,
    );
    assert.match(
      server.output(),
      /"worker":1,"pid":\d+,"exitCode":null,"signal":"SIGKILL","msg":"worker died/,
    );
    assert.equal(jobs.length, 2);
    assert.notEqual(Number(jobs[1]![1]), victim);
    assert.ok(replaced.includes(Number(jobs[1]![1])), 'the jobs run in the replacement');
    // And new connections are served.
    const fresh = new Client({ url: `ldap://127.0.0.1:${ldapPort}` });
    await fresh.bind(DN, PASSWORD);
    await fresh.unbind();
    const errors = server
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":50') && !l.includes('"msg":"worker died'));
    assert.deepEqual(errors, []);
    workers = replaced;
  });

  it('refuses a deleted app password, a blocked user, an unassigned user or app passwords turned off on every worker before the change returns', async () => {
    const user = (await ctx.stores.users.findByUpn(UPN))!;
    const { password } = await createAppPassword(ctx, user.id, { name: 'Mail' });
    const conns = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new Client({ url: `ldap://127.0.0.1:${ldapPort}` });
        await c.bind(DN, password);
        return c;
      }),
    );
    const holders = conns.map((c) =>
      holderOf(
        ldapPort,
        (c as unknown as { socket: { localPort: number } }).socket.localPort,
        workers,
      ),
    );
    assert.equal(new Set(holders).size, 2, 'binds on both workers');
    const [made] = await listAppPasswords(ctx, user.id);
    assert.ok(await deleteAppPassword(ctx, cliActor(), user, made!.id));
    // At once, on every worker: a bind with the deleted password is refused.
    for (const c of conns) await assert.rejects(c.bind(DN, password), /49|[Ii]nvalid/);
    // The account password still works there; blocking the user ends that too.
    for (const c of conns) await c.bind(DN, PASSWORD);
    await setBlocked(ctx, cliActor(), UPN, true);
    for (const c of conns) await assert.rejects(c.bind(DN, PASSWORD), /49|[Ii]nvalid/);
    await setBlocked(ctx, cliActor(), UPN, false);
    // An application's assignment (a bind naming the application) and the service settings:
    // at once on every worker too.
    const throughApp = `uid=${UPN},ou=people,o=${app},${BASE}`;
    for (const c of conns) await c.bind(throughApp, PASSWORD);
    await createGroup(ctx, cliActor(), { displayName: 'VPN users' });
    await setAppAccess(ctx, app, { groups: ['VPN users'] });
    for (const c of conns) await assert.rejects(c.bind(throughApp, PASSWORD), /49|[Ii]nvalid/);
    await setAppAccess(ctx, app, { allUsers: true });
    for (const c of conns) await c.bind(throughApp, PASSWORD);
    const { password: another } = await createAppPassword(ctx, user.id, { name: 'Phone' });
    for (const c of conns) await c.bind(DN, another);
    await updateServiceSettings(ctx, { appPasswordsAllowed: false });
    for (const c of conns) await assert.rejects(c.bind(DN, another), /49|[Ii]nvalid/);
    await updateServiceSettings(ctx, { appPasswordsAllowed: true });
    for (const c of conns) await c.bind(DN, another);
    for (const c of conns) await c.unbind();
  });

  it('stops every worker with the primary', async () => {
    for (const c of clients.splice(0)) await c.unbind().catch(() => {});
    await server.stop();
    assert.equal(server.child.exitCode, 0);
    await until('the workers to exit', () => (workers.some(alive) ? undefined : true), 5000);
  });
});

describe('serve with PORTCULLIS_WORKERS=2 whose primary is killed', () => {
  it('its workers exit too, instead of lingering on the ports', async () => {
    const db = await freshDatabase();
    const server = await startServerProcess({ ...db.env, PORTCULLIS_WORKERS: '2' });
    try {
      const workers = workersOf(server.child.pid!);
      assert.equal(workers.length, 2);
      server.child.kill('SIGKILL');
      await until('the workers to exit', () => (workers.some(alive) ? undefined : true), 10_000);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});

describe('serve with PORTCULLIS_WORKERS=2 whose workers cannot start', () => {
  it('stops with the reason instead of starting workers again and again', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const db = await freshDatabase({ PORTCULLIS_LDAP_LISTEN: `127.0.0.1:${port}` });
    try {
      await assert.rejects(
        startServerProcess({ ...db.env, PORTCULLIS_WORKERS: '2' }),
        (e: Error) =>
          /server exited with 1/.test(e.message) &&
          /EADDRINUSE/.test(e.message) &&
          /a worker failed to start: stopping/.test(e.message),
      );
    } finally {
      taken.close();
      await db.drop();
    }
  });
});
