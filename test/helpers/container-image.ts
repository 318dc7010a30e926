// The container image of this checkout, built with podman from the Containerfile
// on the Debian base image .ci/podman-up makes (no registry is reachable here).
// Its tag is a hash of everything the Containerfile copies, so an image is built
// once per content and reused. `node --import tsx test/helpers/container-image.ts`
// builds it (CI does, after npm ci, before the suite: packaging, not a test).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
export const BASE_IMAGE = 'localhost/debian:bookworm';

export const podman = (args: string[], input?: string) =>
  spawnSync('podman', args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });

/** The image's tag: a hash of the Containerfile and everything it copies. */
export function imageTag(): string {
  const hash = createHash('sha256');
  const inputs = ['Containerfile', 'package.json', 'package-lock.json', 'tsconfig.json'];
  inputs.push('scripts/build.js', 'bin/portcullis.js');
  for (const f of readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).sort())
    if (f.includes('.')) inputs.push(path.join('src', f));
  for (const f of inputs) hash.update(f).update(readFileSync(path.join(root, f)));
  return `localhost/portcullis:test-${hash.digest('hex').slice(0, 12)}`;
}

/** A TLS-inspecting proxy's CA (local additions to the trust store), for the build only. */
function extraCa(): string | undefined {
  const dir = '/usr/local/share/ca-certificates';
  const certs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.crt')) : [];
  if (certs.length === 0) return undefined;
  const file = path.join(tmpdir(), 'portcullis-build-ca.pem');
  writeFileSync(file, certs.map((c) => readFileSync(path.join(dir, c), 'utf8')).join('\n'));
  return file;
}

/** Builds the image unless it exists; returns its tag. Throws with podman's output on failure. */
export function ensureImage(): string {
  const image = imageTag();
  if (podman(['image', 'exists', image]).status === 0) return image;
  const ca = extraCa();
  const caArgs = ca
    ? ['-v', `${ca}:/etc/extra-ca.pem:ro`, '--build-arg', 'EXTRA_CA=/etc/extra-ca.pem']
    : [];
  if (ca) caArgs.push('--build-arg', 'NODE_EXTRA_CA_CERTS=/etc/extra-ca.pem');
  const build = podman([
    'build',
    '--format',
    'docker',
    '--build-arg',
    `BASE=${BASE_IMAGE}`,
    ...caArgs,
    '-t',
    image,
    root,
  ]);
  if (build.status !== 0) throw new Error(`podman build failed:\n${build.stderr.slice(-4000)}`);
  return image;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  console.log(`${ensureImage()} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
