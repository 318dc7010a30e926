// Upgrades: a database written by the release before this one (test/fixtures/
// upgrade, made by its own code) migrates forward with `portcullis migrate`, and
// everyone still signs in: password and authenticator app on the web, an app
// password on LDAP with a real client. A database migrated by a newer release
// is refused with words an administrator can act on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { migrationProvider } from '../src/db/migrations/index.ts';
import { FormClient, textOf } from './helpers/browser.ts';
import { runCli } from './helpers/cli.ts';
import { freshDatabase, onPostgres, pgUrl, type TestDatabase } from './helpers/db.ts';
import { requireTool, type ServerProcess, startServerProcess } from './helpers/server.ts';
import { codeAt } from './helpers/totp.ts';

const FIXTURE = new URL('./fixtures/upgrade/0.1.0/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(path.join(FIXTURE, 'manifest.json'), 'utf8')) as {
  release: string;
  secretKey: string;
  pgSchema: string;
  password: string;
  totpUser: { upn: string; secret: string };
  appPasswordUser: { upn: string; secret: string; appPassword: string };
  ldapApp: { id: string };
  postgres: { ldapAppId: string; appPassword: string };
};
const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
/** This code's migrations, and those newer than the fixture's release (0.1.0 ended at 0014). */
const known = Object.keys(await migrationProvider.getMigrations()).sort();
const latest = known.at(-1)!;
const newer = known.slice(known.indexOf('0014_limits') + 1);
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** The fixture's PostgreSQL dump, restored into this test's own schema. */
async function restoreDump(schema: string): Promise<void> {
  const dump = readFileSync(path.join(FIXTURE, 'postgres.sql'), 'utf8')
    // psql meta-commands (pg_dump 15.14+ fences its output with \restrict) are not SQL.
    .replace(/^\\.*$/gm, '')
    .replaceAll(manifest.pgSchema, schema)
    // The schema exists already (freshDatabase made it).
    .replace(`CREATE SCHEMA ${schema};`, '');
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(dump);
  } finally {
    await client.end();
  }
}

describe(`upgrade from Portcullis ${manifest.release} (${onPostgres ? 'PostgreSQL dump' : 'SQLite file'})`, {
  skip: requireTool(hasLdapUtils, 'ldap-utils'),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;
  const ldap = onPostgres
    ? { app: manifest.postgres.ldapAppId, password: manifest.postgres.appPassword }
    : { app: manifest.ldapApp.id, password: manifest.appPasswordUser.appPassword };

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_SECRET_KEY: manifest.secretKey,
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
    });
    if (db.pgSchema) await restoreDump(db.pgSchema);
    else
      copyFileSync(
        path.join(FIXTURE, 'portcullis.db'),
        path.join(db.config.dataDir, 'portcullis.db'),
      );
  });
  after(async () => {
    await server?.stop();
    await db.drop();
  });

  it('migrate --check names what is pending and changes nothing', async () => {
    const first = await runCli(['migrate', '--check'], db.env);
    assert.equal(first.code, 1, first.stderr);
    assert.equal(
      first.stdout.trim(),
      `${newer.length} to apply (run portcullis migrate): ${newer.join(', ')}.`,
    );
    const again = await runCli(['migrate', '--check'], db.env);
    assert.equal(again.stdout, first.stdout, '--check applied nothing');
  });

  it('migrate applies the new migrations once', async () => {
    const r = await runCli(['migrate'], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), `Applied ${newer.length}: ${newer.join(', ')}.`);
    const check = await runCli(['migrate', '--check', '--json'], db.env);
    assert.equal(check.code, 0, check.stderr);
    const status = JSON.parse(check.stdout);
    assert.deepEqual(status.pending, []);
    assert.equal(status.schema, latest);
    assert.equal(status.lastRelease.version, version);
  });

  it('every user still signs in: password and authenticator app, app password on LDAP', async () => {
    server = await startServerProcess(db.env);
    const b = new FormClient((r) => fetch(r), server.url);
    await b.page('/');
    const first = await b.submit('/signin', {
      username: manifest.totpUser.upn,
      password: manifest.password,
    });
    assert.match(textOf(first.html), /Verify your identity/);
    const done = await b.submit('/signin/verify', {
      code: codeAt(manifest.totpUser.secret, Date.now()),
    });
    assert.match(textOf(done.html), /My account/, 'the old TOTP secret opens');

    const port = /"port":(\d+),"msg":"ldap listening"/.exec(server.output())?.[1];
    assert.ok(port, 'the LDAP front listens');
    const bind = (password: string) =>
      spawnSync(
        'ldapwhoami',
        [
          '-x',
          '-H',
          `ldap://127.0.0.1:${port}`,
          '-D',
          `uid=${manifest.appPasswordUser.upn},ou=people,o=${ldap.app},dc=portcullis`,
          '-w',
          password,
        ],
        { encoding: 'utf8' },
      );
    const ok = bind(ldap.password);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(manifest.appPasswordUser.upn));
    const wrong = bind(`${ldap.password.slice(0, -1)}x`);
    assert.equal(wrong.status, 49, 'a wrong app password is still refused (invalid credentials)');
  });
});

describe('a database migrated by a newer release', () => {
  let db: TestDatabase;

  before(async () => {
    db = await freshDatabase();
    assert.equal((await runCli(['migrate'], db.env)).code, 0);
    // What a later release leaves behind: a migration this code does not know.
    const { createContext } = await import('../src/context.ts');
    const { createLogger } = await import('../src/log.ts');
    const ctx = createContext(db.config, { log: createLogger('warn') });
    await ctx.db
      .insertInto('kysely_migration' as never)
      .values({ name: '9999_from_the_future', timestamp: new Date().toISOString() } as never)
      .execute();
    await ctx.db
      .insertInto('releases')
      .values({ version: '9.9.9', migrated_at: Date.now() })
      .execute();
    await ctx.db.destroy();
  });
  after(() => db.drop());

  const refusal = new RegExp(
    `^portcullis: The database was upgraded by Portcullis 9\\.9\\.9: it has migration 9999_from_the_future, which Portcullis [\\d.]+ does not know \\(it knows up to ${latest}\\)\\. Run Portcullis 9\\.9\\.9 here as well`,
  );

  it('the server refuses to start, in one clear line', async () => {
    await assert.rejects(startServerProcess(db.env), (e: Error) => {
      assert.match(e.message, /server exited with 1/);
      assert.match(e.message.split('\n').slice(1).join('\n').trim(), refusal);
      assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace');
      return true;
    });
  });

  it('migrate --check and every local command refuse it too', async () => {
    for (const args of [['migrate', '--check'], ['migrate'], ['user', 'list']]) {
      const r = await runCli(args, db.env);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, refusal, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });
});
