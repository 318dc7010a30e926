// A directory user's password, checked by the directory: the entry is found
// again by its stable identifier (so a move or rename since the last sync does
// not matter, and an account disabled or taken out of scope since then is
// refused at once), then bound as. Portcullis never stores the password.
import { AndFilter, NotFilter } from 'ldapts';
import type { DirectoryClient } from './client.ts';
import { idFilter, uacDisabled } from './entries.ts';

/** True when the entry exists, is in scope, is enabled, and takes the password. */
export async function verifyDirectoryPassword(
  client: DirectoryClient,
  directoryId: string,
  password: string,
): Promise<boolean> {
  const s = client.settings;
  const [entry] = await client.search({
    base: s.baseDn,
    filter: new AndFilter({
      filters: [
        s.userFilter,
        idFilter(s, directoryId),
        ...(s.disabledFilter ? [new NotFilter({ filter: s.disabledFilter })] : []),
      ],
    }),
    attributes: s.flavour === 'ad' ? ['userAccountControl'] : ['1.1'],
  });
  if (!entry || (s.flavour === 'ad' && uacDisabled(entry))) return false;
  return client.verifyPassword(entry.dn, password);
}
