import { type Command, Option } from 'commander';
import type { SigninView } from '../../flows/signin-log.ts';
import type { AuditView, Page } from '../../services/logs.ts';

type LogsModule = typeof import('../../services/logs.ts');
type Columns<V> = { header: string; value: (v: V) => unknown }[];

import { table } from '../format.ts';
import { withAdmin } from '../run.ts';

interface Common {
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
  csv?: boolean;
}

/** Newest first; --limit entries as a table or JSON, or every match as CSV. */
async function output<V>(
  o: Common,
  list: (cursor: string | undefined, limit: number) => Promise<Page<V>>,
  pick: (logs: LogsModule) => Columns<V>,
): Promise<void> {
  const logs = await import('../../services/logs.ts');
  const columns = pick(logs);
  if (o.csv) {
    process.stdout.write(await logs.exportCsv((cursor) => list(cursor, 1000), columns));
    return;
  }
  const limit = Math.max(1, Math.min(Number.parseInt(o.limit, 10) || 50, 1000));
  const page = await list(undefined, limit);
  if (o.json) return console.log(JSON.stringify(page.items, null, 2));
  console.log(
    table(
      columns.map((c) => c.header),
      page.items.map((v) =>
        columns.map((c) => {
          const x = c.value(v);
          return x == null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);
        }),
      ),
    ),
  );
}

const common = (cmd: Command) =>
  cmd
    .option('--since <time>', 'from this time (ISO 8601, e.g. 2026-11-01 or 2026-11-28T09:00:00Z)')
    .option('--until <time>', 'up to this time')
    .option('--limit <n>', 'how many, newest first (tables and JSON)', '50')
    .option('--json', 'print JSON')
    .option('--csv', 'print every matching entry as CSV');

export function logCommands(program: Command): void {
  const logs = program.command('logs').description('Sign-in and audit logs');

  common(
    logs
      .command('signins')
      .description('Sign-in attempts (browser and legacy fronts)')
      .option('--user <upn>', 'only this user')
      .addOption(
        new Option('--result <result>', 'only this result').choices([
          'success',
          'failure',
          'interrupted',
        ]),
      )
      .option('--method <type>', 'only this method (e.g. PhoneAppOTP, password, app password)')
      .option('--application <id>', 'only this application'),
  ).action(
    async (
      o: Common & {
        user?: string;
        result?: SigninView['result'];
        method?: string;
        application?: string;
      },
    ) =>
      withAdmin((a) =>
        output(
          o,
          (cursor, limit) =>
            a.signins({
              ...(o.user ? { user: o.user } : {}),
              ...(o.result ? { result: o.result } : {}),
              ...(o.method ? { method: o.method } : {}),
              ...(o.application ? { application: o.application } : {}),
              ...(o.since ? { since: o.since } : {}),
              ...(o.until ? { until: o.until } : {}),
              ...(cursor ? { cursor } : {}),
              limit,
            }),
          (logs) => logs.signinCsvColumns,
        ),
      ),
  );

  common(
    logs
      .command('audit')
      .description('Audit events: who did what, when, from where')
      .option('--user <upn>', 'only actions on this user')
      .option('--actor <name>', 'only actions by this admin (UPN, "token NAME" or cli)')
      .option('--action <action>', 'only this action (e.g. mfa_state_set)'),
  ).action(async (o: Common & { user?: string; actor?: string; action?: string }) =>
    withAdmin((a) =>
      output<AuditView>(
        o,
        (cursor, limit) =>
          a.audit({
            ...(o.user ? { user: o.user } : {}),
            ...(o.actor ? { actor: o.actor } : {}),
            ...(o.action ? { action: o.action } : {}),
            ...(o.since ? { since: o.since } : {}),
            ...(o.until ? { until: o.until } : {}),
            ...(cursor ? { cursor } : {}),
            limit,
          }),
        (logs) => logs.auditCsvColumns,
      ),
    ),
  );
}
