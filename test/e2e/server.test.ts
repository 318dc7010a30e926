import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FormClient, textOf } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startServerProcess } from '../helpers/server.ts';

const bin = new URL('../../bin/portcullis.js', import.meta.url).pathname;

describe('portcullis serve (a real process)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await freshDatabase();
  });
  after(() => db.drop());

  it('serves its pages when started from another directory (as a service would be)', async () => {
    const own = await freshDatabase();
    const s = await startServerProcess(own.env, { cwd: tmpdir() });
    try {
      const res = await fetch(`${s.url}/`);
      assert.equal(res.status, 200, 'the pages compile with the project settings, wherever run');
      assert.match(textOf(await res.text()), /Sign in/);
    } finally {
      await s.stop();
      await own.drop();
    }
  });

  it('on first start creates an administrator whose password is in a private file, not the log', async () => {
    const s = await startServerProcess(db.env);
    let password: string;
    const file = path.join(db.env.PORTCULLIS_DATA_DIR!, 'initial-admin-password');
    try {
      assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
      assert.match(s.output(), /First administrator created: admin@portcullis\.local/);
      assert.ok(s.output().includes(`one-time password is in ${file}`), s.output());
      assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by the owner only');
      password = readFileSync(file, 'utf8').trim();
      assert.ok(password.length >= 16);
      assert.ok(!s.output().includes(password), 'the password is not in the output');
      const b = new FormClient((r) => fetch(r), s.url);
      await b.page('/');
      const page = await b.submit('/signin', { username: 'admin@portcullis.local', password });
      assert.match(
        textOf(page.html),
        /More information required/,
        'the first administrator registers a method',
      );
      const admin = JSON.parse(
        (await runCli(['user', 'get', 'admin@portcullis.local', '--json'], db.env)).stdout,
      ) as { mustChangePassword: boolean };
      assert.equal(admin.mustChangePassword, true, 'and then chooses their own password');
    } finally {
      await s.stop();
    }
    const again = await startServerProcess(db.env);
    try {
      assert.doesNotMatch(again.output(), /First administrator|one-time password/i);
      const logs = again.output();
      assert.ok(!logs.includes(password), 'the password never reaches the log');
    } finally {
      await again.stop();
    }
  });

  it("on a terminal, prints the first administrator's password once and writes no file", async () => {
    const own = await freshDatabase();
    // `script` gives the server a terminal, as an operator trying it out would.
    const s = await startServerProcess(own.env, {
      command: ['sh', '-c', 'exec script -qfec "$0 $*" /dev/null', process.execPath, bin],
    });
    try {
      const password =
        /One-time password \(shown only now, to be changed at first sign-in\): (\S+)/.exec(
          s.output(),
        )?.[1];
      assert.ok(password && password.length >= 16, s.output());
      assert.ok(!existsSync(path.join(own.env.PORTCULLIS_DATA_DIR!, 'initial-admin-password')));
    } finally {
      await s.stop();
      await own.drop();
    }
  });

  it('uses PORTCULLIS_ADMIN_UPN and PORTCULLIS_ADMIN_PASSWORD when set, printing no password', async () => {
    const other = await freshDatabase({
      PORTCULLIS_ADMIN_UPN: 'root@fabrikam.com',
      PORTCULLIS_ADMIN_PASSWORD: 'chosen by the operator',
    });
    const s = await startServerProcess(other.env);
    try {
      assert.match(s.output(), /First administrator created: root@fabrikam\.com/);
      assert.doesNotMatch(s.output(), /one-time password|chosen by the operator/i);
      const b = new FormClient((r) => fetch(r), s.url);
      await b.page('/');
      const page = await b.submit('/signin', {
        username: 'root@fabrikam.com',
        password: 'chosen by the operator',
      });
      assert.match(textOf(page.html), /More information required/);
    } finally {
      await s.stop();
      await other.drop();
    }
  });

  it('refuses oversized bodies over real HTTP, sent with a length or chunked', async () => {
    const s = await startServerProcess(db.env);
    try {
      const big = JSON.stringify({ x: 'y'.repeat(100_000) });
      const sized = await fetch(`${s.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      assert.equal(sized.status, 413);
      const chunked = await fetch(`${s.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
    } finally {
      await s.stop();
    }
  });
});
