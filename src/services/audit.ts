import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { Viewer } from './users.ts';

/**
 * Who is acting, for the audit log (who, what, when, from where) and for what
 * they may see. Every admin service takes one: the portal passes the signed-in
 * admin, the API its token, the command line "cli".
 */
export interface Actor extends Viewer {
  /** An admin's UPN, `token <name>`, or `cli` (the command line on the server). */
  name: string;
  /** The address the action came from; null on the server's own command line. */
  ip: string | null;
}

export const cliActor = (personalData = false): Actor => ({ name: 'cli', ip: null, personalData });

export interface AuditEntry {
  action: string;
  /** The user acted on, if any. */
  target?: { id: string; upn: string } | null;
  detail?: Record<string, unknown>;
}

/**
 * What changed between two versions of a record, as an audit entry's detail:
 * each of `keys` whose value differs, with its value before and after; null
 * when nothing did (there is nothing to audit).
 */
export function changesBetween<T extends object>(
  before: T,
  after: T,
  keys: (keyof T)[],
): Record<string, { from: unknown; to: unknown }> | null {
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }]));
}

/** Records audit entries inside the caller's transaction (`db` may be one). */
export async function audit(
  ctx: AppContext,
  db: Db,
  actor: Pick<Actor, 'name' | 'ip'>,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  const at = ctx.clock.now();
  // Chunked: a 10,000-row bulk update is a few statements, not 10,000.
  for (let i = 0; i < list.length; i += 500) {
    await db
      .insertInto('audit_log')
      .values(
        list.slice(i, i + 500).map((e) => ({
          id: crypto.randomUUID(),
          at,
          actor: actor.name.slice(0, 300),
          action: e.action,
          target_user_id: e.target?.id ?? null,
          target: e.target?.upn ?? null,
          detail: JSON.stringify(e.detail ?? {}),
          ip: actor.ip,
        })),
      )
      .execute();
  }
}
