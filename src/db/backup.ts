// Backups of the embedded SQLite database: an online copy that is consistent
// while `portcullis serve` writes (SQLite's backup API), and a restore that
// checks what it is given and keeps what it replaces. PostgreSQL has pg_dump.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config/schema.ts';
import { deriveKeys, parseMasterKey } from '../crypto/keys.ts';
import { SecretBox } from '../crypto/secret-box.ts';
import { AppError } from '../errors.ts';
import { type Db, migrate, openDatabase } from './index.ts';
import { migrationProvider } from './migrations/index.ts';

export type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'secretKey'>;

/** Kysely's bookkeeping table: a Portcullis database has it, with 0001_core first. */
const MIGRATIONS_TABLE = 'kysely_migration';
const FIRST_MIGRATION = '0001_core';
/** Every SQLite database file starts with these 16 bytes (sqlite.org/fileformat.html §1.3.1). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Pages per backup step: all of them, so one step copies one snapshot. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  bytes: number;
  /** The latest migration applied in the copy. */
  schemaVersion: string;
  /** FILE.key when --with-key, else null. */
  keyFile: string | null;
  /** Where the master key comes from: PORTCULLIS_SECRET_KEY or DATA_DIR/secret.key. */
  keySource: string;
}

export interface RestoreResult {
  file: string;
  database: string;
  /** The backup's schema and the schema after migrating it forward. */
  backupSchemaVersion: string;
  schemaVersion: string;
  /** Where the database it replaced is kept (null when there was none). */
  previousKeptAs: string | null;
  /** --with-key: where the key went, and where the key it replaced is kept. */
  keyInstalledAs: string | null;
  previousKeyKeptAs: string | null;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The SQLite file of a database URL, read as openDatabase reads it. */
function sqliteFileOf(url: string, command: 'backup' | 'restore', target: string): string {
  if (isPostgresUrl(url))
    throw new AppError('invalid_request', {
      detail: command === 'backup' ? pgDumpAdvice(url, target) : pgRestoreAdvice(url, target),
    });
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file === ':memory:')
    throw new AppError('invalid_request', {
      detail: `An in-memory database cannot be ${command === 'backup' ? 'backed up' : 'restored'}.`,
    });
  return path.resolve(file);
}

// ---- PostgreSQL: advice, never a shell-out (pg_dump must match the server's version).

const shellQuote = (s: string) =>
  /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;

/** The URL without its password (pg_dump reads PGPASSWORD or ~/.pgpass), and its search_path schema. */
function pgTarget(url: string): { url: string; schema: string | undefined } {
  try {
    const u = new URL(url);
    u.password = '';
    const schema = /-c\s*search_path=([\w$]+)/.exec(u.searchParams.get('options') ?? '')?.[1];
    return { url: u.toString(), schema };
  } catch {
    return { url: 'postgres://USER@HOST:5432/DATABASE', schema: undefined };
  }
}

const keyReminder =
  'Keep the master key (PORTCULLIS_SECRET_KEY, or DATA_DIR/secret.key) too: the secrets in the database are encrypted with it.';

export function pgDumpAdvice(url: string, file: string): string {
  const t = pgTarget(url);
  return [
    'This Portcullis uses PostgreSQL: `portcullis backup` copies the embedded SQLite database only. Back PostgreSQL up with pg_dump (password from PGPASSWORD or ~/.pgpass):',
    `  pg_dump -Fc ${t.schema ? `-n ${t.schema} ` : ''}-f ${shellQuote(file)} ${shellQuote(t.url)}`,
    keyReminder,
  ].join('\n');
}

export function pgRestoreAdvice(url: string, file: string): string {
  const t = pgTarget(url);
  return [
    'This Portcullis uses PostgreSQL: `portcullis restore` replaces the embedded SQLite database only. Stop Portcullis, then restore a pg_dump -Fc file with pg_restore:',
    `  pg_restore --clean --if-exists --no-owner --single-transaction -d ${shellQuote(t.url)} ${shellQuote(file)}`,
    // A dump of one schema (-n) leaves out the extensions its indexes use.
    ...(t.schema ? ['Into a new database, run CREATE EXTENSION pg_trgm; there first.'] : []),
    keyReminder,
  ].join('\n');
}

// ---- Files: temporary names beside the target, moved in only when complete.

const tempName = (file: string) =>
  path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );

function removeTemp(tmp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
}

const alreadyThere = (file: string) =>
  new AppError('conflict', { detail: `${file} already exists: give another name, or --force.` });

/**
 * Moves a finished temporary file to its name: replacing it with `force`,
 * else never over an existing file — a hard link fails if the name is taken,
 * so there is no check-then-rename race.
 */
function place(tmp: string, file: string, force: boolean): void {
  if (force) {
    fs.renameSync(tmp, file);
    return;
  }
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyThere(file);
    // A file system without hard links: check, then rename.
    if (fs.existsSync(file)) throw alreadyThere(file);
    fs.renameSync(tmp, file);
    return;
  }
  fs.unlinkSync(tmp);
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for syncing everywhere (Windows); the rename stands.
  }
}

/** A name for what a restore replaces: NAME.before-restore-20260115T103000Z (-2, -3 … if taken). */
function keepName(file: string, now: number): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = `${file}.before-restore-${stamp}`;
  let name = base;
  for (let i = 2; fs.existsSync(name); i++) name = `${base}-${i}`;
  return name;
}

/** Keeps `file` under `kept` without moving it away: a hard link, or a copy. */
function keepCopy(file: string, kept: string): void {
  try {
    fs.linkSync(file, kept);
  } catch {
    fs.copyFileSync(file, kept, fs.constants.COPYFILE_EXCL);
  }
}

function writeKeyFile(file: string, key: Buffer, force: boolean): void {
  const tmp = tempName(file);
  try {
    fs.writeFileSync(tmp, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(tmp, 0o600);
    fsyncPath(tmp);
    place(tmp, file, force);
  } catch (e) {
    removeTemp(tmp);
    throw e;
  }
  fsyncPath(path.dirname(file));
}

// ---- The master key.

interface MasterKey {
  key: Buffer;
  /** PORTCULLIS_SECRET_KEY, or the file it was read from. */
  from: string;
}

function readKey(text: string, from: string): Buffer {
  try {
    return parseMasterKey(text);
  } catch {
    throw new AppError('invalid_request', {
      detail: `${from} does not hold a master key (32 bytes, as 64 hex or 44 base64 characters).`,
    });
  }
}

/** The key in use, without generating one (as loadMasterKey would on a first start). */
function currentKey(config: BackupConfig): MasterKey | undefined {
  if (config.secretKey)
    return {
      key: readKey(config.secretKey, 'PORTCULLIS_SECRET_KEY'),
      from: 'PORTCULLIS_SECRET_KEY',
    };
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) return undefined;
  return { key: readKey(fs.readFileSync(file, 'utf8'), file), from: file };
}

/**
 * One sealed secret of the database, with its associated data — the same as
 * src/oidc/keys.ts and src/services/registrations.ts seal them with.
 */
async function sealedSample(db: Db): Promise<{ sealed: string; aad: string } | undefined> {
  const signing = await db
    .selectFrom('signing_keys')
    .select(['kid', 'jwk_sealed'])
    .limit(1)
    .executeTakeFirst();
  if (signing) return { sealed: signing.jwk_sealed, aad: `signing_keys:${signing.kid}` };
  const method = await db
    .selectFrom('auth_methods')
    .select(['id', 'secret_sealed'])
    .where('secret_sealed', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (method?.secret_sealed)
    return { sealed: method.secret_sealed, aad: `auth_methods:${method.id}` };
  return undefined;
}

/**
 * A backup restored under another master key looks fine until every
 * authenticator code, app password and signed token fails: refuse it up front.
 */
async function checkKey(db: Db, key: MasterKey | undefined, file: string): Promise<void> {
  const sample = await sealedSample(db);
  if (!sample) return;
  const fix = `restore with --with-key to install ${file}.key, or make the key the backup was made with the one in use (DATA_DIR/secret.key or PORTCULLIS_SECRET_KEY); --skip-key-check restores anyway. Nothing was changed.`;
  if (!key)
    throw new AppError('conflict', {
      detail: `There is no master key here yet, and the secrets in ${file} are encrypted with one: ${fix}`,
    });
  try {
    new SecretBox(deriveKeys(key.key).secretsAtRest).open(sample.sealed, sample.aad);
  } catch {
    throw new AppError('conflict', {
      detail:
        key.from === `${file}.key`
          ? `${key.from} does not open the secrets in ${file}: it is not the key the backup was made with. Nothing was changed.`
          : `The master key in use (${key.from}) does not open the secrets in ${file}: ${fix}`,
    });
  }
}

// ---- What a database file holds.

async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

function notPortcullis(what: string, why: string): AppError {
  return new AppError('invalid_request', {
    detail: `${what} is a SQLite database but not one of Portcullis (${why}).`,
  });
}

/** The migrations applied in a Portcullis database (sorted); refuses other databases. */
function appliedMigrations(sqlite: SQLite.Database, what: string): string[] {
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATIONS_TABLE);
  if (!hasTable) throw notPortcullis(what, `it has no ${MIGRATIONS_TABLE} table`);
  const applied = (
    sqlite.prepare(`select name from ${MIGRATIONS_TABLE}`).pluck().all() as string[]
  ).sort();
  if (!applied.includes(FIRST_MIGRATION))
    throw notPortcullis(what, `its migrations do not start with ${FIRST_MIGRATION}`);
  return applied;
}

/** The schema version of a database this build can run (migrating it forward if older). */
function runnableSchema(applied: string[], what: string, known: string[]): string {
  const version = applied.at(-1)!;
  const latest = known.at(-1)!;
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0 && unknown.every((name) => name > latest))
    throw new AppError('conflict', {
      detail: `${what} comes from a newer Portcullis (schema ${version}; this one knows up to ${latest}): upgrade Portcullis, then restore. Nothing was changed.`,
    });
  if (unknown.length > 0)
    throw notPortcullis(what, `it has migrations this Portcullis never had: ${unknown.join(', ')}`);
  return version;
}

function checkIntact(sqlite: SQLite.Database, what: string): void {
  const result = sqlite.pragma('quick_check', { simple: true });
  if (result !== 'ok')
    throw new AppError('invalid_request', { detail: `${what} is damaged: ${String(result)}.` });
}

/** Opens a SQLite file; a file that is not one fails on first use, reported as such. */
function inspectFile<T>(file: string, what: string, work: (sqlite: SQLite.Database) => T): T {
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    return work(sqlite);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new AppError('invalid_request', { detail: `${what} is not a usable SQLite database.` });
    throw e;
  } finally {
    sqlite.close();
  }
}

// ---- backup

export interface BackupOptions {
  file: string;
  force: boolean;
  withKey: boolean;
}

function checkTarget(file: string, force: boolean, live: string[]): void {
  if (live.includes(file))
    throw new AppError('invalid_request', {
      detail: `${file} is the live database or key: give the backup another name.`,
    });
  if (!fs.existsSync(path.dirname(file)))
    throw new AppError('invalid_request', {
      detail: `The directory ${path.dirname(file)} does not exist.`,
    });
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).isDirectory())
    throw new AppError('invalid_request', {
      detail: `${file} is a directory: give the backup a file name.`,
    });
  if (!force) throw alreadyThere(file);
}

/**
 * Copies the database to `file` with SQLite's online backup: consistent while
 * a server writes (WAL mode), written under a temporary name and moved in only
 * when complete, so a failure never leaves half a file under `file`.
 */
export async function backupDatabase(
  config: BackupConfig,
  o: BackupOptions,
): Promise<BackupResult> {
  const source = sqliteFileOf(config.databaseUrl, 'backup', o.file);
  const file = path.resolve(o.file);
  const keyFile = o.withKey ? `${file}.key` : null;
  const liveKey = path.join(config.dataDir, 'secret.key');
  const live = [source, `${source}-wal`, `${source}-shm`, liveKey];
  checkTarget(file, o.force, live);
  if (keyFile) checkTarget(keyFile, o.force, live);
  const key = currentKey(config);
  if (keyFile && !key)
    throw new AppError('not_found', {
      detail: `There is no master key to copy: neither PORTCULLIS_SECRET_KEY nor ${liveKey}.`,
    });
  if (!fs.existsSync(source))
    throw new AppError('not_found', {
      detail: `There is no database at ${source}: nothing to back up.`,
    });
  const tmp = tempName(file);
  let schemaVersion: string;
  try {
    // Created first and private: the copy holds password hashes and sealed secrets.
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    const db = new SQLite(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      // All pages in one step, under one read transaction: in WAL mode the
      // server goes on writing meanwhile and the copy is the database as of one
      // moment. Small steps would start over each time the server wrote.
      await db.backup(tmp, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    schemaVersion = inspectFile(tmp, source, (copy) => {
      // One self-contained file: no write-ahead log is needed beside it.
      copy.pragma('journal_mode = DELETE');
      checkIntact(copy, `The copy of ${source}`);
      return appliedMigrations(copy, source).at(-1)!;
    });
    fsyncPath(tmp);
    place(tmp, file, o.force);
  } catch (e) {
    removeTemp(tmp);
    throw e;
  }
  fsyncPath(path.dirname(file));
  if (keyFile && key) writeKeyFile(keyFile, key.key, o.force);
  return {
    file,
    bytes: fs.statSync(file).size,
    schemaVersion,
    keyFile,
    keySource: key?.from ?? liveKey,
  };
}

// ---- restore

export interface RestoreOptions {
  file: string;
  withKey: boolean;
  skipKeyCheck: boolean;
  /** Milliseconds since the epoch, for the names of what is kept. */
  now: number;
}

function checkBackupFile(file: string, database: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', { detail: `There is no file ${file}.` });
    throw new AppError('invalid_request', { detail: `Cannot read ${file} (${code}).` });
  }
  if (!stat.isFile()) throw new AppError('invalid_request', { detail: `${file} is not a file.` });
  if (file === database)
    throw new AppError('invalid_request', {
      detail: `${file} is the database in use: restore from a backup elsewhere.`,
    });
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER))
    throw new AppError('invalid_request', {
      detail: `${file} is not a SQLite database (make backups with \`portcullis backup\`).`,
    });
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
    throw new AppError('invalid_request', {
      detail: `${file} has a write-ahead log beside it (${wal}): it is a live database, not a backup. Make a backup of it with \`portcullis backup\`.`,
    });
}

/**
 * Holds the database for this process alone until closed. In exclusive locking
 * mode the first read takes the file, which fails at once (no busy wait) while
 * another process — a running server, another command — has it open in WAL mode.
 * Undefined when there is no database, or one SQLite cannot open (then there is
 * nothing to protect, and the file is kept all the same).
 */
function lockDatabase(database: string): SQLite.Database | undefined {
  if (!fs.existsSync(database)) return undefined;
  const sqlite = new SQLite(database, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.prepare('select count(*) from sqlite_master').get();
    return sqlite;
  } catch (e) {
    sqlite.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new AppError('conflict', {
        detail: `The database ${database} is in use: stop the Portcullis server (and any other portcullis command on it) first, then restore. Nothing was changed.`,
      });
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return undefined;
    throw e;
  }
}

/**
 * Keeps the database about to be replaced under a new name, whole. Through
 * the only connection, its write-ahead log is folded into the file and the
 * connection closed — which removes its -wal and -shm while those names are
 * still the old database's, so no stale log can meet the restored one. (A
 * server started in the instant before the rename would keep writing to the
 * old file: the lock only shortens that window.)
 */
function releaseAndKeep(database: string, lock: SQLite.Database | undefined, now: number): string {
  if (lock) {
    lock.pragma('journal_mode = DELETE');
    lock.close();
  }
  const kept = keepName(database, now);
  keepCopy(database, kept);
  // Left only when SQLite could not open the old file: they go with it, not with the new one.
  for (const suffix of ['-wal', '-journal'])
    if (fs.existsSync(database + suffix)) fs.renameSync(database + suffix, kept + suffix);
  fs.rmSync(`${database}-shm`, { force: true });
  return kept;
}

/** --with-key: FILE.key becomes DATA_DIR/secret.key; a different key there is kept. */
function installKey(
  config: BackupConfig,
  key: Buffer,
  now: number,
): { installedAs: string | null; keptAs: string | null } {
  if (config.secretKey) return { installedAs: null, keptAs: null }; // the same key, checked before
  const file = path.join(config.dataDir, 'secret.key');
  const current = currentKey(config);
  if (current?.key.equals(key)) return { installedAs: file, keptAs: null };
  let keptAs: string | null = null;
  if (current) {
    keptAs = keepName(file, now);
    keepCopy(file, keptAs);
  }
  writeKeyFile(file, key, true);
  return { installedAs: file, keptAs };
}

/**
 * Replaces the database with a backup: checks it is a Portcullis database this
 * build can run, migrates a copy forward beside the database, keeps the
 * current database, then moves the copy in with one rename.
 */
export async function restoreDatabase(
  config: BackupConfig,
  o: RestoreOptions,
): Promise<RestoreResult> {
  const database = sqliteFileOf(config.databaseUrl, 'restore', o.file);
  const file = path.resolve(o.file);
  checkBackupFile(file, database);
  let fileKey: Buffer | undefined;
  if (o.withKey) {
    const keyFile = `${file}.key`;
    if (!fs.existsSync(keyFile))
      throw new AppError('not_found', {
        detail: `There is no ${keyFile} (backup --with-key writes it).`,
      });
    fileKey = readKey(fs.readFileSync(keyFile, 'utf8'), keyFile);
    if (config.secretKey && !readKey(config.secretKey, 'PORTCULLIS_SECRET_KEY').equals(fileKey))
      throw new AppError('conflict', {
        detail: `PORTCULLIS_SECRET_KEY is set, to another key than ${keyFile}: set PORTCULLIS_SECRET_KEY to the key in ${keyFile} instead of --with-key. Nothing was changed.`,
      });
  }
  const key = fileKey ? { key: fileKey, from: `${file}.key` } : currentKey(config);
  const known = await knownMigrations();
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const lock = lockDatabase(database);
  const tmp = tempName(database);
  try {
    fs.copyFileSync(file, tmp, fs.constants.COPYFILE_EXCL);
    const previous = fs.existsSync(database) ? fs.statSync(database) : undefined;
    fs.chmodSync(tmp, previous ? previous.mode & 0o777 : 0o600);
    if (previous && process.getuid?.() === 0) fs.chownSync(tmp, previous.uid, previous.gid);
    const backupSchemaVersion = inspectFile(tmp, file, (copy) => {
      checkIntact(copy, file);
      return runnableSchema(appliedMigrations(copy, file), file, known);
    });
    const { db } = openDatabase(`sqlite:${tmp}`);
    try {
      await migrate(db, 'sqlite');
      if (!o.skipKeyCheck) await checkKey(db, key, file);
    } finally {
      await db.destroy();
    }
    fsyncPath(tmp);
    const previousKeptAs = previous ? releaseAndKeep(database, lock, o.now) : null;
    fs.renameSync(tmp, database);
    fsyncPath(path.dirname(database));
    const installed = fileKey
      ? installKey(config, fileKey, o.now)
      : { installedAs: null, keptAs: null };
    return {
      file,
      database,
      backupSchemaVersion,
      schemaVersion: known.at(-1)!,
      previousKeptAs,
      keyInstalledAs: installed.installedAs,
      previousKeyKeptAs: installed.keptAs,
    };
  } catch (e) {
    removeTemp(tmp);
    throw e;
  } finally {
    if (lock?.open) lock.close();
  }
}
