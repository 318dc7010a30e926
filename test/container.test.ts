// The Containerfile, built with podman and run: a non-root process with its data
// in a volume, healthy by its own HEALTHCHECK, the command line inside it, and a
// sign-in from outside. No registry is reachable here, so the base image is
// Debian made by debootstrap (.ci/podman-up); the image is built once per
// content of its inputs (test/helpers/container-image.ts; CI builds it first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FormClient, textOf } from './helpers/browser.ts';
import { BASE_IMAGE, ensureImage, podman } from './helpers/container-image.ts';
import { freePort } from './helpers/ports.ts';
import { requireTool } from './helpers/server.ts';

const podmanPresent = podman(['--version']).status === 0;
const hasBase = podmanPresent && podman(['image', 'exists', BASE_IMAGE]).status === 0;

describe('the container image (Containerfile, podman)', {
  skip:
    requireTool(podmanPresent, 'podman') ||
    requireTool(hasBase, `the ${BASE_IMAGE} image (bash .ci/podman-up)`),
  timeout: 20 * 60_000,
}, () => {
  let image = '';
  const name = `portcullis-test-${process.pid}`;
  const volume = `${name}-data`;
  let url = '';

  before(async () => {
    image = ensureImage();
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
    const health = podman(['image', 'inspect', '--format', '{{json .HealthCheck}}', image]);
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
