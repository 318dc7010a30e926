// The directory as the portal, the API and the command line use it: status,
// a test of the settings, a sync now. Faults of the directory become errors an
// administrator can act on (directory_error, 502).
import type { AppContext } from '../context.ts';
import type { Actor } from '../services/audit.ts';
import { directoryOf, requireDirectory } from './index.ts';
import {
  type DirectoryStatus,
  type DirectoryTest,
  directoryStatus,
  testDirectory,
} from './status.ts';
import { directoryError, type SyncOptions, type SyncReport, syncDirectory } from './sync.ts';

export type { DirectoryStatus, DirectoryTest, SyncReport };

export const getDirectoryStatus = (ctx: AppContext): Promise<DirectoryStatus> =>
  directoryStatus(ctx, directoryOf(ctx));

export async function runDirectoryTest(
  ctx: AppContext,
  opts: { upn?: string } = {},
): Promise<DirectoryTest> {
  const client = requireDirectory(ctx);
  try {
    return await testDirectory(client, opts);
  } catch (e) {
    directoryError(e);
  }
}

export const runDirectorySync = (
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  opts: Omit<SyncOptions, 'actor'>,
): Promise<SyncReport> => syncDirectory(ctx, requireDirectory(ctx), { ...opts, actor });
