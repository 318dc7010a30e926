import type { AppContext } from '../context.ts';
import { methods } from '../methods/index.ts';

/** Organisation-wide service settings (the admin portal edits them in a later issue). */
export interface ServiceSettings {
  /** MethodTypes users may register and use ("verification options"). */
  allowedMethods: string[];
  /** Fraud alert: block a user's sign-in when they report a call or text they did not ask for. */
  blockOnFraud: boolean;
  /** "Allow users to create app passwords": when off, none can be created and none is accepted. */
  appPasswordsAllowed: boolean;
}

const defaults = (): ServiceSettings => ({
  allowedMethods: methods.map((m) => m.id),
  blockOnFraud: true,
  appPasswordsAllowed: true,
});

/** The settings; other processes' changes are seen within a second (ctx.cache). */
export function getServiceSettings(ctx: AppContext): Promise<ServiceSettings> {
  return ctx.cache.get('settings', async () => {
    const stored = (await ctx.stores.settings.get('service')) as
      | Partial<ServiceSettings>
      | undefined;
    return { ...defaults(), ...stored };
  });
}

export async function updateServiceSettings(
  ctx: AppContext,
  patch: Partial<ServiceSettings>,
): Promise<ServiceSettings> {
  ctx.cache.forget('settings');
  const next = { ...(await getServiceSettings(ctx)), ...patch };
  await ctx.stores.settings.set('service', next, ctx.clock.now());
  ctx.cache.forget('settings');
  return next;
}
