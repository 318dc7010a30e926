// What the benchmarks and the load test share: a data directory with its
// environment, a real `portcullis serve` on a free loopback port, seeded
// users, and a cookie-keeping HTTP client.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../src/context.ts';
import { newSecret, totpFor } from '../src/methods/totp/codes.ts';
import { newUserRow } from '../src/storage/users.ts';

/**
 * CPU time (user + system, ms) a process and its children (a server's
 * workers) have used so far, from /proc (Linux); NaN elsewhere. Less noisy
 * than throughput on a shared machine.
 */
export function processCpuMs(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    return own + childrenOf(pid!).reduce((sum, child) => sum + processCpuMs(child), 0);
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time (ms) of the event loops: the main thread of a process and of each
 * of its children (a server's workers), from /proc; NaN elsewhere.
 */
export function eventLoopCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    return own + childrenOf(pid!).reduce((sum, child) => sum + eventLoopCpuMs(child), 0);
  } catch {
    return Number.NaN;
  }
}

/** A process's children, from /proc (each thread's list; a server's are its main thread's). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
const CLOCK_TICKS = 100;

export function benchEnvironment(): { env: Record<string, string>; cleanup: () => void } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-bench-'));
  const env: Record<string, string> = {
    PORTCULLIS_DATA_DIR: dataDir,
    PORTCULLIS_SECRET_KEY: 'b'.repeat(64),
    PORTCULLIS_ADMIN_PASSWORD: 'bench admin password',
    PORTCULLIS_HOST: '127.0.0.1',
    PORT: '0',
    PORTCULLIS_LOG_LEVEL: 'info',
    // One worker per core unless told otherwise (PORTCULLIS_WORKERS=1: a single process).
    PORTCULLIS_WORKERS: process.env.PORTCULLIS_WORKERS ?? 'auto',
    ...(process.env.PORTCULLIS_DATABASE_URL
      ? { PORTCULLIS_DATABASE_URL: process.env.PORTCULLIS_DATABASE_URL }
      : {}),
  };
  return { env, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Starts the server (BENCH_NODE_ARGS, e.g. --cpu-prof, go to its node) and waits for its port. */
export async function startBenchServer(env: Record<string, string>): Promise<{
  server: ChildProcess;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}> {
  const bin = new URL('../bin/portcullis.js', import.meta.url).pathname;
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), bin, 'serve'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /"port":(\d+).*"msg":"listening"/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (c) => reject(new Error(`server exited (${c})`)));
  });
  return {
    server,
    port,
    output: () => out,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}

/**
 * `count` users (user<n>@bench.example), each Enforced with an authenticator
 * app, sharing one argon2id hash string (each verify still does the full work)
 * so set-up is quick. Returns each user's TOTP secret.
 */
export async function seedTotpUsers(
  ctx: AppContext,
  count: number,
  passwordHash: string,
): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, (_, n) => `bench-${n}`);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 500) {
      const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => i + j);
      await trx
        .insertInto('users')
        .values(
          batch.map((n) =>
            newUserRow(
              {
                id: ids[n]!,
                upn: `user${n}@bench.example`,
                display_name: `User ${n}`,
                mfa_state: 'Enforced',
                password_hash: passwordHash,
              },
              now,
            ),
          ),
        )
        .execute();
    }
  });
  return addTotp(ctx, ids);
}

/** Registers an authenticator app for each user (by id); returns their TOTP secrets, in order. */
export async function addTotp(ctx: AppContext, userIds: readonly string[]): Promise<string[]> {
  const secrets: string[] = [];
  const now = Date.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < userIds.length; i += 500) {
      await trx
        .insertInto('auth_methods')
        .values(
          userIds.slice(i, i + 500).map((userId, j) => {
            const secret = newSecret(ctx.random.bytes(20));
            const id = `bench-m-${i + j}`;
            secrets[i + j] = secret;
            return {
              id,
              user_id: userId,
              method_type: 'PhoneAppOTP',
              is_default: 1,
              secret_sealed: ctx.box.seal(secret, `auth_methods:${id}`),
              details: '{}',
              created_at: now,
              last_used_at: null,
            };
          }),
        )
        .execute();
    }
  });
  return secrets;
}

export interface Reply {
  status: number;
  body: string;
  /** Every cookie so far, as a browser would keep them (session and CSRF). */
  cookie: string;
  location: string | undefined;
  headers: http.IncomingHttpHeaders;
}
export type Request = (
  method: string,
  path: string,
  cookie: string,
  body?: string,
  headers?: Record<string, string>,
) => Promise<Reply>;

/** A keep-alive HTTP client for one loopback port. */
export function httpClient(port: number, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request: Request = (method, p, cookie, body, extra = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: p,
          method,
          agent,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body
              ? {
                  'content-type': 'application/x-www-form-urlencoded',
                  'content-length': Buffer.byteLength(body),
                }
              : {}),
            ...extra,
          },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (data += d));
          res.on('end', () => {
            const jar = new Map<string, string>();
            for (const pair of [
              ...(cookie ? cookie.split('; ') : []),
              ...(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
            ]) {
              const eq = pair.indexOf('=');
              jar.set(pair.slice(0, eq), pair.slice(eq + 1));
            }
            resolve({
              status: res.statusCode ?? 0,
              body: data,
              cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
              location: res.headers.location,
              headers: res.headers,
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { request, destroy: () => agent.destroy() };
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** POST /signin with user<n>'s password, from the sign-in page `form`. */
export const postPassword = (request: Request, form: Reply, n: number, password: string) =>
  request(
    'POST',
    '/signin',
    form.cookie,
    new URLSearchParams({
      _csrf: csrfOf(form.body),
      username: `user${n}@bench.example`,
      password,
    }).toString(),
  );

/** POST the verify form of the second-step page `step` with the current TOTP code. */
export function postCode(request: Request, step: Reply, secret: string) {
  const action =
    /action="(\/signin\/verify[^"]*)"/.exec(step.body)?.[1]?.replace(/&amp;/g, '&') ??
    '/signin/verify';
  const code = totpFor(secret).generate({ timestamp: Date.now() });
  return request(
    'POST',
    action,
    step.cookie,
    new URLSearchParams({ _csrf: csrfOf(step.body), code }).toString(),
  );
}

export interface SigninTiming {
  ok: boolean;
  /** Whole sign-in (five requests), the password POST, the TOTP POST; in ms. */
  total: number;
  password: number;
  totp: number;
}

/**
 * One browser sign-in of user<n>: GET / → POST /signin → GET the step → POST
 * the TOTP code → GET / ("My account"). `pick` chooses the client for each
 * request (one node, or round robin over several).
 */
export async function signIn(
  pick: () => Request,
  n: number,
  secret: string,
  password: string,
): Promise<SigninTiming> {
  const t0 = performance.now();
  const form = await pick()('GET', '/', '');
  const p0 = performance.now();
  const pw = await postPassword(pick(), form, n, password);
  const p1 = performance.now();
  const step = await pick()('GET', pw.location ?? '/signin/step', pw.cookie);
  const c0 = performance.now();
  const done = await postCode(pick(), step, secret);
  const c1 = performance.now();
  const account = await pick()('GET', done.location ?? '/', done.cookie);
  const ok = pw.status === 303 && done.status === 303 && account.body.includes('My account');
  if (!ok && process.env.BENCH_DEBUG)
    console.error(pw.status, step.status, done.status, done.body.slice(0, 300));
  return { ok, total: performance.now() - t0, password: p1 - p0, totp: c1 - c0 };
}

/** The p-th percentile of a list of numbers. */
export function percentile(list: readonly number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
