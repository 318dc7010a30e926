// What a registry user gets: the package `npm pack` makes, installed with npm into
// an empty directory, runs `npx portcullis serve` and `npx portcullis user list`;
// and the systemd unit in deploy/ is one systemd accepts, pointing at that layout.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FormClient, textOf } from './helpers/browser.ts';
import { freshDatabase, type TestDatabase } from './helpers/db.ts';
import { requireTool, startServerProcess } from './helpers/server.ts';

const root = new URL('../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};
const UNIT = path.join(root, 'deploy/systemd/portcullis.service');
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

/**
 * Serves better-sqlite3's prebuilt binary for this Node (the one this checkout
 * built), at the path prebuild-install asks a binary host for.
 */
async function binaryMirror(): Promise<{ url: string; close(): void }> {
  const modules = path.join(root, 'node_modules/better-sqlite3');
  const { version: v } = JSON.parse(readFileSync(path.join(modules, 'package.json'), 'utf8'));
  const name = `better-sqlite3-v${v}-node-v${process.versions.modules}-linux-x64.tar.gz`;
  const tarball = execFileSync('tar', ['-cz', '-C', modules, 'build/Release/better_sqlite3.node'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const server = http.createServer((req, res) => {
    if (req.url === `/v${v}/${name}`) res.writeHead(200).end(tarball);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('the npm package, installed into an empty directory', () => {
  let work: string;
  let prefix: string;
  let db: TestDatabase;
  const npx = (args: string[]) =>
    spawnSync('npx', ['--no-install', 'portcullis', ...args], {
      cwd: prefix,
      env: { ...process.env, ...db.env },
      encoding: 'utf8',
    });

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'portcullis-package-'));
    prefix = path.join(work, 'opt');
    mkdirSync(prefix);
    writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
    db = await freshDatabase();
  });
  after(async () => {
    await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('npm pack holds the compiled code and its assets, not the sources or tests', () => {
    // dist/ is current (the test runner built it); scripts are skipped so that
    // packing does not rebuild it under the other tests' feet.
    const out = execFileSync(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
      { cwd: root, encoding: 'utf8' },
    );
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    for (const f of [
      'bin/portcullis.js',
      'dist/cli.js',
      'dist/cli.js.map',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/http/static/app.css',
      'dist/services/common-passwords.txt',
      'deploy/systemd/portcullis.service',
      'README.md',
    ])
      assert.ok(files.includes(f), `${f} is in the package`);
    assert.deepEqual(
      files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f === 'dist/meta.json'),
      [],
    );
    assert.equal(packed!.filename, `portcullis-${version}.tgz`);
  });

  it('npm install ./portcullis-*.tgz, then npx portcullis --version and user list', async () => {
    // better-sqlite3 fetches its compiled binary from GitHub, which this machine
    // cannot reach, and else compiles it (a minute and more). A local mirror of
    // the binary built here serves it instead, as an organisation's mirror would
    // (prebuild-install's npm_config_better_sqlite3_binary_host).
    const mirror = await binaryMirror();
    const install = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          path.join(work, `portcullis-${version}.tgz`),
        ],
        {
          cwd: prefix,
          env: { ...process.env, npm_config_better_sqlite3_binary_host: mirror.url },
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stderr }));
    });
    mirror.close();
    assert.equal(install.status, 0, install.stderr);
    assert.ok(!existsSync(path.join(prefix, 'node_modules/tsx')), 'no development dependency');
    const v = npx(['--version']);
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
    const add = spawnSync(
      'npx',
      ['--no-install', 'portcullis', 'user', 'add', 'ivy@contoso.com', '--password-stdin'],
      {
        cwd: prefix,
        env: { ...process.env, ...db.env },
        input: 'installed password 1',
        encoding: 'utf8',
      },
    );
    assert.equal(add.status, 0, add.stderr);
    const list = npx(['user', 'list']);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /ivy@contoso\.com/);
  });

  it('npx portcullis serve serves sign-in, pages and assets from the installation', async () => {
    const server = await startServerProcess(db.env, {
      cwd: prefix,
      command: ['npx', '--no-install', 'portcullis'],
    });
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      if (Number(process.versions.node.split('.')[0]) >= 22)
        assert.doesNotMatch(server.output(), /Unsupported runtime/i, 'a supported Node');
      const b = new FormClient((r) => fetch(r), server.url);
      const signin = await b.page('/');
      const css = /href="([^"]+\.css[^"]*)"/.exec(signin.html)?.[1];
      if (css) assert.equal((await fetch(new URL(css, server.url))).status, 200);
      const page = await b.submit('/signin', {
        username: 'ivy@contoso.com',
        password: 'installed password 1',
      });
      assert.match(textOf(page.html), /My account/);
    } finally {
      await server.stop();
    }
  });

  it('the systemd unit starts the installed command', () => {
    const unit = readFileSync(UNIT, 'utf8');
    const exec = /^ExecStart=(.+)$/m.exec(unit)?.[1];
    assert.ok(exec, 'ExecStart');
    const script = exec.split(' ').find((w) => w.endsWith('portcullis.js'))!;
    assert.ok(
      existsSync(script.replace('/opt/portcullis', prefix)),
      `${script} is where npm install --prefix /opt/portcullis puts the command`,
    );
  });
});

describe('deploy/systemd', { skip: requireTool(hasSystemdAnalyze, 'systemd-analyze') }, () => {
  it('systemd-analyze verify accepts the unit without a warning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-unit-'));
    try {
      const copy = path.join(dir, 'portcullis.service');
      writeFileSync(copy, readFileSync(UNIT));
      const r = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'no warning (a misspelt setting is one)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as its own user in a read-only system, state in its state directory', () => {
    const unit = readFileSync(UNIT, 'utf8');
    for (const line of [
      'User=portcullis',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      'StateDirectory=portcullis',
      'Environment=PORTCULLIS_DATA_DIR=/var/lib/portcullis',
      'EnvironmentFile=/etc/portcullis/portcullis.conf',
      'Restart=on-failure',
    ])
      assert.match(unit, new RegExp(`^${line.replace(/[.]/g, '\\.')}$`, 'm'), line);
  });

  it('systemd-sysusers makes the portcullis user from the sysusers file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-sysusers-'));
    try {
      mkdirSync(path.join(dir, 'etc'));
      const r = spawnSync(
        'systemd-sysusers',
        [`--root=${dir}`, path.join(root, 'deploy/systemd/portcullis.sysusers.conf')],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.match(
        readFileSync(path.join(dir, 'etc/passwd'), 'utf8'),
        /^portcullis:x:\d+:\d+:[^:]*:\/var\/lib\/portcullis:\/usr\/sbin\/nologin$/m,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
