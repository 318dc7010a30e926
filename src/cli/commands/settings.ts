import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { ServiceSettings } from '../../services/settings.ts';
import { table } from '../format.ts';
import { isRemote, print, withAdmin } from '../run.ts';

function requireKey(settings: ServiceSettings, key: string): keyof ServiceSettings {
  if (!Object.hasOwn(settings, key))
    throw new AppError('invalid_request', {
      detail: `Unknown setting "${key.slice(0, 60)}": use one of ${Object.keys(settings).join(', ')}.`,
    });
  return key as keyof ServiceSettings;
}

/** A command-line value read as the type the setting has now (the logo: an image file's path). */
async function parseValue(settings: ServiceSettings, key: string, raw: string): Promise<unknown> {
  const current = settings[requireKey(settings, key)];
  if (key === 'logo' && raw !== '') {
    const [{ readFile }, { logoDataUrl }] = await Promise.all([
      import('node:fs/promises'),
      import('../../services/branding.ts'),
    ]);
    let bytes: Buffer;
    try {
      bytes = await readFile(raw);
    } catch {
      throw new AppError('invalid_request', { detail: `Cannot read the logo file "${raw}".` });
    }
    const url = logoDataUrl(bytes);
    if (!url)
      throw new AppError('invalid_request', {
        detail: 'A logo is a PNG, JPEG, GIF or WebP image of at most 256 KiB.',
      });
    return url;
  }
  if (typeof current === 'string') return raw;
  if (typeof current === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (['true', 'on', 'yes', '1'].includes(v)) return true;
    if (['false', 'off', 'no', '0'].includes(v)) return false;
    throw new AppError('invalid_request', { detail: `${key} is on or off (true or false).` });
  }
  if (typeof current === 'number') {
    if (!/^-?\d+$/.test(raw.trim()))
      throw new AppError('invalid_request', { detail: `${key} is a whole number.` });
    return Number(raw);
  }
  // Lists: comma-separated; an empty value empties the list.
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * On the server (whose configuration is at hand), a word when phone methods
 * are allowed while texts and calls reach no phone; on standard error, so
 * `--json` output stays as it is.
 */
async function warnIfUndelivered(settings: ServiceSettings) {
  if (isRemote()) return;
  const [{ loadConfig }, { undeliveredMethods, undeliveredWarning }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../services/telephony-notice.ts'),
  ]);
  const ids = undeliveredMethods(loadConfig(), settings.allowedMethods);
  if (ids.length > 0) process.stderr.write(`portcullis: warning: ${undeliveredWarning(ids)}\n`);
}

const show = (v: unknown) =>
  Array.isArray(v)
    ? v.join(', ')
    : typeof v === 'string' && v.startsWith('data:')
      ? `(${v.slice(5, v.indexOf(';'))} image)`
      : String(v);

export function settingsCommands(program: Command): void {
  const settings = program.command('settings').description('Service settings (organisation-wide)');

  settings
    .command('get [key]')
    .description('Show the service settings, or one of them')
    .option('--json', 'print JSON')
    .action(async (key: string | undefined, o: { json?: boolean }) => {
      const all = await withAdmin((a) => a.settings());
      if (key) {
        const value = all[requireKey(all, key)];
        print(!!o.json, value, () => show(value));
        if (key === 'allowedMethods') await warnIfUndelivered(all);
        return;
      }
      print(!!o.json, all, () =>
        table(
          ['Setting', 'Value'],
          Object.entries(all).map(([k, v]) => [k, show(v)]),
        ),
      );
      await warnIfUndelivered(all);
    });

  settings
    .command('set <key> <value>')
    .description(
      'Change one setting, e.g. `settings set rememberDevicesDays 30` (which also turns rememberDevicesEnabled on), `settings set trustedIps 10.0.0.0/8,2001:db8::/32`, `settings set appPasswordsAllowed off`. Prints the setting, and any other the change turned with it.',
    )
    .option('--json', 'print JSON')
    .action(async (key: string, value: string, o: { json?: boolean }) => {
      const [before, updated] = await withAdmin(async (a) => {
        const current = await a.settings();
        return [
          current,
          await a.changeSettings({ [key]: await parseValue(current, key, value) }),
        ] as const;
      });
      // The setting named, then any other the change moved with it (the days
      // of remembered devices turn remembering on).
      const moved = (Object.keys(updated) as (keyof ServiceSettings)[]).filter(
        (k) => k !== key && JSON.stringify(before[k]) !== JSON.stringify(updated[k]),
      );
      print(!!o.json, updated, () =>
        [key as keyof ServiceSettings, ...moved]
          .map((k) => `${k} = ${show(updated[k])}`)
          .join('\n'),
      );
      if (key === 'allowedMethods') await warnIfUndelivered(updated);
    });
}
