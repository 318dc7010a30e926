// Runs every test file under test/ with Node's test runner (through tsx).
// Node 20 takes no glob patterns, so the files are listed here. Tests start the
// real command (bin/portcullis.js), which runs the compiled dist/: it is built
// first when a source is newer. The ten slowest files are printed at the end.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build, isStale } from './build.js';

const root = new URL('../test/', import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.test\.tsx?$/.test(f))
  .map((f) => path.join('test', f))
  .sort();
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const pgUrl = process.env.PORTCULLIS_DATABASE_URL?.startsWith('postgres')
  ? process.env.PORTCULLIS_DATABASE_URL
  : undefined;
if (pgUrl && only.length === 0) {
  // Test files leave their schemas behind (see test/helpers/db.ts); a full run
  // clears the last run's. (A run of some files does not: another may be using them.)
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  const { rows } = await client.query(
    "select nspname from pg_namespace where nspname like 't\\_%'",
  );
  for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
  await client.end();
}
if (isStale()) {
  console.log('Building dist/ (a source is newer than the last build)');
  await build();
}
console.log(`Running ${selected.length} test files on ${pgUrl ? 'PostgreSQL' : 'SQLite'}`);
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    // A test that hangs fails by name after ten minutes instead of stalling the run.
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${new URL('./slowest-reporter.js', import.meta.url).href}`,
    '--test-reporter-destination=stdout',
    ...selected,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
