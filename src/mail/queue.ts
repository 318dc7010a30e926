// The mail queue (kratos's courier): a message is a row written in the same
// transaction as the change it tells of, so none is lost and none is sent for
// a change that did not happen. The built-in outbox keeps it; with an SMTP
// server, src/mail/sender.ts sends it and forgets the text.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { MailTable } from '../db/schema.ts';

export type MailRow = MailTable;

export interface OutgoingMail {
  kind: string;
  to: string;
  userId: string | null;
  locale: string;
  subject: string;
  text: string;
}

/** Binds a sealed text to its row. */
const aad = (id: string) => `mail:${id}`;

/** Queues a message inside `db` (the caller's transaction, when it has one); returns its id. */
export async function enqueueMail(ctx: AppContext, db: Db, m: OutgoingMail): Promise<string> {
  return (await enqueueMails(ctx, db, [m]))[0]!;
}

/** Queues messages in batches (an import invites thousands at once); returns their ids. */
export async function enqueueMails(
  ctx: AppContext,
  db: Db,
  list: readonly OutgoingMail[],
): Promise<string[]> {
  const now = ctx.clock.now();
  const status = ctx.config.mail === 'outbox' ? 'outbox' : 'queued';
  const rows = list.map((m) => {
    const id = crypto.randomUUID();
    return {
      id,
      kind: m.kind,
      to_address: m.to,
      user_id: m.userId,
      locale: m.locale,
      subject: m.subject,
      body_sealed: ctx.box.seal(m.text, aad(id)),
      status,
      attempts: 0,
      next_attempt_at: now,
      error: null,
      created_at: now,
      sent_at: null,
    } as const;
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('mail')
      .values(rows.slice(i, i + 500))
      .execute();
  if (rows.length > 0) kick(ctx);
  return rows.map((r) => r.id);
}

/** The text of a message (null once sent to an SMTP server, or under another key). */
export function mailText(ctx: AppContext, m: Pick<MailRow, 'id' | 'body_sealed'>): string | null {
  if (!m.body_sealed) return null;
  try {
    return ctx.box.open(m.body_sealed, aad(m.id));
  } catch {
    return null;
  }
}

const kicks = new WeakMap<AppContext, () => void>();

/** The sender of this process, woken when a message is queued (sender.ts registers it). */
export const onQueued = (ctx: AppContext, wake: () => void) => kicks.set(ctx, wake);
const kick = (ctx: AppContext) => kicks.get(ctx)?.();

export const mailStore = (db: Db) => ({
  /**
   * Claims up to `limit` messages due now, atomically: each is "sending" with a
   * lease until `leaseUntil` (a node that dies mid-send leaves it to be taken
   * again). Two nodes never claim the same message: the UPDATE re-checks the
   * status and time of each row it takes.
   */
  async claim(now: number, leaseUntil: number, limit: number): Promise<MailRow[]> {
    const due = await db
      .selectFrom('mail')
      .select('id')
      .where('status', 'in', ['queued', 'sending'])
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    if (due.length === 0) return [];
    return db
      .updateTable('mail')
      .set({ status: 'sending', next_attempt_at: leaseUntil })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .where('status', 'in', ['queued', 'sending'])
      .where('next_attempt_at', '<=', now)
      .returningAll()
      .execute();
  },

  async sent(id: string, at: number): Promise<void> {
    await db
      .updateTable('mail')
      .set({ status: 'sent', sent_at: at, body_sealed: null, error: null })
      .where('id', '=', id)
      .execute();
  },

  /** A failed attempt: tried again later, or given up (the text forgotten) after the last. */
  async failed(id: string, attempts: number, error: string, retryAt: number | null): Promise<void> {
    await db
      .updateTable('mail')
      .set(
        retryAt === null
          ? { status: 'failed', attempts, error, body_sealed: null }
          : { status: 'queued', attempts, error, next_attempt_at: retryAt },
      )
      .where('id', '=', id)
      .execute();
  },

  list(q: { to?: string; limit: number }): Promise<MailRow[]> {
    let s = db
      .selectFrom('mail')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(q.limit);
    if (q.to) s = s.where('to_address', '=', q.to);
    return s.execute();
  },
});
