// Compiles src/ to dist/ with tsc, one JavaScript file per source file, and copies
// the files the code reads at run time (styles, browser scripts, word lists).
// One file per module keeps the command line's lazy imports lazy: a command loads
// only the modules it names. `--if-stale` builds only when a source is newer than
// the last build (the test runner's check before it starts the real command);
// `--clean` starts from an empty dist/ (what `npm install` and `npm pack` run), so
// no output of a deleted source survives into a package.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.tsbuildinfo');
const config = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

const sources = () => readdirSync(src, { recursive: true, encoding: 'utf8' });
const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

export function isStale() {
  const built = mtime(stamp);
  if (!built) return true;
  const inputs = [
    ...sources().map((f) => path.join(src, f)),
    ...config.map((f) => path.join(root, f)),
  ];
  return inputs.some((f) => mtime(f) > built);
}

export function build({ clean = false } = {}) {
  if (clean) rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc failed: see the errors above');
  for (const file of sources()) {
    if (/\.tsx?$/.test(file) || statSync(path.join(src, file)).isDirectory()) continue;
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    copyFileSync(path.join(src, file), path.join(dist, file));
  }
  // tsc leaves an up-to-date build untouched; the stamp says when it was last checked.
  const now = new Date();
  utimesSync(stamp, now, now);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  try {
    build({ clean: process.argv.includes('--clean') });
  } catch (e) {
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
}
