import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { TemporaryAccessPassView } from '../../services/temporary-access-pass.ts';
import { table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

const UNITS: Record<string, number> = { m: 1, h: 60, d: 24 * 60 };

/** `90m`, `1h`, `7d`, or minutes alone, as minutes. */
export function parseLifetime(raw: string): number {
  const m = /^\s*(\d{1,6})\s*([mhd]?)\s*$/i.exec(raw);
  if (!m)
    throw new AppError('invalid_request', {
      detail: `--lifetime: give minutes, hours or days, e.g. 90m, 8h, 7d (not "${raw.slice(0, 40)}").`,
    });
  return Number(m[1]) * UNITS[(m[2] || 'm').toLowerCase()]!;
}

/** A date and time with its offset (ISO 8601), as ms. */
function parseStart(raw: string): string {
  const t = Date.parse(raw);
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw.trim()) ||
    Number.isNaN(t)
  )
    throw new AppError('invalid_request', {
      detail: `--start: give a date and time with its offset, e.g. 2026-12-07T08:00+01:00 (not "${raw.slice(0, 40)}").`,
    });
  return new Date(t).toISOString();
}

function wholeNumber(raw: string, name: string): number {
  if (!/^\d{1,3}$/.test(raw.trim()))
    throw new AppError('invalid_request', { detail: `${name} is a whole number.` });
  return Number(raw.trim());
}

const describe = (p: TemporaryAccessPassView) =>
  table(
    ['User', 'State', 'Starts', 'Expires', 'One-time', 'Used', 'Issued by'],
    [
      [
        p.userPrincipalName,
        p.state,
        p.startsAt,
        p.expiresAt,
        p.oneTime ? 'yes' : 'no',
        p.usedAt ?? '',
        p.createdBy,
      ],
    ],
  );

export function tapCommands(program: Command): void {
  const tap = program
    .command('tap')
    .description(
      'Temporary Access Passes: a time-limited pass with which a user signs in and registers methods, without any other method',
    );

  tap
    .command('create <upn>')
    .description(
      'Issue a pass for the user (replacing any earlier one); printed once. The methods policy must give the user passes (methods-policy set temporaryAccessPass --on).',
    )
    .option('--lifetime <time>', 'how long it lasts: 10m to 30d, e.g. 1h (default: the policy’s)')
    .option('--one-time', 'good for one sign-in only')
    .option('--length <n>', 'characters, 8 to 48 (default: the policy’s)')
    .option(
      '--start <time>',
      'when it starts to work, e.g. 2026-12-07T08:00+01:00 (up to 30 days ahead; default: now)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        upn: string,
        o: {
          lifetime?: string;
          oneTime?: boolean;
          length?: string;
          start?: string;
          json?: boolean;
        },
      ) => {
        const input = {
          ...(o.start !== undefined ? { startsAt: parseStart(o.start) } : {}),
          ...(o.lifetime !== undefined ? { lifetimeMinutes: parseLifetime(o.lifetime) } : {}),
          ...(o.oneTime ? { oneTime: true } : {}),
          ...(o.length !== undefined ? { length: wholeNumber(o.length, '--length') } : {}),
        };
        const p = await withAdmin((a) => a.issuePass(upn, input));
        print(!!o.json, p, () =>
          [
            p.temporaryAccessPass,
            `(Temporary Access Pass for ${p.userPrincipalName}: shown only now.${p.state === 'pending' ? ` It starts ${p.startsAt}.` : ''} It expires ${p.expiresAt}${p.oneTime ? ' and is good for one sign-in' : ''}.)`,
          ].join('\n'),
        );
      },
    );

  tap
    .command('show <upn>')
    .description("The user's pass (never the pass itself): state, expiry, whether it was used")
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { json?: boolean }) => {
      const p = await withAdmin((a) => a.pass(upn));
      print(!!o.json, p, () => (p ? describe(p) : `${upn} has no Temporary Access Pass.`));
    });

  tap
    .command('revoke <upn>')
    .description('Revoke the pass: it signs in no more')
    .action(async (upn: string) => {
      await withAdmin((a) => a.revokePass(upn));
      print(false, null, () => `The Temporary Access Pass of ${upn} is revoked.`);
    });
}
