// Malformed BER at the LDAP front (fast-check): truncated messages, lengths
// longer than what follows or than any message may be, indefinite lengths,
// deep nesting, valid messages with bytes changed, random bytes. The server
// process answers or closes each connection, never crashes, keeps its memory
// bounded, and a good client on another connection keeps working throughout.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Client } from 'ldapts';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { berArb } from '../helpers/hostile.ts';
import * as wire from '../helpers/ldap-wire.ts';
import { rss, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const BASE = 'dc=portcullis';
const DAN = `uid=dan@contoso.com,ou=people,${BASE}`;
const DAN_PASSWORD = 'dan password 1';

/** Sends the bytes, half-closes, and waits until the server has closed (or 5 s pass). */
function throwAt(port: number, bytes: Buffer): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.end(bytes));
    sock.on('error', () => {});
    sock.on('close', () => resolve('closed'));
    sock.resume();
    sock.setTimeout(5000, () => {
      resolve('open');
      sock.destroy();
    });
  });
}

// --- what is thrown (test/helpers/hostile.ts) ---

const valid = [
  wire.bind(1, DAN, DAN_PASSWORD),
  wire.whoami(2),
  wire.search(
    3,
    DAN,
    2,
    wire.tlv(
      0xa0,
      wire.tlv(0xa3, wire.tlv(0x04, Buffer.from('uid')), wire.tlv(0x04, Buffer.from('x'))),
    ),
  ),
  wire.abandon(4, 3),
  wire.unbind(5),
];
const hostile = berArb(valid, wire.bind(1, DAN, 'wrong'));

describe('LDAP front under malformed BER (fuzz)', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let port: number;

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
      PORTCULLIS_LOG_LEVEL: 'error',
    });
    const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'dan@contoso.com', password: DAN_PASSWORD });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    port = await server.frontPort('ldap');
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers or closes every connection, never crashes, keeps memory bounded; a good client works throughout', async () => {
    const good = new Client({ url: `ldap://127.0.0.1:${port}`, timeout: 5000 });
    await good.bind(DAN, DAN_PASSWORD);
    let goodAnswers = 0;
    let stop = false;
    const goodLoop = (async () => {
      while (!stop) {
        const who = await good.exop('1.3.6.1.4.1.4203.1.11.3');
        assert.equal(who.value, `dn:${DAN}`);
        goodAnswers++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const before = rss(server.child.pid!);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 8 }), async (batch) => {
          const outcomes = await Promise.all(batch.map((b) => throwAt(port, b)));
          assert.deepEqual(
            outcomes,
            outcomes.map(() => 'closed'),
          );
          assert.equal(server.child.exitCode, null, 'the server is running');
        }),
        { numRuns: 150 },
      );
      // 200 connections each holding a claimed 250 KiB message that never arrives whole.
      const held = await Promise.all(
        Array.from({ length: 200 }, () =>
          wire.rawConnection(port).then((c) => {
            c.write(
              Buffer.concat([
                Buffer.from([0x30, 0x83, 0x03, 0xe8, 0x00]),
                Buffer.alloc(200_000, 0x04),
              ]),
            );
            return c;
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 500));
      const grown = rss(server.child.pid!) - before;
      for (const c of held) c.close();
      assert.ok(grown < 150 * 1024 * 1024, `memory grew by ${Math.round(grown / 1048576)} MiB`);
    } finally {
      stop = true;
      await goodLoop;
      await good.unbind();
    }
    assert.ok(goodAnswers > 10, `the good client was answered ${goodAnswers} times`);
    assert.equal(server.child.exitCode, null);
    assert.doesNotMatch(server.output(), /unhandled|uncaught|FATAL|heap out of memory/i);
  });
});
