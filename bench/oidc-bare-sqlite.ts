// The least a durable store adds to oidc-provider (bench/oidc-bare.ts,
// BARE_ADAPTER=sqlite): one SQLite table in WAL mode, prepared statements run
// synchronously, each write committed on its own, single use decided by one
// UPDATE. No cache, no group commit, no log: a yardstick, not a product.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { errors } from 'oidc-provider';

export function sqliteAdapter() {
  const dir = mkdtempSync(join(tmpdir(), 'bare-oidc-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table p (model text not null, id text not null, payload text not null,
    grant_id text, uid text, user_code text, expires_at integer, consumed_at integer,
    primary key (model, id));
    create index p_grant on p (grant_id); create index p_uid on p (uid);
    create index p_user_code on p (user_code); create index p_expires on p (expires_at)`);
  const upsert =
    db.prepare(`insert into p (model, id, payload, grant_id, uid, user_code, expires_at)
    values (?, ?, ?, ?, ?, ?, ?) on conflict (model, id) do update set payload = excluded.payload,
    grant_id = excluded.grant_id, uid = excluded.uid, user_code = excluded.user_code,
    expires_at = excluded.expires_at`);
  const live = (by: string) =>
    db.prepare(`select payload, consumed_at from p where model = ? and ${by} = ?
      and (expires_at is null or expires_at > ?)`);
  const [byId, byUid, byUserCode] = [live('id'), live('uid'), live('user_code')];
  const consume = db.prepare(
    'update p set consumed_at = ? where model = ? and id = ? and consumed_at is null',
  );
  const destroy = db.prepare('delete from p where model = ? and id = ?');
  const revoke = db.prepare('delete from p where grant_id = ?');
  type Row = { payload: string; consumed_at: number | null } | undefined;
  const toPayload = (r: Row) =>
    r
      ? ({
          ...(JSON.parse(r.payload) as AdapterPayload),
          ...(r.consumed_at !== null ? { consumed: Math.floor(r.consumed_at / 1000) } : {}),
        } as AdapterPayload)
      : undefined;
  return class SqliteAdapter implements Adapter {
    constructor(readonly name: string) {}
    async upsert(id: string, p: AdapterPayload, expiresIn: number) {
      upsert.run(
        this.name,
        id,
        JSON.stringify(p),
        p.grantId ?? null,
        p.uid ?? null,
        p.userCode ?? null,
        expiresIn ? Date.now() + expiresIn * 1000 : null,
      );
    }
    async find(id: string) {
      return toPayload(byId.get(this.name, id, Date.now()) as Row);
    }
    async findByUid(uid: string) {
      return toPayload(byUid.get(this.name, uid, Date.now()) as Row);
    }
    async findByUserCode(code: string) {
      return toPayload(byUserCode.get(this.name, code, Date.now()) as Row);
    }
    async consume(id: string) {
      if (consume.run(Date.now(), this.name, id).changes !== 1)
        throw new errors.InvalidGrant('grant already used');
    }
    async destroy(id: string) {
      destroy.run(this.name, id);
    }
    async revokeByGrantId(grantId: string) {
      revoke.run(grantId);
    }
  };
}
