// The periodic sync of running servers: two nodes on one database, both with
// the schedule on, sync users in; their runs never overlap (one lease), and a
// sync is not repeated before its interval.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { directoryOf } from '../../src/directory/index.ts';
import { startDirectorySchedule } from '../../src/directory/schedule.ts';
import { createLogger } from '../../src/log.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';

describe('periodic directory sync', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let db: TestDatabase;
  const nodes: AppContext[] = [];

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        ...Array.from({ length: 300 }, (_, i) =>
          person(SUFFIX, { uid: `p${i}`, password: 'a password 1', mail: `p${i}@contoso.com` }),
        ),
      ].join('\n'),
    });
    db = await freshDatabase({
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      // Every 1.2 seconds.
      PORTCULLIS_DIRECTORY_SYNC_MINUTES: '0.02',
    });
    for (let i = 0; i < 2; i++)
      nodes.push(createContext(db.config, { log: createLogger('silent') }));
    await migrate(nodes[0]!.db, nodes[0]!.dialect);
  });
  after(async () => {
    for (const n of nodes) await closeContext(n);
    await db.drop();
    await slapd?.close();
  });

  it('two nodes sync users in, one at a time, once per interval', async () => {
    const stops = nodes.map((n) => startDirectorySchedule(n, directoryOf(n)!));
    await sleep(3_000);
    await Promise.all(stops.map((stop) => stop()));
    const users = await nodes[0]!.db
      .selectFrom('users')
      .select('upn')
      .where('source', '=', 'directory')
      .execute();
    assert.equal(users.length, 300);
    const runs = await nodes[0]!.db
      .selectFrom('directory_sync_runs')
      .selectAll()
      .orderBy('started_at')
      .execute();
    assert.ok(runs.length >= 2 && runs.length <= 4, `${runs.length} runs in 3 seconds`);
    assert.deepEqual(
      runs.map((r) => [r.status, r.trigger, r.actor]),
      runs.map(() => ['succeeded', 'schedule', 'directory sync']),
    );
    assert.equal(runs[0]!.created, 300);
    for (let i = 1; i < runs.length; i++) {
      assert.ok(Number(runs[i]!.started_at) >= Number(runs[i - 1]!.finished_at), 'no overlap');
      assert.ok(
        Number(runs[i]!.started_at) - Number(runs[i - 1]!.started_at) >= 1_200,
        'not before the interval',
      );
    }
  });
});
