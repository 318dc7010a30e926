import type { AppContext } from '../context.ts';
import type { SigninFlows } from '../flows/signin.ts';
import type { SessionRow } from '../storage/sessions.ts';

/** Hono's typed per-request variables. */
export interface HttpEnv {
  Variables: {
    ctx: AppContext;
    flows: SigninFlows;
    session: SessionRow | null;
    /** Set when the API request carried a valid admin token. */
    apiTokenId?: string;
  };
}
