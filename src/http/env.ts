import type { AppContext } from '../context.ts';
import type { SigninFlows } from '../flows/signin.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Actor } from '../services/audit.ts';
import type { Brand } from '../services/branding.ts';
import type { SessionRow } from '../storage/sessions.ts';
import type { UserRow } from '../storage/users.ts';

/** Hono's typed per-request variables. */
export interface HttpEnv {
  Variables: {
    ctx: AppContext;
    flows: SigninFlows;
    session: SessionRow | null;
    /** The page language: the user's preferred language when known, else Accept-Language. */
    locale: Locale;
    t: Translate;
    /** Who is acting on the admin API or portal (for the audit log and what they may see). */
    actor?: Actor;
    /** The signed-in administrator on portal pages. */
    adminUser?: UserRow;
    /** The organisation's name, logo and help (pages only). */
    brand?: Brand;
    /** A form from an out-of-date page was sent and not acted on (pages only). */
    staleForm?: boolean;
  };
}
