import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { MethodsPolicy } from '../../policy/methods-policy.ts';
import type { Admin } from '../admin.ts';
import { table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

/** Group ids as names (an id no group has any more: shown as it is). */
async function groupNames(a: Admin, policy: MethodsPolicy): Promise<Map<string, string>> {
  const ids = new Set(
    Object.values(policy).flatMap((p) => [...(p.include === 'all' ? [] : p.include), ...p.exclude]),
  );
  const names = new Map<string, string>();
  for (const id of ids)
    names.set(
      id,
      await a.group(id).then(
        (g) => g.displayName,
        () => id,
      ),
    );
  return names;
}

/** What is not whom a method is for: its own options, as `key=value`. */
function optionsOf(entry: Record<string, unknown>): string {
  return Object.entries(entry)
    .filter(([k]) => !['enabled', 'include', 'exclude'].includes(k))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' ');
}

async function show(a: Admin, policy: MethodsPolicy): Promise<string> {
  const names = await groupNames(a, policy);
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  return table(
    ['Method', 'State', 'For', 'Excluded', 'Options'],
    Object.entries(policy).map(([m, p]) => [
      m,
      p.enabled ? 'Enabled' : 'Disabled',
      p.include === 'all' ? 'All users' : list(p.include),
      list(p.exclude),
      optionsOf(p),
    ]),
  );
}

const groupList = (raw: string) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `key=value` read as the option's type: on/off, a whole number, or a comma-separated list. */
function parseOption(raw: string, entry: Record<string, unknown>): [string, unknown] {
  const at = raw.indexOf('=');
  const key = at > 0 ? raw.slice(0, at).trim() : '';
  if (!key || ['enabled', 'include', 'exclude'].includes(key) || !Object.hasOwn(entry, key))
    throw new AppError('invalid_request', {
      detail: `Unknown option "${raw.slice(0, 40)}": this method has ${optionsOf(entry) || 'no options'}.`,
    });
  const value = raw.slice(at + 1).trim();
  const current = entry[key];
  if (typeof current === 'boolean') {
    if (['true', 'on', 'yes', '1'].includes(value.toLowerCase())) return [key, true];
    if (['false', 'off', 'no', '0'].includes(value.toLowerCase())) return [key, false];
    throw new AppError('invalid_request', { detail: `${key} is on or off.` });
  }
  if (typeof current === 'number') {
    if (!/^\d{1,9}$/.test(value))
      throw new AppError('invalid_request', { detail: `${key} is a whole number.` });
    return [key, Number(value)];
  }
  return [key, Array.isArray(current) ? groupList(value) : value];
}

export function methodsPolicyCommands(program: Command): void {
  const policy = program
    .command('methods-policy')
    .description(
      'The authentication methods policy: which methods are for whom (all users or groups), with their options',
    );

  policy
    .command('show')
    .description('Show each method: on or off, for whom, who is excluded, its options')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withAdmin(async (a) => {
        const p = await a.methodsPolicy();
        const text = o.json ? '' : await show(a, p);
        print(!!o.json, p, () => text);
      });
    });

  policy
    .command('set <method>')
    .description(
      'Change one method (authenticator, totp, sms, voice, passkey, recoveryCodes, temporaryAccessPass) or the registrationCampaign, e.g. `methods-policy set passkey --on --for Engineering,Sales --exclude Contractors`, `methods-policy set sms --option useForSignIn=off`, `methods-policy set voice --option phones=mobile,office`. Prints the policy.',
    )
    .option('--on', 'turn the method on')
    .option('--off', 'turn the method off')
    .option('--for <groups>', '"all", or groups by name or id, comma-separated')
    .option('--exclude <groups>', 'groups never given the method ("" for none)')
    .option(
      '--option <key=value>',
      "one of the method's options (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--json', 'print JSON')
    .action(
      async (
        method: string,
        o: {
          on?: boolean;
          off?: boolean;
          for?: string;
          exclude?: string;
          option: string[];
          json?: boolean;
        },
      ) => {
        if (o.on && o.off)
          throw new AppError('invalid_request', { detail: 'Give --on or --off, not both.' });
        await withAdmin(async (a) => {
          const current = (await a.methodsPolicy()) as Record<string, Record<string, unknown>>;
          const entry = current[method] ?? {};
          const patch: Record<string, unknown> = Object.fromEntries(
            o.option.map((raw) => parseOption(raw, entry)),
          );
          if (o.on || o.off) patch.enabled = !!o.on;
          if (o.for !== undefined)
            patch.include = o.for.trim().toLowerCase() === 'all' ? 'all' : groupList(o.for);
          if (o.exclude !== undefined) patch.exclude = groupList(o.exclude);
          if (Object.keys(patch).length === 0)
            throw new AppError('invalid_request', {
              detail: 'Say what to change: --on, --off, --for, --exclude or --option.',
            });
          const next = await a.changeMethodPolicy(method, patch);
          const text = o.json ? '' : await show(a, next);
          print(!!o.json, next, () => text);
        });
      },
    );
}
