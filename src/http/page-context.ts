// What every page shows besides its own content — the organisation's brand and
// help, and a word when a form sent from an out-of-date page was not acted on
// — read by the layouts from the request being answered (Hono's context
// storage), so no page has to pass them along.
import { getContext } from 'hono/context-storage';
import { type Brand, PRODUCT_NAME } from '../services/branding.ts';
import type { HttpEnv } from './env.ts';

const PLAIN: Brand = {
  name: PRODUCT_NAME,
  custom: false,
  helpText: '',
  helpUrl: '',
  logoPath: null,
};

export interface PageExtras {
  brand: Brand;
  /** A form from an out-of-date page was sent; nothing was done, this is the current page. */
  staleForm: boolean;
}

export function pageExtras(): PageExtras {
  try {
    const c = getContext<HttpEnv>();
    return { brand: c.var.brand ?? PLAIN, staleForm: c.var.staleForm === true };
  } catch {
    return { brand: PLAIN, staleForm: false }; // rendered outside a request (tests)
  }
}
