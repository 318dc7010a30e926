// The directory of a context: its client, made on first use (the command line
// and a server without a directory never load the LDAP client) and closed with
// the context (closeContext).
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { DirectoryClient } from './client.ts';
import { directorySettings } from './settings.ts';

const clients = new WeakMap<AppContext, DirectoryClient | null>();

/** The context's directory client, or null when no directory is configured. */
export function directoryOf(ctx: AppContext): DirectoryClient | null {
  let client = clients.get(ctx);
  if (client === undefined) {
    const settings = directorySettings(ctx.config);
    client = settings ? new DirectoryClient(settings, ctx.log, () => ctx.clock.now()) : null;
    clients.set(ctx, client);
    if (client) ctx.closers.push(() => client!.close());
  }
  return client;
}

/** The directory client, or a clear error when none is configured. */
export function requireDirectory(ctx: AppContext): DirectoryClient {
  const client = directoryOf(ctx);
  if (!client)
    throw new AppError('directory_not_configured', {
      detail:
        'No directory is configured: set PORTCULLIS_DIRECTORY_URL and PORTCULLIS_DIRECTORY_BASE_DN (see docs/configuration.md).',
    });
  return client;
}
