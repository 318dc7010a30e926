// The phone simulator over real sockets (issue 15, finding 5): a real
// `portcullis serve`, reached from loopback and from this machine's other
// address, so the connection's address is the one Node reports and not a
// value a test made up. Also: the start-up warnings, the refused combination
// with a real provider, and `portcullis outbox` on the server, simulator or not.
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { FormClient, textOf } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const PASSWORD = 'Phone password 1';
const ADMIN_PASSWORD = 'admin password 1';

/** An address of this machine that is not loopback: a connection from it is not local. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

/** A browser speaking HTTP to `base`. */
const browser = (base: string) => new FormClient((req) => fetch(req), base);

async function addUser(db: TestDatabase, upn: string, role: 'user' | 'admin' = 'user') {
  const r = await runCli(
    [
      'user',
      'add',
      upn,
      '--mfa-state',
      role === 'admin' ? 'Disabled' : 'Enforced',
      ...(role === 'admin' ? ['--admin'] : []),
      '--password-stdin',
    ],
    db.env,
    PASSWORD,
  );
  assert.equal(r.code, 0, r.stderr);
}

/** Signs in as a user with no method and asks for a code by text: as anyone with the password can. */
async function askForText(base: string, upn: string, number: string) {
  const b = browser(base);
  await b.page('/');
  await b.submit('/signin', { username: upn, password: PASSWORD });
  await b.submit('/signin/proofup', { method: 'OneWaySMS' });
  const { html } = await b.submit('/signin/proofup/verify', { country: 'CZ', number });
  assert.match(textOf(html), /We sent a text message with a code/);
}

/** `portcullis outbox` on the server: the newest entry for a number. */
async function outboxText(db: TestDatabase, number: string) {
  const r = await runCli(['outbox', '--number', number, '--json'], db.env);
  assert.equal(r.code, 0, r.stderr);
  const [entry] = JSON.parse(r.stdout) as { kind: string; text: string }[];
  assert.equal(entry?.kind, 'sms');
  return /\d{6}/.exec(entry!.text)![0];
}

describe('phone simulator on a real server: off by default', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await addUser(db, 'mia@contoso.com');
    server = await startServerProcess(db.env);
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('404 from this machine; the code is read with `portcullis outbox` on the server', async () => {
    await askForText(server.url, 'mia@contoso.com', '603 111 222');
    const res = await fetch(`${server.url}/_dev/phone`);
    assert.equal(res.status, 404);
    const code = await outboxText(db, '+420603111222');
    assert.doesNotMatch(await res.text(), new RegExp(code));
  });

  it('warns at start that phone methods are allowed while texts and calls go nowhere', () => {
    const warning = server
      .output()
      .split('\n')
      .find((l) => l.includes('PORTCULLIS_TELEPHONY=outbox delivers no text or call'));
    assert.ok(warning, server.output());
    const line = JSON.parse(warning) as { level: number; methods: string[] };
    assert.equal(line.level, 40, 'a warning');
    assert.deepEqual(line.methods.sort(), [
      'OneWaySMS',
      'TwoWayVoiceAlternateMobile',
      'TwoWayVoiceMobile',
      'TwoWayVoiceOffice',
    ]);
    assert.doesNotMatch(server.output(), /phone simulator on/);
  });

  it('`portcullis settings get` on the server says so too (on standard error)', async () => {
    const r = await runCli(['settings', 'get', '--json'], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).allowedMethods.includes('OneWaySMS'), 'JSON stays clean');
    assert.match(r.stderr, /warning: OneWaySMS, .* allowed, but PORTCULLIS_TELEPHONY=outbox/);
    const set = await runCli(['settings', 'set', 'allowedMethods', 'PhoneAppOTP,Passkey'], db.env);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stderr, '', 'no phone method allowed: nothing to say');
    assert.equal((await runCli(['settings', 'get'], db.env)).stderr, '');
  });
});

describe('phone simulator on a real server: PORTCULLIS_PHONE_SIMULATOR=true', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let remote: string;
  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PORTCULLIS_PHONE_SIMULATOR: 'true',
      // Every address, so it can be reached from one that is not loopback.
      PORTCULLIS_HOST: '0.0.0.0',
    });
    await addUser(db, 'noa@contoso.com');
    // Password only, to keep the test short: the guard asks for the role, not for MFA.
    await addUser(db, 'root@contoso.com', 'admin');
    server = await startServerProcess(db.env);
    remote = `http://${external}:${server.port}`;
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('serves it on loopback, and `portcullis outbox` still reads the same code', async () => {
    await askForText(server.url, 'noa@contoso.com', '604 111 222');
    const code = await outboxText(db, '+420604111222');
    const res = await fetch(`${server.url}/_dev/phone?number=%2B420604111222`);
    assert.equal(res.status, 200);
    assert.match(textOf(await res.text()), new RegExp(`Text to \\+420604111222 .*${code}`));
    assert.match(server.output(), /"level":40,.*phone simulator on at \/_dev\/phone/);
  });

  it('404 from an address of this machine that is not loopback, X-Forwarded-For or not', {
    skip: requireTool(external !== undefined, 'an address of this machine other than loopback'),
  }, async () => {
    const spoofs: Record<string, string>[] = [
      {},
      { 'x-forwarded-for': '127.0.0.1' },
      { 'x-real-ip': '127.0.0.1' },
    ];
    for (const headers of spoofs) {
      const res = await fetch(`${remote}/_dev/phone`, { headers });
      assert.equal(res.status, 404, JSON.stringify(headers));
      assert.match(textOf(await res.text()), /Page not found/);
    }
    const home = browser(remote);
    await home.page('/');
    const answer = await home.post('/_dev/phone/calls/00000000-0000-0000-0000-000000000000', {
      keys: '#',
    });
    assert.equal(answer.status, 404);
  });

  it('serves it to an administrator signed in from that address', {
    skip: requireTool(external !== undefined, 'an address of this machine other than loopback'),
  }, async () => {
    const admin = browser(remote);
    await admin.page('/');
    await admin.submit('/signin', { username: 'root@contoso.com', password: PASSWORD });
    assert.ok(admin.cookies.has('portcullis'), 'signed in');
    const { res, html } = await admin.page('/_dev/phone');
    assert.equal(res.status, 200);
    assert.match(textOf(html), /Phone simulator/);
  });
});

describe('phone simulator with a real telephony provider', () => {
  it('refuses to start, naming both settings', async () => {
    const db = await freshDatabase();
    try {
      const env = {
        ...db.env,
        PORTCULLIS_TELEPHONY: 'webhook',
        PORTCULLIS_WEBHOOK_URL: 'https://sms.contoso.com/hook',
        PORTCULLIS_WEBHOOK_SECRET: 'a-very-long-shared-secret',
        PORTCULLIS_PHONE_SIMULATOR: 'true',
      };
      await assert.rejects(
        startServerProcess(env),
        /server exited with 1:[\s\S]*portcullis: Invalid configuration: PORTCULLIS_PHONE_SIMULATOR .*needs PORTCULLIS_TELEPHONY=outbox \(not webhook\)/,
      );
    } finally {
      await db.drop();
    }
  });
});
