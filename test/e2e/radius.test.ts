import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp, deleteApp, updateLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import {
  type LegacyMatrix,
  MATRIX_RADIUS_SECRETS,
  seedLegacyMatrix,
} from '../helpers/legacy-matrix.ts';
import { packetClient } from '../helpers/radius.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasRadclient =
  spawnSync('radclient', ['-v']).status !== null && spawnSync('which', ['radclient']).status === 0;
const SECRET = 'vpn-shared-secret-0123';

/** Sends one Access-Request with Debian's radclient; returns what it printed. */
function radclient(
  port: number,
  attrs: Record<string, string>,
  secret = SECRET,
  withAuthenticator = true,
): Promise<string> {
  const lines = Object.entries(attrs).map(([k, v]) => `${k} = "${v}"`);
  if (withAuthenticator) lines.push('Message-Authenticator = 0x00');
  return new Promise((resolve) => {
    const child = spawn(
      'radclient',
      ['-x', '-r', '1', '-t', '2', `127.0.0.1:${port}`, 'auth', secret],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('RADIUS front with radclient', { skip: requireTool(hasRadclient, 'radclient') }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let port: number;
  let vpn: string;
  let mail: string;
  let matrix: LegacyMatrix;
  let ctx: AppContext;
  const pw: Record<string, string> = {};

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    matrix = await seedLegacyMatrix(ctx, 'radius');
    vpn = (await createLegacyApp(ctx, { name: 'VPN', radiusSecret: SECRET })).id;
    mail = (await createLegacyApp(ctx, { name: 'Mail', radiusSecret: 'another-secret-4567' })).id;
    const enf = await createUser(ctx, {
      upn: 'vpn@contoso.com',
      password: 'vpn password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(ctx, enf.id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    pw.vpn = (await createAppPassword(ctx, enf.id, { name: 'VPN', scopes: [vpn] })).password;
    pw.mail = (await createAppPassword(ctx, enf.id, { name: 'Mail', scopes: [mail] })).password;
    await createUser(ctx, { upn: 'dis@contoso.com', password: 'dis password 1' });
    server = await startServerProcess(db.env);
    port = await server.frontPort('radius');
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('follows the MFA state × credential table (NAS-Identifier names the application)', async () => {
    for (const c of matrix.cases) {
      const out = await radclient(
        port,
        { 'User-Name': c.upn, 'User-Password': c.secret, 'NAS-Identifier': matrix.apps[c.app] },
        MATRIX_RADIUS_SECRETS[c.app],
      );
      assert.match(out, c.accept ? /Received Access-Accept/ : /Received Access-Reject/, c.title);
    }
    await matrix.assertLogged(ctx, 'radius');
  });

  it('accepts an app password scoped to the VPN (PAP, with Message-Authenticator)', async () => {
    const out = await radclient(port, {
      'User-Name': 'vpn@contoso.com',
      'User-Password': pw.vpn!,
      'NAS-Identifier': vpn,
    });
    assert.match(out, /Received Access-Accept/);
  });

  it('rejects the account password of an Enforced user, an app password for another application, and a wrong one', async () => {
    for (const secret of ['vpn password 1', pw.mail!, 'nope-nope-nope']) {
      const out = await radclient(port, {
        'User-Name': 'vpn@contoso.com',
        'User-Password': secret,
        'NAS-Identifier': vpn,
      });
      assert.match(out, /Received Access-Reject/, secret);
    }
  });

  it('accepts the account password of a Disabled user', async () => {
    const out = await radclient(port, {
      'User-Name': 'dis@contoso.com',
      'User-Password': 'dis password 1',
      'NAS-Identifier': vpn,
    });
    assert.match(out, /Received Access-Accept/);
  });

  it('drops requests from unknown clients, with a wrong secret, or without Message-Authenticator — and keeps serving', async () => {
    const attrs = {
      'User-Name': 'vpn@contoso.com',
      'User-Password': pw.vpn!,
      'NAS-Identifier': vpn,
    };
    assert.doesNotMatch(
      await radclient(port, { ...attrs, 'NAS-Identifier': 'app-unknown' }),
      /Received Access-/,
    );
    assert.doesNotMatch(await radclient(port, attrs, 'wrong-secret-999999'), /Received Access-/);
    assert.doesNotMatch(await radclient(port, attrs, SECRET, false), /Received Access-/);
    assert.match(await radclient(port, attrs), /Received Access-Accept/);
  });

  it('sees at the next request what another node changed, however warm its cache', async () => {
    // This process is "another node": the server's cache knows these applications well.
    const secret = 'gate-shared-secret-0123';
    const gate = (await createLegacyApp(ctx, { name: 'Gate', radiusSecret: secret })).id;
    const door = (await createLegacyApp(ctx, { name: 'Door', radiusSecret: secret })).id;
    const enf = await ctx.stores.users.findByUpn('vpn@contoso.com');
    const password = {
      gate: (await createAppPassword(ctx, enf!.id, { name: 'Gate', scopes: [gate] })).password,
      door: (await createAppPassword(ctx, enf!.id, { name: 'Door', scopes: [door] })).password,
    };
    const ask = (app: 'gate' | 'door') =>
      radclient(
        port,
        {
          'User-Name': 'vpn@contoso.com',
          'User-Password': password[app],
          'NAS-Identifier': app === 'gate' ? gate : door,
        },
        secret,
      );
    // Warm on every worker (they share the port).
    for (let i = 0; i < 6; i++) {
      assert.match(await ask('gate'), /Received Access-Accept/);
      assert.match(await ask('door'), /Received Access-Accept/);
    }
    // An application deleted: its requests are dropped as an unknown client's.
    await deleteApp(ctx, gate);
    for (let i = 0; i < 4; i++) assert.doesNotMatch(await ask('gate'), /Received Access-/);
    // An application moved to mfa mode: app passwords are refused there.
    await updateLegacyApp(ctx, door, { radiusMode: 'mfa' });
    for (let i = 0; i < 4; i++) assert.match(await ask('door'), /Received Access-Reject/);
  });

  it('drops a request whose Message-Authenticator or attribute length was changed', async () => {
    // The radius package compared the authenticator as UTF-8 (octets that are not
    // UTF-8 all read alike) and after encoding the attributes again (so a length
    // running past the packet passed): both were answered, here with a right password.
    const client = await packetClient(port, SECRET);
    try {
      // A new list each time: the radius package appends the Message-Authenticator to it.
      const attrs = (): [string, string][] => [
        ['User-Name', 'vpn@contoso.com'],
        ['User-Password', pw.vpn!],
        ['NAS-Identifier', vpn],
      ];
      /** The packet with one octet of its authenticator changed, reading the same as UTF-8. */
      const alike = (packet: Buffer) => {
        const at = packet.length - 16; // the Message-Authenticator is the last attribute
        const value = packet.subarray(at);
        for (let i = 0; i < 16; i++)
          for (let x = 0x80; x <= 0xff; x++) {
            const changed = Buffer.from(value);
            changed[i] = x;
            if (x !== value[i] && changed.toString() === value.toString())
              return Buffer.concat([packet.subarray(0, at), changed]);
          }
        return null;
      };
      let forged: Buffer | null = null;
      while (!forged) forged = alike(client.request(attrs()));
      const overlong = client.request(attrs());
      overlong[overlong.length - 17]! += 1; // its length: 19 octets, one more than there are
      for (const packet of [forged, overlong]) {
        client.send(packet);
        assert.equal(await client.next(1000), null);
      }
      client.send(client.request(attrs()));
      assert.equal((await client.next(5000))?.code, 'Access-Accept');
    } finally {
      await client.close();
    }
  });

  it('drops a request naming a client with control characters, logging no error', async () => {
    // PostgreSQL refuses a NUL in text: each such datagram was a logged error.
    const client = await packetClient(port, SECRET);
    try {
      for (const nas of ['\u0000', `${vpn}\u0000`, 'a\u0001b']) {
        client.send(
          client.request([
            ['User-Name', 'vpn@contoso.com'],
            ['User-Password', pw.vpn!],
            ['NAS-Identifier', nas],
          ]),
        );
        assert.equal(await client.next(1000), null);
      }
      assert.doesNotMatch(server.output(), /"level":50/);
    } finally {
      await client.close();
    }
  });
});
