// The Containerfile, built with podman and run: a non-root process with its data
// in a volume, healthy by its own HEALTHCHECK, the command line inside it, and a
// sign-in from outside. No registry is reachable here, so the base image is
// Debian made by debootstrap (.ci/podman-up); the image is built once per
// content of its inputs and reused by the suite's later runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FormClient, textOf } from './helpers/browser.ts';
import { freePort } from './helpers/oidc-rp.ts';
import { requireTool } from './helpers/server.ts';

const root = new URL('../', import.meta.url).pathname;
const BASE = 'localhost/debian:bookworm';
const podman = (args: string[], input?: string) =>
  spawnSync('podman', args, { encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
const hasPodman = podman(['--version']).status === 0;
const hasBase = hasPodman && podman(['image', 'exists', BASE]).status === 0;

/** The image's tag: a hash of everything the Containerfile copies. */
function imageTag(): string {
  const hash = createHash('sha256');
  const inputs = ['Containerfile', 'package.json', 'package-lock.json', 'tsconfig.json'];
  inputs.push('tsconfig.build.json', 'scripts/build.js', 'bin/portcullis.js');
  for (const dir of ['src'])
    for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).sort())
      if (f.includes('.')) inputs.push(path.join(dir, f));
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

describe('the container image (Containerfile, podman)', {
  skip:
    requireTool(hasPodman, 'podman') ||
    requireTool(hasBase, `the ${BASE} image (bash .ci/podman-up)`),
  timeout: 20 * 60_000,
}, () => {
  const image = imageTag();
  const name = `portcullis-test-${process.pid}`;
  const volume = `${name}-data`;
  let url = '';

  before(async () => {
    if (podman(['image', 'exists', image]).status !== 0) {
      const ca = extraCa();
      const build = podman([
        'build',
        '--format',
        'docker',
        '--build-arg',
        `BASE=${BASE}`,
        ...(ca
          ? [
              '-v',
              `${ca}:/etc/extra-ca.pem:ro`,
              '--build-arg',
              'EXTRA_CA=/etc/extra-ca.pem',
              '--build-arg',
              'NODE_EXTRA_CA_CERTS=/etc/extra-ca.pem',
            ]
          : []),
        '-t',
        image,
        root,
      ]);
      assert.equal(build.status, 0, build.stderr.slice(-4000));
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const run = podman([
      'run',
      '-d',
      '--init',
      '--name',
      name,
      '-p',
      `127.0.0.1:${port}:3000`,
      '-v',
      `${volume}:/var/lib/portcullis`,
      '-e',
      `PORTCULLIS_PUBLIC_URL=${url}`,
      image,
    ]);
    assert.equal(run.status, 0, run.stderr);
    // Podman runs health checks from systemd timers, which this machine lacks:
    // the test runs the image's own HEALTHCHECK command until it passes.
    for (let i = 0; ; i++) {
      if (podman(['healthcheck', 'run', name]).status === 0) break;
      if (i > 120) assert.fail(`never healthy:\n${podman(['logs', name]).stderr}`);
      await sleep(500);
    }
  });
  after(() => {
    podman(['rm', '-f', '-t', '5', name]);
    podman(['volume', 'rm', '-f', volume]);
  });

  it('runs as an unprivileged user, data in the volume, without build tools', () => {
    const uid = podman(['exec', name, 'id', '-u']);
    assert.equal(uid.status, 0, uid.stderr);
    assert.notEqual(uid.stdout.trim(), '0', 'not root');
    const data = podman(['exec', name, 'ls', '/var/lib/portcullis']);
    assert.match(data.stdout, /portcullis\.db/);
    assert.match(data.stdout, /secret\.key/);
    const tools = podman(['exec', name, 'sh', '-c', 'command -v g++ make python3 npm tsc || true']);
    assert.equal(tools.stdout.trim(), '', 'no compiler, npm or TypeScript in the image');
    const health = podman(['inspect', '--format', '{{json .Config.Healthcheck}}', image]);
    assert.match(health.stdout, /healthz/, 'the image declares its HEALTHCHECK');
  });

  it('the command line inside it adds a user, who signs in from outside', async () => {
    const add = podman(
      ['exec', '-i', name, 'portcullis', 'user', 'add', 'una@contoso.com', '--password-stdin'],
      'container password 1',
    );
    assert.equal(add.status, 0, add.stderr);
    const b = new FormClient((r) => fetch(r), url);
    await b.page('/');
    const page = await b.submit('/signin', {
      username: 'una@contoso.com',
      password: 'container password 1',
    });
    assert.match(textOf(page.html), /My account/);
  });

  it('stops on SIGTERM and keeps its data for the next container', async () => {
    const stop = podman(['stop', '-t', '10', name]);
    assert.equal(stop.status, 0, stop.stderr);
    const state = podman(['inspect', '--format', '{{.State.ExitCode}}', name]);
    assert.equal(state.stdout.trim(), '0', 'a clean exit, not a kill');
    const list = podman([
      'run',
      '--rm',
      '-v',
      `${volume}:/var/lib/portcullis`,
      image,
      'user',
      'list',
    ]);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /una@contoso\.com/);
  });
});
