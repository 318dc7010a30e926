// The account password, wherever it lives: a local user's hash, or a directory
// user's entry (bound as). Directory users' checks take as long as a hash check
// (a dummy one runs beside the bind), so timing does not tell which kind a user
// name is. While the directory cannot be reached, directory users get "sign-in
// is temporarily unavailable" (503, not a wrong password); local users and app
// passwords do not depend on it.
import type { AppContext } from '../context.ts';
import { DirectoryServiceBindError, DirectoryUnavailableError } from '../directory/client.ts';
import { directoryOf } from '../directory/index.ts';
import { verifyDirectoryPassword } from '../directory/password.ts';
import { AppError } from '../errors.ts';
import type { UserRow } from '../storage/users.ts';

/** Seconds a client is asked to wait while the directory is away. */
const RETRY_AFTER = 30;

export async function checkAccountPassword(
  ctx: AppContext,
  user: Pick<UserRow, 'source' | 'password_hash' | 'directory_id'>,
  password: string,
): Promise<boolean> {
  if (user.source !== 'directory') return ctx.hasher.verify(user.password_hash, password);
  const directory = directoryOf(ctx);
  if (!directory || !user.directory_id) {
    ctx.log.warn('a directory user tried to sign in, but no directory is configured');
    throw new AppError('signin_unavailable', { retryAfter: RETRY_AFTER });
  }
  try {
    const [ok] = await Promise.all([
      verifyDirectoryPassword(directory, user.directory_id, password),
      ctx.hasher.verifyDummy(password),
    ]);
    return ok;
  } catch (e) {
    if (e instanceof DirectoryUnavailableError || e instanceof DirectoryServiceBindError)
      throw new AppError('signin_unavailable', { retryAfter: RETRY_AFTER, cause: e });
    throw e;
  }
}
