import type { Command } from 'commander';
import { table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

export function mailboxCommands(program: Command): void {
  program
    .command('mailbox')
    .description(
      'The latest email: to whom, what, and whether it was sent. With PORTCULLIS_MAIL=outbox (the default) mail is kept here and sent nowhere: --text shows it (invitation links too).',
    )
    .option('--to <address>', 'only mail to this address')
    .option('--limit <n>', 'how many, newest first', '20')
    .option('--text', 'show the text of each message kept (needs the personal-data right remotely)')
    .option('--json', 'print JSON')
    .action(async (o: { to?: string; limit: string; text?: boolean; json?: boolean }) => {
      const mail = await withAdmin(
        (a) => a.mailbox({ limit: Number(o.limit) || 20, ...(o.to ? { to: o.to } : {}) }),
        { personalData: !!o.text || !!o.json },
      );
      print(!!o.json, mail, () => {
        if (mail.length === 0) return 'No mail.';
        if (!o.text)
          return table(
            ['Created', 'To', 'Subject', 'Status'],
            mail.map((m) => [
              m.createdAt,
              m.to,
              m.subject,
              m.error ? `${m.status} (${m.error})` : m.status,
            ]),
          );
        return mail
          .map(
            (m) =>
              `${m.createdAt}  ${m.status}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.text ?? '(the text is no longer kept)'}`,
          )
          .join(`\n${'-'.repeat(60)}\n`);
      });
    });
}
