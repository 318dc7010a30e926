import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.ts';
import { generatePassword } from '../crypto/random.ts';
import { isAppError } from '../errors.ts';
import { createUser } from './users.ts';

/**
 * On the very first start, when no administrator exists, creates one. Returns
 * the generated password (to be shown once) or null when none was generated.
 */
export async function ensureFirstAdmin(
  ctx: AppContext,
): Promise<{ upn: string; password: string | null } | null> {
  if ((await ctx.stores.users.countAdmins()) > 0) return null;
  const upn = ctx.config.adminUpn ?? 'admin@portcullis.local';
  const generated = ctx.config.adminPassword ? null : generatePassword(ctx.random);
  const created = await createUser(ctx, {
    upn,
    password: ctx.config.adminPassword ?? generated!,
    displayName: 'Administrator',
    isAdmin: true,
    // MFA is on for the first administrator: the first sign-in registers a method.
    mfaState: 'Enabled',
    // A generated password has been on a terminal or in a file: it is changed at once.
    mustChangePassword: generated !== null,
  }).catch((e: unknown) => {
    // Several nodes starting at once on one database: one of them wins.
    if (isAppError(e) && e.code === 'upn_taken') return null;
    throw e;
  });
  return created ? { upn, password: generated } : null;
}

/**
 * Where the first administrator's generated password goes when no one is at a
 * terminal to read it: a file only the service's own user can read, so it never
 * reaches a log collector (systemd's journal, a container's log).
 */
export async function writeInitialPassword(dataDir: string, password: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'initial-admin-password');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created: a file left from an earlier database is narrowed too.
  await chmod(file, 0o600);
  return file;
}
