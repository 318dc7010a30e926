// Builds dist/ from src/ with esbuild: the command line and everything it can
// reach, bundled with code splitting. Each `import()` of a command's action
// stays a separate chunk that loads only when the command runs, and the shared
// code lands in shared chunks: a command loads a few dozen files instead of
// several hundred modules (Node 20 pays for each one; `portcullis user list`
// starts in two thirds of the time). Pure-JavaScript libraries are bundled;
// those with native code, worker threads, files read beside their own code or
// a second copy inside another dependency stay packages (EXTERNAL). Types are
// checked by `npm run lint` (tsc --noEmit), not here.
//
// Beside the code: source maps (stack traces name TypeScript lines), the files
// the code reads at run time (styles, browser scripts, word lists — at their
// paths under src/, read through src/assets.ts), the licences of the bundled
// libraries (THIRD-PARTY-NOTICES.txt) and esbuild's metafile (meta.json: which
// sources each chunk holds, read by test/helpers/loaded-modules.ts; not packaged).
// `--if-stale` builds only when a source is newer than the last build.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const meta = path.join(dist, 'meta.json');
const config = ['tsconfig.json', 'package.json', 'scripts/build.js'];

/** Packages left to node_modules, with why. */
const EXTERNAL = [
  'better-sqlite3', // native
  '@node-rs/argon2', // native
  'pg', // loaded on first PostgreSQL use (src/db/index.ts)
  'pino', // its transports run in worker threads that load its files
  'prom-client', // loaded on first use (src/metrics.ts)
  'oidc-provider', // many files and its own copy of jose
  'radius', // reads its dictionaries beside its code
  'web-push',
  'qrcode',
  '@simplewebauthn/browser', // served to browsers as a file (src/http/app.tsx)
];

const sources = () => readdirSync(src, { recursive: true, encoding: 'utf8' });
const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

export function isStale() {
  const built = mtime(meta);
  if (!built) return true;
  const inputs = [
    ...sources().map((f) => path.join(src, f)),
    ...config.map((f) => path.join(root, f)),
  ];
  return inputs.some((f) => mtime(f) > built);
}

export async function build() {
  rmSync(dist, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [{ in: 'src/cli/main.ts', out: 'cli' }],
    outdir: 'dist',
    // Chunks sit beside each other at the top of dist/, so `import.meta.url`
    // means the same directory in every one of them (src/assets.ts, src/version.ts).
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL.flatMap((p) => [p, `${p}/*`]),
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // CommonJS libraries inside the bundle require Node's own modules.
    banner: {
      js: "import { createRequire as __portcullisRequire } from 'node:module';\nconst require = __portcullisRequire(import.meta.url);",
    },
  });
  for (const file of sources()) {
    if (/\.tsx?$/.test(file) || statSync(path.join(src, file)).isDirectory()) continue;
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    copyFileSync(path.join(src, file), path.join(dist, file));
  }
  writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), notices(result.metafile));
  writeFileSync(meta, JSON.stringify(result.metafile));
}

/** The name, version and licence text of every package bundled into dist/. */
function notices(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = ['Portcullis bundles these libraries into dist/. Their licences follow.\n'];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const file = readdirSync(path.join(root, dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file ? readFileSync(path.join(root, dir, file), 'utf8').trim() : `${pkg.license}`;
    parts.push(`${'-'.repeat(72)}\n${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`);
  }
  return parts.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && existsSync(meta) && !isStale()) process.exit(0);
  try {
    await build();
  } catch (e) {
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
}
