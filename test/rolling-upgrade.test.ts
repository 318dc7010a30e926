// A rolling upgrade, as the README's "Upgrading" section describes it: two nodes
// on one database, one still on the previous release (its real code, from this
// repository's history) while the other runs this one and has migrated the
// schema. Both serve sign-ins, sessions and users cross between them, and the
// old node is then replaced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FormClient, textOf } from './helpers/browser.ts';
import { runCli } from './helpers/cli.ts';
import { freshDatabase, onPostgres, type TestDatabase } from './helpers/db.ts';
import { oldRelease, PREVIOUS_RELEASE } from './helpers/old-release.ts';
import { type ServerProcess, startServerProcess } from './helpers/server.ts';

const PASSWORD = 'rolling password 1';

describe(`rolling upgrade from ${PREVIOUS_RELEASE.version}, two nodes on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let oldNode: ServerProcess;
  let newNode: ServerProcess | undefined;
  const old = oldRelease();
  const servers: ServerProcess[] = [];

  const signIn = async (node: ServerProcess, upn: string) => {
    const b = new FormClient((r) => fetch(r), node.url);
    await b.page('/');
    const page = await b.submit('/signin', { username: upn, password: PASSWORD });
    assert.match(textOf(page.html), /My account/, `${upn} signs in on ${node.url}`);
    return b;
  };
  const addUser = async (upn: string, bin?: string) => {
    const r = await runCli(
      ['user', 'add', upn, '--password-stdin'],
      db.env,
      PASSWORD,
      bin ? { bin } : {},
    );
    assert.equal(r.code, 0, r.stderr);
  };

  before(async () => {
    db = await freshDatabase();
    oldNode = await startServerProcess(db.env, { bin: old.bin });
    servers.push(oldNode);
    await addUser('carol@contoso.com', old.bin);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('a node of this release starts beside the old one and migrates the schema', async () => {
    const pending = await runCli(['migrate', '--check'], db.env);
    assert.equal(pending.code, 1);
    assert.match(pending.stdout, /0015_releases/);
    newNode = await startServerProcess(db.env);
    servers.push(newNode);
    const check = await runCli(['migrate', '--check'], db.env);
    assert.equal(check.code, 0, check.stdout);
  });

  it('both nodes serve sign-ins; a session and a user made on one work on the other', async () => {
    assert.ok(newNode);
    await signIn(oldNode, 'carol@contoso.com');
    const onNew = await signIn(newNode, 'carol@contoso.com');
    // The new node's session, presented to the old node.
    const carried = new FormClient((r) => fetch(r), oldNode.url);
    carried.cookies = new Map(onNew.cookies);
    const my = await carried.page('/');
    assert.match(textOf(my.html), /My account/, 'the old node honours a session of the new');
    await addUser('dan@contoso.com');
    await signIn(oldNode, 'dan@contoso.com');
  });

  it('the old node, once stopped, is replaced by this release', async () => {
    await oldNode.stop();
    // The previous release cannot start on the migrated schema (it refuses a
    // migration it does not know): the node is upgraded, not restarted as it was.
    await assert.rejects(startServerProcess(db.env, { bin: old.bin }), /server exited/);
    const replaced = await startServerProcess(db.env);
    servers.push(replaced);
    await signIn(replaced, 'carol@contoso.com');
    await signIn(replaced, 'dan@contoso.com');
  });
});
