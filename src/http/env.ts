import type { AppContext } from '../context.ts';
import type { SigninFlows } from '../flows/signin.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { SessionRow } from '../storage/sessions.ts';

/** Hono's typed per-request variables. */
export interface HttpEnv {
  Variables: {
    ctx: AppContext;
    flows: SigninFlows;
    session: SessionRow | null;
    /** The page language: the user's preferred language when known, else Accept-Language. */
    locale: Locale;
    t: Translate;
    /** Set when the API request carried a valid admin token. */
    apiTokenId?: string;
    /** Extra rights of that token (e.g. personal-data). */
    apiRights?: readonly string[];
  };
}
