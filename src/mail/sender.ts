// Sends queued mail to the SMTP server: woken when this process queues a
// message, and every few seconds for what other processes (a second node, the
// command line) queued. Failed attempts are retried with a growing wait, five
// times in all (about an hour), then given up and logged.
import type { Transporter } from 'nodemailer';
import type { AppContext } from '../context.ts';
import { mailStore, mailText, onQueued } from './queue.ts';
import { mailFrom, smtpTransport } from './smtp.ts';

const POLL_MS = 2000;
const LEASE_MS = 5 * 60_000;
const ATTEMPTS = 5;
const BATCH = 20;

/** Starts the sender (SMTP only); returns a function that stops it after the batch in hand. */
export function startMailSender(ctx: AppContext): () => Promise<void> {
  if (ctx.config.mail === 'outbox') return async () => {};
  let transport: Promise<Transporter> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const store = mailStore(ctx.db);

  const sendDue = async () => {
    transport ??= smtpTransport(ctx.config);
    const smtp = await transport;
    for (;;) {
      const now = ctx.clock.now();
      const batch = await store.claim(now, now + LEASE_MS, BATCH);
      if (batch.length === 0) return;
      for (const m of batch) {
        const text = mailText(ctx, m);
        if (text === null) {
          await store.failed(m.id, m.attempts + 1, 'the text cannot be read (another key?)', null);
          continue;
        }
        try {
          await smtp.sendMail({
            from: mailFrom(ctx.config),
            to: m.to_address,
            subject: m.subject,
            text,
          });
          await store.sent(m.id, ctx.clock.now());
          ctx.log.info({ mail: m.id, kind: m.kind }, 'mail sent');
        } catch (e) {
          const attempts = m.attempts + 1;
          const error = (e as Error).message.slice(0, 500);
          const retryAt = attempts < ATTEMPTS ? ctx.clock.now() + 30_000 * 2 ** attempts : null;
          await store.failed(m.id, attempts, error, retryAt);
          // The address is personal data and the text may hold a link: neither is logged.
          ctx.log.warn(
            { mail: m.id, kind: m.kind, attempts, err: error },
            retryAt ? 'mail not sent yet' : 'mail given up',
          );
        }
      }
    }
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDue()
      .catch((e: unknown) => ctx.log.warn({ err: (e as Error).message }, 'mail sender failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  // A message queued in a transaction is seen once it commits: wake a moment later.
  onQueued(ctx, () => setTimeout(wake, 50).unref());
  const timer = setInterval(wake, POLL_MS);
  timer.unref();
  wake();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    (await transport)?.close();
  };
}
