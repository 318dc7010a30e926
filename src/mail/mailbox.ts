// The mailbox as administrators read it (`portcullis mailbox`, GET /api/v1/mail):
// what was sent to whom and whether it went. The text (an invitation's link)
// is shown only to a viewer with the personal-data right, and only while kept.
import type { AppContext } from '../context.ts';
import type { Viewer } from '../services/users.ts';
import { type MailRow, mailStore, mailText } from './queue.ts';

export interface MailView {
  id: string;
  kind: string;
  to: string;
  subject: string;
  /** outbox, queued, sending, sent, failed. */
  status: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The text, to a viewer who may see personal data, while it is kept. */
  text?: string;
}

const toView = (ctx: AppContext, m: MailRow, viewer: Viewer): MailView => {
  const text = viewer.personalData ? mailText(ctx, m) : null;
  return {
    id: m.id,
    kind: m.kind,
    to: m.to_address,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    error: m.error,
    createdAt: new Date(m.created_at).toISOString(),
    sentAt: m.sent_at === null ? null : new Date(m.sent_at).toISOString(),
    ...(text !== null ? { text } : {}),
  };
};

export async function listMailbox(
  ctx: AppContext,
  viewer: Viewer,
  q: { to?: string; limit?: number } = {},
): Promise<MailView[]> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 1000);
  const rows = await mailStore(ctx.db).list({ limit, ...(q.to ? { to: q.to.trim() } : {}) });
  return rows.map((m) => toView(ctx, m, viewer));
}
