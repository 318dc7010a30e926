// The command line loads what a command uses and no more: `--help` loads none of
// the server, and a local command none of the sign-in machinery (pages, OpenID
// Connect, WebAuthn, phone numbers). What loads is read off the real process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { freshDatabase, type TestDatabase } from './helpers/db.ts';
import { loadedModules } from './helpers/loaded-modules.ts';

const signinMachinery = [
  'oidc-provider',
  'hono',
  '@hono/node-server',
  '@simplewebauthn/server',
  'libphonenumber-js',
  'qrcode',
  'web-push',
  'asn1js',
  'radius',
  'jose',
  'otpauth',
  'intl-messageformat',
];

describe('command line start-up', () => {
  let db: TestDatabase;

  before(async () => {
    db = await freshDatabase();
  });
  after(() => db.drop());

  it('--help loads commander and the command definitions, nothing of the server', async () => {
    const r = await loadedModules(['--help'], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Usage: portcullis/);
    assert.deepEqual([...r.packages], ['commander']);
    assert.ok(r.own.includes('src/cli/main.ts'), 'the built command line ran');
    const server = r.own.filter((m) =>
      /^src\/(server|context|http|oidc|fronts|flows|methods|db|storage|delivery)\b/.test(m),
    );
    assert.deepEqual(server, [], 'no module of the server, the database or the methods');
    // One module per command group is expected (they are the definitions); beyond them, a handful.
    const others = r.own.filter((m) => !m.startsWith('src/cli/commands/'));
    assert.ok(
      others.length < 20,
      `a handful of modules, not ${others.length}: ${others.join(' ')}`,
    );
  });

  it('a local `user list` loads the database and services, not the sign-in machinery', async () => {
    const add = await runCli(
      ['user', 'add', 'ada@contoso.com', '--password-stdin'],
      db.env,
      'a good password',
    );
    assert.equal(add.code, 0, add.stderr);
    const r = await loadedModules(['user', 'list'], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ada@contoso\.com/);
    assert.ok(r.packages.has('kysely'), 'the database was opened');
    const loaded = signinMachinery.filter((p) => r.packages.has(p));
    assert.deepEqual(loaded, []);
    const own = r.own.filter((m) =>
      /^src\/(server|http|oidc|fronts|flows\/signin\.|methods\/(?!catalogue))/.test(m),
    );
    assert.deepEqual(own, []);
  });

  it('stack traces from the built code name TypeScript files and lines (source maps)', () => {
    // The chunk that holds src/assets.ts, per the build's metafile; an asset that
    // is not there throws from inside it.
    const root = new URL('../', import.meta.url);
    const meta = JSON.parse(readFileSync(new URL('dist/meta.json', root), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown>; exports: string[] }>;
    };
    const [chunk, out] = Object.entries(meta.outputs).find(([, o]) => o.inputs['src/assets.ts'])!;
    assert.ok(out.exports.includes('readAsset'));
    const script = `process.setSourceMapsEnabled(true);
      const { readAsset } = await import(${JSON.stringify(new URL(chunk, root).href)});
      try { readAsset('no-such-file.txt'); } catch (e) { console.log(e.stack); }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ENOENT/);
    assert.match(r.stdout, /src\/assets\.ts:\d+:\d+/, r.stdout);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    );
    const r = await runCli(['--version'], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
  });
});
