// `portcullis backup` and `portcullis restore`: a backup taken while a real
// server signs people in restores into a new data directory, where the same
// person signs in with password and authenticator code. Refusals change nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { loadConfig } from '../src/config/load.ts';
import type { Config } from '../src/config/schema.ts';
import { type AppContext, createContext } from '../src/context.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { migrationProvider } from '../src/db/migrations/index.ts';
import { createLogger } from '../src/log.ts';
import { createAppPassword } from '../src/services/app-passwords.ts';
import { createLegacyApp } from '../src/services/applications.ts';
import { addRegistration } from '../src/services/registrations.ts';
import { createUser } from '../src/services/users.ts';
import { FormClient, textOf } from './helpers/browser.ts';
import { type CliResult, runCli } from './helpers/cli.ts';
import { freshDatabase, onPostgres, type TestDatabase } from './helpers/db.ts';
import { type ServerProcess, startServerProcess } from './helpers/server.ts';
import { codeAt } from './helpers/totp.ts';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CAROL = { upn: 'carol@contoso.com', password: 'carol password 1' };
const LOAD = { upn: 'load@contoso.com', password: 'load password 1' };

function ok(r: CliResult, what: string): string {
  assert.equal(r.code, 0, `${what} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A refusal the way the CLI promises one: exit 2, `portcullis: …`, no stack trace. */
function refused(r: CliResult, message: RegExp, what: string): void {
  assert.equal(r.code, 2, `${what} should be refused; stdout: ${r.stdout} stderr: ${r.stderr}`);
  assert.match(r.stderr, /^portcullis: /, what);
  assert.match(r.stderr, message, what);
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** What a directory holds, and every file's content: "nothing changed" compares these. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, sha(path.join(dir, name))]),
  );
/** Works on a data directory's database in this process (quicker than the CLI, for setting up). */
async function withDb<T>(config: Config, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = createContext(config, { log: createLogger('silent') });
  try {
    await migrate(ctx.db, ctx.dialect);
    return await work(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

const dbFile = (db: TestDatabase) => path.join(db.config.dataDir, 'portcullis.db');

/** Reads a database file the way an operator would look into a backup. */
function query<T>(file: string, sql: string): T[] {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all() as T[];
  } finally {
    sqlite.close();
  }
}
const upns = (file: string) =>
  query<{ upn: string }>(file, 'select upn from users order by upn').map((r) => r.upn);

// Backup and restore copy the embedded SQLite database: these run on a SQLite
// data directory of their own in both passes of the suite (PostgreSQL is backed
// up with pg_dump; see the last describe).
describe('portcullis backup / restore (SQLite)', () => {
  const dirs: TestDatabase[] = [];
  /** A new data directory; with `ownKey` its master key is generated in DATA_DIR/secret.key. */
  async function dataDir(ownKey = false): Promise<TestDatabase> {
    const db = await freshDatabase(ownKey ? { PORTCULLIS_SECRET_KEY: '' } : {}, { sqlite: true });
    dirs.push(db);
    return db;
  }
  after(async () => {
    for (const db of dirs) await db.drop();
  });
  const addUser = (config: Config, upn: string) =>
    withDb(config, (ctx) => createUser(ctx, { upn, password: 'a user password 1' }));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('backs up while a server signs people in; the backup restored elsewhere signs in with password and TOTP', async () => {
    const source = await dataDir(true);
    const { app, appPassword } = await withDb(source.config, async (ctx) => {
      const carol = await createUser(ctx, { ...CAROL, mfaState: 'Enforced' });
      await addRegistration(ctx, carol.id, 'PhoneAppOTP', {
        ok: true,
        secret: TOTP_SECRET,
        details: {},
      });
      await createUser(ctx, LOAD);
      return {
        app: (await createLegacyApp(ctx, { name: 'IMAP' })).id,
        appPassword: (await createAppPassword(ctx, carol.id, { name: 'Mail' })).password,
      };
    });
    const key = fs.readFileSync(path.join(source.config.dataDir, 'secret.key'), 'utf8');
    const verify = (url: string) =>
      fetch(`${url}/legacy/v1/verify?app=${app}`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${CAROL.upn}:${appPassword}`).toString('base64')}`,
        },
      });

    const backupDir = (await dataDir()).config.dataDir;
    const backup = path.join(backupDir, 'portcullis-backup.db');
    let server: ServerProcess | undefined = await startServerProcess(source.env);
    const load = { stop: false, signins: 0, verifies: 0 };
    try {
      // Sign-ins and app-password checks write sessions, the sign-in log and
      // last-used times all along, from two clients at once.
      const url = server.url;
      const signingIn = Array.from({ length: 2 }, async () => {
        while (!load.stop) {
          const b = new FormClient((r) => fetch(r), url);
          await b.page('/');
          const r = await b.submit('/signin', { username: LOAD.upn, password: LOAD.password });
          if (/My account/.test(textOf(r.html))) load.signins++;
          if ((await verify(url)).status === 200) load.verifies++;
        }
      });
      while (load.signins + load.verifies < 4) await sleep(50);
      // A write just before the backup sits in the write-ahead log, not yet in
      // the database file: a plain file copy would lose it.
      ok(
        await runCli(
          ['user', 'add', 'late@contoso.com', '--password-stdin'],
          source.env,
          'late password 1',
        ),
        'user add',
      );
      const r = await runCli(['backup', backup, '--with-key'], source.env);
      const before = load.signins + load.verifies;
      while (load.signins + load.verifies < before + 2) await sleep(50);
      load.stop = true;
      await Promise.all(signingIn);
      const out = ok(r, 'backup');
      assert.match(
        out,
        new RegExp(`^Backup written: ${backup} \\(\\d+ KiB, schema \\d{4}_\\w+\\)$`, 'm'),
      );
      assert.match(out, new RegExp(`copied to ${backup}\\.key \\(mode 0600\\)`));
    } finally {
      load.stop = true;
      await server.stop();
      server = undefined;
    }
    assert.ok(
      load.signins > 0 && load.verifies > 0,
      `the server was busy: ${JSON.stringify(load)}`,
    );

    // One self-contained, private file, whole, with the late write; the key beside it.
    assert.equal(fs.existsSync(`${backup}-wal`), false, 'no write-ahead log beside the backup');
    assert.equal(fs.statSync(backup).mode & 0o777, 0o600);
    assert.equal(fs.statSync(`${backup}.key`).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(`${backup}.key`, 'utf8').trim(), key.trim());
    assert.deepEqual(query(backup, 'pragma integrity_check'), [{ integrity_check: 'ok' }]);
    for (const upn of [CAROL.upn, 'late@contoso.com', LOAD.upn])
      assert.ok(upns(backup).includes(upn), upn);
    assert.ok(query(backup, 'select 1 from signin_log').length > 0, 'sign-ins made before it');
    assert.deepEqual(
      fs.readdirSync(backupDir).sort(),
      ['portcullis-backup.db', 'portcullis-backup.db.key'],
      'no temporary file left',
    );

    // A new data directory with no key of its own: restore brings the key along.
    const target = await dataDir(true);
    const restored = ok(await runCli(['restore', backup, '--with-key'], target.env), 'restore');
    assert.match(restored, /There was no database before\./);
    assert.equal(
      fs.readFileSync(path.join(target.config.dataDir, 'secret.key'), 'utf8').trim(),
      key.trim(),
    );
    server = await startServerProcess(target.env);
    try {
      const b = new FormClient((r) => fetch(r), server.url);
      await b.page('/');
      const first = await b.submit('/signin', { username: CAROL.upn, password: CAROL.password });
      assert.match(textOf(first.html), /Verify your identity/);
      const done = await b.submit('/signin/verify', { code: codeAt(TOTP_SECRET, Date.now()) });
      assert.match(textOf(done.html), /My account/, 'the TOTP secret opens with the restored key');
      assert.equal((await verify(server.url)).status, 200, 'the app password works too');
      const late = new FormClient((r) => fetch(r), server.url);
      await late.page('/');
      const signedIn = await late.submit('/signin', {
        username: 'late@contoso.com',
        password: 'late password 1',
      });
      assert.match(
        textOf(signedIn.html),
        /My account/,
        'the write just before the backup is in it',
      );
    } finally {
      await server.stop();
    }
  });

  it('backup refuses to overwrite a file (or its .key) without --force, and leaves no temporary file', async () => {
    const db = await dataDir();
    await addUser(db.config, 'first@contoso.com');
    const out = (await dataDir()).config.dataDir;
    const file = path.join(out, 'portcullis.backup');
    ok(await runCli(['backup', file], db.env), 'first backup');
    const first = sha(file);
    await addUser(db.config, 'second@contoso.com');
    refused(
      await runCli(['backup', file], db.env),
      /already exists: give another name, or --force/,
      'again',
    );
    assert.equal(sha(file), first, 'the backup is untouched');
    const second = path.join(out, 'second.backup');
    fs.writeFileSync(`${second}.key`, 'not mine\n');
    refused(
      await runCli(['backup', second, '--with-key'], db.env),
      /second\.backup\.key already exists/,
      'the key beside it',
    );
    assert.equal(fs.readFileSync(`${second}.key`, 'utf8'), 'not mine\n');
    assert.equal(fs.existsSync(second), false, 'no backup without its key');
    ok(await runCli(['backup', file, '--force'], db.env), 'with --force');
    assert.deepEqual(upns(file), ['first@contoso.com', 'second@contoso.com']);
    assert.deepEqual(fs.readdirSync(out).sort(), ['portcullis.backup', 'second.backup.key']);
    refused(
      await runCli(['backup', dbFile(db), '--force'], db.env),
      /is the live database or key/,
      'over the live database',
    );
    refused(
      await runCli(['backup', path.join(out, 'no', 'such', 'x.db')], db.env),
      /does not exist/,
      'no dir',
    );
  });

  it('restore refuses a missing file, a non-SQLite file, a SQLite file not of Portcullis and a newer schema, changing nothing', async () => {
    const db = await dataDir();
    await addUser(db.config, 'kept@contoso.com');
    const elsewhere = (await dataDir()).config.dataDir;
    const text = path.join(elsewhere, 'notes.db');
    fs.writeFileSync(text, 'these are not the rows you are looking for\n');
    const other = path.join(elsewhere, 'other.db');
    const o = new SQLite(other);
    o.exec('create table inventory (item text)');
    o.close();
    const newer = path.join(elsewhere, 'newer.db');
    ok(await runCli(['backup', newer], db.env), 'backup');
    const n = new SQLite(newer);
    n.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(
      '9999_from_the_future',
      new Date().toISOString(),
    );
    n.close();
    const before = snapshot(db.config.dataDir);
    const cases: [string, RegExp, string][] = [
      [path.join(elsewhere, 'missing.db'), /There is no file .*missing\.db\./, 'missing'],
      [text, /notes\.db is not a SQLite database/, 'text'],
      [other, /other\.db is a SQLite database but not one of Portcullis/, 'other'],
      [
        newer,
        /newer\.db comes from a newer Portcullis \(schema 9999_from_the_future; this one knows up to \d{4}_\w+\)/,
        'newer',
      ],
    ];
    for (const [file, message, what] of cases) {
      const r = await runCli(['restore', file], db.env);
      refused(r, message, what);
      assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line`);
      assert.deepEqual(snapshot(db.config.dataDir), before, `${what}: nothing changed`);
    }
    assert.deepEqual(upns(dbFile(db)), ['kept@contoso.com']);
  });

  it('restore refuses a backup whose secrets the master key in use cannot open, unless told', async () => {
    const source = await dataDir();
    await withDb(source.config, async (ctx) => {
      const u = await createUser(ctx, { ...CAROL, mfaState: 'Enforced' });
      await addRegistration(ctx, u.id, 'PhoneAppOTP', {
        ok: true,
        secret: TOTP_SECRET,
        details: {},
      });
    });
    const backup = path.join(source.config.dataDir, 'sealed.backup');
    ok(await runCli(['backup', backup], source.env), 'backup');
    const target = await dataDir();
    const env = { ...target.env, PORTCULLIS_SECRET_KEY: 'b'.repeat(64) };
    await addUser(loadConfig(env), 'kept@contoso.com');
    const before = snapshot(target.config.dataDir);
    refused(
      await runCli(['restore', backup], env),
      /The master key in use \(PORTCULLIS_SECRET_KEY\) does not open the secrets in .*sealed\.backup: .*--with-key.*Nothing was changed\./,
      'another key',
    );
    assert.deepEqual(snapshot(target.config.dataDir), before, 'nothing changed');
    ok(await runCli(['restore', backup, '--skip-key-check'], env), 'restore anyway');
    assert.deepEqual(upns(dbFile(target)), [CAROL.upn]);
  });

  it('restore keeps the previous database, refuses while a server runs on it, and migrates an older backup forward', async () => {
    const source = await dataDir();
    await addUser(source.config, 'from-backup@contoso.com');
    const backup = path.join(source.config.dataDir, 'portcullis.backup');
    ok(await runCli(['backup', backup], source.env), 'backup');

    const target = await dataDir();
    await addUser(target.config, 'current@contoso.com');
    const server = await startServerProcess(target.env);
    let refusal: CliResult;
    const whileServing = snapshot(target.config.dataDir);
    try {
      refusal = await runCli(['restore', backup], target.env);
    } finally {
      await server.stop();
    }
    refused(refusal, /is in use: stop the Portcullis server .* first/, 'while serving');
    assert.deepEqual(
      Object.keys(snapshot(target.config.dataDir)).filter((n) => !/-(wal|shm)$/.test(n)),
      Object.keys(whileServing).filter((n) => !/-(wal|shm)$/.test(n)),
      'nothing kept, nothing replaced',
    );
    const current = upns(dbFile(target));
    assert.ok(current.includes('current@contoso.com'));

    const out = ok(await runCli(['restore', backup], target.env), 'restore');
    const names = fs.readdirSync(target.config.dataDir);
    assert.ok(
      !names.some((n) => /-(wal|shm|journal)$/.test(n) || n.endsWith('.tmp')),
      `no log, no temporary file: ${names.join()}`,
    );
    const kept =
      /The previous database is kept as (portcullis\.db\.before-restore-\d{8}T\d{6}Z)\./.exec(
        out,
      )?.[1];
    assert.ok(kept, out);
    assert.deepEqual(upns(dbFile(target)), ['from-backup@contoso.com']);
    assert.deepEqual(
      upns(path.join(target.config.dataDir, kept!)),
      current,
      'the previous database, whole',
    );

    // A backup made before the latest migration: restore migrates it forward.
    const all = await migrationProvider.getMigrations();
    const migrations = Object.keys(all).sort();
    const latest = migrations.at(-1);
    const older = path.join(source.config.dataDir, 'older.db');
    const { db: oldDb } = openDatabase(`sqlite:${older}`);
    try {
      const { error } = await new Migrator({
        db: oldDb,
        provider: {
          getMigrations: async () =>
            Object.fromEntries(Object.entries(all).filter(([name]) => name !== latest)),
        },
      }).migrateToLatest();
      assert.ifError(error);
    } finally {
      await oldDb.destroy();
    }
    const migrated = ok(await runCli(['restore', older], target.env), 'restore older');
    assert.match(migrated, new RegExp(`schema ${migrations.at(-2)}, migrated to ${latest}\\)`));
    assert.deepEqual(
      query<{ name: string }>(
        dbFile(target),
        'select name from kysely_migration order by name',
      ).map((r) => r.name),
      migrations,
    );
    assert.equal(
      fs
        .readdirSync(target.config.dataDir)
        .filter((n) => n.startsWith('portcullis.db.before-restore-')).length,
      2,
      'each restore keeps what it replaced',
    );
  });
});

describe(`portcullis backup / restore with PostgreSQL (${onPostgres ? 'the test database' : 'a URL only'})`, () => {
  it('backup and restore print the pg_dump / pg_restore commands and exit non-zero, without the password', async () => {
    const db = onPostgres ? await freshDatabase() : undefined;
    try {
      const env = db?.env ?? {
        PORTCULLIS_DATA_DIR: path.join(process.cwd(), 'data-never-created'),
        PORTCULLIS_DATABASE_URL: 'postgres://portcullis:s3cret@db.invalid:5432/portcullis',
        PORTCULLIS_SECRET_KEY: 'a'.repeat(64),
      };
      const backup = await runCli(['backup', 'portcullis.dump'], env);
      refused(backup, /uses PostgreSQL/, 'backup');
      assert.match(
        backup.stderr,
        /^ {2}pg_dump -Fc (-n t_\w+ )?-f portcullis\.dump '?postgres:\/\/portcullis@[\w.]+:5432\/portcullis/m,
      );
      assert.match(backup.stderr, /master key/);
      const restore = await runCli(['restore', 'portcullis.dump'], env);
      refused(restore, /uses PostgreSQL/, 'restore');
      assert.match(
        restore.stderr,
        /^ {2}pg_restore .*-d .*postgres:\/\/portcullis@.* portcullis\.dump$/m,
      );
      for (const r of [backup, restore]) {
        assert.doesNotMatch(r.stderr, /\/\/[^/@\s]*:[^/@\s]*@/, 'no password in the advice');
        assert.equal(r.stdout, '');
      }
      assert.equal(fs.existsSync('portcullis.dump'), false);
    } finally {
      await db?.drop();
    }
  });
});
