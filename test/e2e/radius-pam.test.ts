import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { authenticatorDevice } from '../helpers/authenticator-device.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { authenticatorApp } from '../helpers/totp.ts';

// A Linux login through Debian's pam_radius_auth, which answers Access-Challenge
// by showing the Reply-Message and sending what the user types back with the
// State — the way OpenVPN's auth-pam plugin and sshd use it.

const MODULE = [
  '/usr/lib/x86_64-linux-gnu/security',
  '/lib/x86_64-linux-gnu/security',
  '/lib/security',
]
  .map((d) => path.join(d, 'pam_radius_auth.so'))
  .find((f) => existsSync(f));
const PAM_DIR = '/etc/pam.d';
const canWritePam = (() => {
  try {
    accessSync(PAM_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
})();
const hasPamtester = spawnSync('which', ['pamtester']).status === 0;
const SECRET = 'pam-radius-shared-secret-1';
const TOTP = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PASSWORD = 'pam login password 1';

/**
 * Runs `pamtester SERVICE USER authenticate`, typing each answer when PAM
 * prompts for it (misc_conv reads what is there: answers sent early would be
 * read as one); returns the prompts seen and whether PAM said yes.
 */
function pamLogin(
  service: string,
  upn: string,
  answers: string[],
  onPrompt: (prompt: string, i: number) => void = () => {},
): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('pamtester', ['-v', service, upn, 'authenticate'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let asked = 0;
    let answeredAt = 0;
    const onData = (d: Buffer) => {
      out += d;
      // A prompt waits for input at the end of what was written: "Password: ", or the
      // server's Reply-Message (written after the password, which is not echoed).
      const fresh = out.slice(answeredAt);
      if (asked < answers.length && /pamtester: performing/.test(out) && /[:.]\s*$/.test(fresh)) {
        onPrompt(fresh.split(/\r?\n/).at(-1)!.trim(), asked);
        answeredAt = out.length;
        child.stdin.write(`${answers[asked++]}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ ok: /successfully authenticated/.test(out), output: out });
    });
  });
}

describe(`RADIUS MFA through pam_radius_auth and pamtester (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, {
  skip:
    requireTool(hasPamtester, 'pamtester') ||
    requireTool(!!MODULE, 'libpam-radius-auth') ||
    (canWritePam ? false : `${PAM_DIR} is not writable (run as root)`),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let ctx: AppContext;
  let dir: string;
  let service: string;
  const totp = authenticatorApp(TOTP);
  let device: Awaited<ReturnType<typeof authenticatorDevice>>;

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    // pam_radius_auth 2.0 (Debian 12) sends no Message-Authenticator: the application accepts that.
    const app = await createLegacyApp(ctx, {
      name: 'Jump host',
      radiusSecret: SECRET,
      radiusMode: 'mfa',
      radiusMessageAuthenticator: false,
    });
    const u = await createUser(ctx, {
      upn: 'pam@contoso.com',
      password: PASSWORD,
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, u.id, 'PhoneAppOTP', { ok: true, secret: TOTP, details: {} });
    await createUser(ctx, { upn: 'plain@contoso.com', password: PASSWORD });
    const p = await createUser(ctx, {
      upn: 'phone@contoso.com',
      password: PASSWORD,
      mfaState: 'Enforced',
    });
    device = await authenticatorDevice(ctx, { id: p.id, upn: 'phone@contoso.com' });

    server = await startServerProcess(db.env);
    const port = await server.frontPort('radius');

    // pam_radius_auth's server file (conf=) and a PAM service naming the application (client_id=).
    dir = mkdtempSync(path.join(tmpdir(), 'portcullis-pam-'));
    const conf = path.join(dir, 'server');
    writeFileSync(conf, `127.0.0.1:${port} ${SECRET} 10\n`, { mode: 0o600 });
    service = `portcullis-test-${process.pid}`;
    writeFileSync(
      path.join(PAM_DIR, service),
      `auth required ${MODULE} conf=${conf} client_id=${app.id} max_challenge=3\naccount required pam_permit.so\n`,
    );
  });
  after(async () => {
    if (service) rmSync(path.join(PAM_DIR, service), { force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('asks for the password, then shows the challenge and accepts the authenticator code', async () => {
    const prompts: string[] = [];
    const r = await pamLogin(service, 'pam@contoso.com', [PASSWORD, totp()], (p) =>
      prompts.push(p),
    );
    assert.ok(r.ok, r.output);
    assert.equal(prompts[0], 'Password:');
    assert.match(prompts[1] ?? '', /Enter the code from your authenticator app/);
  });

  it('refuses a wrong code at the challenge', async () => {
    const r = await pamLogin(service, 'pam@contoso.com', [PASSWORD, '000000']);
    assert.ok(!r.ok, r.output);
    assert.match(r.output, /Authentication failure|authentication failure/i);
  });

  it('takes password,code at the first prompt (no challenge)', async () => {
    const r = await pamLogin(service, 'pam@contoso.com', [`${PASSWORD},${totp()}`]);
    assert.ok(r.ok, r.output);
  });

  it('shows the number to pick in the Authenticator, and waits after Enter for the approval', async () => {
    let approved: Promise<string> | undefined;
    const r = await pamLogin(service, 'phone@contoso.com', [PASSWORD, ''], (prompt, i) => {
      if (i !== 1) return;
      const number = /pick (\d+)/.exec(prompt)?.[1];
      // The user picks the number on the phone a moment after pressing Enter.
      approved = new Promise((resolve) => setTimeout(resolve, 1000)).then(() =>
        device.answer('approve', number),
      );
    });
    assert.equal(await approved, 'approved');
    assert.ok(r.ok, r.output);
  });

  it('lets a user whose MFA is Disabled in with the password alone', async () => {
    const r = await pamLogin(service, 'plain@contoso.com', [PASSWORD]);
    assert.ok(r.ok, r.output);
  });
});
